/**
 * Organization membership: which people belong to an organization, in which role. THE owner of
 * the rule (ADR 080): every module asks here instead of querying Membership itself.
 *
 * A person is an active member of an organization while the membership is not revoked, the
 * person's account is not deactivated and the organization is not deleted. Revoked memberships
 * are kept for the audit trail.
 *
 * Two readers build the same condition inside their own one-statement reads and are listed in
 * ADR 080: the session context (auth/service.server.ts loadAuthContext, one query per request)
 * and the directory's session scope (directory/viewer.server.ts, raw SQL).
 */
import { forbidden } from "~/utils/app-error";
import { db, type Prisma } from "~/utils/db.server";
import type { OrganizationRole } from "~/utils/permissions";
import { translatable } from "~/utils/translatable";

type Client = Prisma.TransactionClient;

/** THE condition for an active membership, as a Prisma filter. */
export function activeMembershipWhere(organizationId?: string): Prisma.MembershipWhereInput {
  return { ...(organizationId ? { organizationId } : {}), revokedAt: null, organization: { deletedAt: null }, user: { deactivatedAt: null } };
}

/** The person's active membership of the organization (its role), or null. */
export function activeMembership(userId: string, organizationId: string, client: Client = db): Promise<{ role: OrganizationRole } | null> {
  return client.membership.findFirst({ where: { ...activeMembershipWhere(organizationId), userId }, select: { role: true } });
}

/** The person still belongs to the organization, or a 403. */
export async function assertActiveMember(userId: string, organizationId: string, client: Client = db) {
  const membership = await activeMembership(userId, organizationId, client);
  if (!membership) throw forbidden(translatable("errors.services.org.noLongerMember"));
  return membership;
}

/** Is someone with this email address an active member of the organization? */
export async function isActiveMemberEmail(organizationId: string, email: string): Promise<boolean> {
  return (await db.membership.count({ where: { ...activeMembershipWhere(organizationId), user: { email, deactivatedAt: null } } })) > 0;
}

/** How many people are active members of the organization. */
export function countPeople(organizationId: string): Promise<number> {
  return db.membership.count({ where: activeMembershipWhere(organizationId) });
}

/** The active members' addresses (for mail), optionally only some roles, longest-standing first. */
export async function peopleToNotify(organizationId: string, { roles }: { roles?: readonly OrganizationRole[] } = {}, client: Client = db) {
  const rows = await client.membership.findMany({
    where: { ...activeMembershipWhere(organizationId), ...(roles ? { role: { in: [...roles] } } : {}) },
    select: { user: { select: { email: true, preferredLocale: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.user);
}

/** The person's address (for mail) while an active member of the organization, else null. */
export async function memberToNotify(userId: string, organizationId: string, client: Client = db) {
  const row = await client.membership.findFirst({ where: { ...activeMembershipWhere(organizationId), userId }, select: { user: { select: { email: true, preferredLocale: true } } } });
  return row?.user ?? null;
}

/** The organization's active members for the People page, directors first, then by name. */
export function listActiveMembers(organizationId: string) {
  return db.membership.findMany({
    where: activeMembershipWhere(organizationId),
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
}

/** The organization's active members in some roles, by name (e.g. who may be a client's care manager). */
export async function activeMembersInRoles(organizationId: string, roles: readonly OrganizationRole[], { take = 500 }: { take?: number } = {}) {
  const rows = await db.membership.findMany({
    where: { ...activeMembershipWhere(organizationId), role: { in: [...roles] } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take,
  });
  return rows.map((r) => r.user);
}
