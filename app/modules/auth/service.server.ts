/**
 * Sign-in, sessions and "who am I": the one place that turns a request into a user, the current
 * organization and coalition, and the permissions they hold there.
 */
import { AppError } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { permissionsFor, type OrganizationRole, type Permission } from "~/utils/permissions";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { endSessionConnections } from "~/realtime/session.server";
import { SESSION_TTL_MS } from "./cookie.server";
import { burnPasswordCheck, verifyPassword } from "./password.server";

export type OrganizationSummary = { id: string; name: string; slug: string; kind: string; role: OrganizationRole };

export type AuthContext = {
  sessionId: string;
  user: { id: string; email: string; name: string; preferredLocale: string | null };
  organizations: OrganizationSummary[];
  organization: OrganizationSummary | null;
  coalition: { id: string; name: string; slug: string } | null;
  isConvener: boolean;
  permissions: Set<Permission>;
};

export async function signIn({ email, password, request }: { email: string; password: string; request: RequestMeta }) {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    include: { password: true, memberships: { where: { revokedAt: null }, orderBy: { createdAt: "asc" } } },
  });
  const valid = user?.password && !user.deactivatedAt ? await verifyPassword(user.password.hash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await recordAuditEvent({ action: "auth.sign_in_failed", subjectType: "User", subjectId: user?.id ?? null, metadata: { email: email.toLowerCase() }, request });
    throw new AppError({ message: "That email and password do not match an account.", status: 400 });
  }
  const session = await db.session.create({
    data: {
      userId: user.id,
      currentOrganizationId: user.memberships[0]?.organizationId ?? null,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      ipAddress: request.ipAddress ?? null,
      userAgent: request.userAgent?.slice(0, 500) ?? null,
    },
  });
  await recordAuditEvent({ action: "auth.sign_in", subjectType: "Session", subjectId: session.id, actorUserId: user.id, organizationId: session.currentOrganizationId, request });
  return { session, user };
}

export async function signOut({ sessionId, request }: { sessionId: string; request: RequestMeta }) {
  const session = await db.session.findUnique({ where: { id: sessionId } });
  if (!session || session.revokedAt) return;
  await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
  // Its live sockets end with it, on every server process (ADR 064). Any other place that ends a session calls this too.
  endSessionConnections(sessionId);
  await recordAuditEvent({ action: "auth.sign_out", subjectType: "Session", subjectId: sessionId, actorUserId: session.userId, organizationId: session.currentOrganizationId, request });
}

/** Loads the signed-in context for a session id, or null when it is unknown, revoked or expired. */
export async function loadAuthContext(sessionId: string): Promise<AuthContext | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        include: {
          memberships: {
            where: { revokedAt: null, organization: { deletedAt: null } },
            include: {
              organization: {
                include: { coalitions: { where: { status: "ACTIVE" }, include: { coalition: true }, orderBy: { joinedAt: "asc" } } },
              },
            },
            orderBy: { createdAt: "asc" },
          },
          coalitionRoles: { where: { revokedAt: null } },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date() || session.user.deactivatedAt) return null;

  const { user } = session;
  const organizations: OrganizationSummary[] = user.memberships.map((m) => ({
    id: m.organization.id,
    name: m.organization.name,
    slug: m.organization.slug,
    kind: m.organization.kind,
    role: m.role,
  }));
  const current = user.memberships.find((m) => m.organizationId === session.currentOrganizationId) ?? user.memberships[0] ?? null;
  const coalitionRecord = current?.organization.coalitions[0]?.coalition ?? null;
  const coalition = coalitionRecord && !coalitionRecord.deletedAt ? { id: coalitionRecord.id, name: coalitionRecord.name, slug: coalitionRecord.slug } : null;
  const isConvener = !!coalition && user.coalitionRoles.some((r) => r.coalitionId === coalition.id && r.role === "CONVENER");
  const organization = current ? organizations.find((o) => o.id === current.organizationId) ?? null : null;

  // Sliding expiry, written at most once a minute.
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  }

  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, name: user.name, preferredLocale: user.preferredLocale },
    organizations,
    organization,
    coalition,
    isConvener,
    permissions: permissionsFor({ role: organization?.role ?? null, isConvener }),
  };
}

export async function switchOrganization({ auth, organizationId, request }: { auth: AuthContext; organizationId: string; request: RequestMeta }) {
  // Deny by default: only an organization the user belongs to now; anything else looks absent.
  if (!auth.organizations.some((o) => o.id === organizationId)) {
    throw new AppError({ message: "Organization not found", status: 404 });
  }
  await db.session.update({ where: { id: auth.sessionId }, data: { currentOrganizationId: organizationId } });
  await recordAuditEvent({ action: "auth.switch_organization", subjectType: "Organization", subjectId: organizationId, actorUserId: auth.user.id, organizationId, request });
}

export async function setPreferredLocale({ userId, locale }: { userId: string; locale: string }) {
  await db.user.update({ where: { id: userId }, data: { preferredLocale: locale } });
}
