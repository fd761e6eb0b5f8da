/**
 * Sign-in, sessions and "who am I": the one place that turns a request into a user, the current
 * organization and coalition, and the permissions they hold there.
 */
import { AppError, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { permissionsFor } from "~/utils/permissions";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { endSessionConnections } from "~/realtime/session.server";
import type { Actor, AuthContext, OrganizationSummary } from "./actor";
import { SESSION_TTL_MS } from "./cookie.server";
import { liveSessionWhere } from "./liveness.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server";
import { assertStrongPassword, passwordText } from "./password-strength.server";
import { beginSignInAttempt, signInFailed, signInSucceeded } from "./sign-in-limits.server";
import { activeMemberWhere, convenerRoleWhere } from "~/modules/coalition/membership.server";
import { activeMembershipWhere } from "~/modules/org/membership.server";

export type { AuthContext, OrganizationSummary };

export const SIGN_IN_FAILED_MESSAGE = "That email and password do not match an account.";
export const SIGN_IN_THROTTLED_MESSAGE = "Too many sign-in attempts from your network. Wait 15 minutes, then try again.";

/**
 * Checks the password under the sign-in limits (per account and per client address, in the
 * database: see sign-in-limits.server.ts). A locked account answers exactly as a wrong password
 * does, after the same password-hashing time, so the answer never says whether the password was
 * right; a limited address is refused before any hashing (429).
 */
export async function signIn({ email, password, request }: { email: string; password: string; request: RequestMeta }) {
  const normalized = email.trim().toLowerCase();
  const attempt = await beginSignInAttempt({ email: normalized, ipAddress: request.ipAddress });
  if (attempt.addressLocked) {
    await signInFailed();
    await recordAuditEvent({ action: "auth.sign_in_failed", subjectType: "User", subjectId: null, metadata: { email: normalized, reason: "address_limit" }, request });
    throw new AppError({ message: SIGN_IN_THROTTLED_MESSAGE, status: 429 });
  }
  const user = await db.user.findUnique({
    where: { email: normalized },
    include: { password: true, memberships: { where: activeMembershipWhere(), orderBy: { createdAt: "asc" } } },
  });
  const checkable = user?.password && !user.deactivatedAt && !attempt.accountLocked;
  const valid = checkable ? await verifyPassword(user.password!.hash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await signInFailed();
    const reason = attempt.accountLocked ? "account_limit" : undefined;
    await recordAuditEvent({ action: "auth.sign_in_failed", subjectType: "User", subjectId: user?.id ?? null, metadata: { email: normalized, ...(reason ? { reason } : {}) }, request });
    throw new AppError({ message: SIGN_IN_FAILED_MESSAGE, status: 400 });
  }
  await signInSucceeded(attempt);
  const session = await startSession({ user, request });
  return { session, user };
}

/** A new session for a person who just proved who they are (sign-in, or setting their password from an invitation). */
export async function startSession({ user, request }: { user: { id: string; memberships: { organizationId: string }[] }; request: RequestMeta }) {
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
  return session;
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
  const session = await db.session.findFirst({
    where: { id: sessionId, ...liveSessionWhere() },
    include: {
      user: {
        include: {
          // The membership rules' owners (ADR 080) say who belongs where; this one query applies them.
          memberships: {
            where: activeMembershipWhere(),
            include: {
              organization: {
                include: { coalitions: { where: activeMemberWhere(), include: { coalition: true }, orderBy: { joinedAt: "asc" } } },
              },
            },
            orderBy: { createdAt: "asc" },
          },
          coalitionRoles: { where: convenerRoleWhere() },
        },
      },
    },
  });
  if (!session) return null;

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

export async function switchOrganization({ actor, organizationId }: { actor: Actor<"user">; organizationId: string }) {
  // Deny by default: only an organization the user belongs to now; anything else looks absent.
  if (!actor.organizations.some((o) => o.id === organizationId)) {
    throw recordNotFound("organization");
  }
  await db.session.update({ where: { id: actor.sessionId }, data: { currentOrganizationId: organizationId } });
  await recordAuditEvent({ action: "auth.switch_organization", subjectType: "Organization", subjectId: organizationId, actorUserId: actor.userId, organizationId, request: actor.request });
}

export async function setPreferredLocale({ userId, locale }: { userId: string; locale: string }) {
  await db.user.update({ where: { id: userId }, data: { preferredLocale: locale } });
}

/**
 * A signed-in person changes their password: the current one is required (checked under the
 * sign-in limits, so a borrowed session cannot guess it), the new one must be hard to guess, and
 * every other session of theirs ends. Returns the ended sessions (their live connections go too).
 */
export async function changePassword({ actor, currentPassword, newPassword, locale }: { actor: Actor<"user">; currentPassword: string; newPassword: string; locale: string }) {
  const { request } = actor;
  const text = passwordText(locale);
  const user = await db.user.findUnique({ where: { id: actor.userId }, include: { password: true } });
  if (!user) throw recordNotFound("user");
  const attempt = await beginSignInAttempt({ email: user.email, ipAddress: request.ipAddress });
  const locked = attempt.accountLocked || attempt.addressLocked;
  const valid = user.password && !locked ? await verifyPassword(user.password.hash, currentPassword) : (await burnPasswordCheck(currentPassword), false);
  if (!valid) {
    await signInFailed();
    await recordAuditEvent({ action: "auth.password_change_failed", subjectType: "User", subjectId: user.id, actorUserId: user.id, organizationId: actor.organizationId, metadata: locked ? { reason: "limit" } : {}, request });
    throw new AppError({ message: text.currentWrong, status: 400, fieldErrors: { currentPassword: [text.currentWrong] } });
  }
  await signInSucceeded(attempt);
  if (newPassword === currentPassword) throw new AppError({ message: text.sameAsCurrent, status: 400, fieldErrors: { newPassword: [text.sameAsCurrent] } });
  assertStrongPassword({ password: newPassword, userInputs: [user.email, user.name, ...actor.organizations.map((o) => o.name)], locale, field: "newPassword" });

  const hash = await hashPassword(newPassword);
  const result = await db.$transaction(async (tx) => {
    await tx.password.upsert({ where: { userId: user.id }, create: { userId: user.id, hash }, update: { hash } });
    const others = await tx.session.findMany({ where: { userId: user.id, revokedAt: null, id: { not: actor.sessionId } }, select: { id: true } });
    await tx.session.updateMany({ where: { id: { in: others.map((s) => s.id) } }, data: { revokedAt: new Date() } });
    await recordAuditEvent(
      { action: "auth.password_changed", subjectType: "User", subjectId: user.id, actorUserId: user.id, organizationId: actor.organizationId, metadata: { endedSessions: others.length }, request },
      tx,
    );
    return { endedSessionIds: others.map((s) => s.id) };
  });
  // The other sessions' live connections end now, on every node (after the commit, so a socket
  // that reconnects at once finds its session revoked).
  endSessionConnections(result.endedSessionIds);
  return result;
}
