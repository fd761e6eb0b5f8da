/**
 * Coalition membership: which organizations belong to a coalition, and who convenes it. THE owner
 * of these rules (ADR 080): every module asks here instead of querying CoalitionMember or
 * CoalitionRole itself, so "member" means the same thing on every page.
 *
 * An organization is an active member of a coalition while its CoalitionMember row is ACTIVE and
 * the organization is not deleted. A member that left keeps its row (status LEFT, leftAt) for the
 * measures that count members at a past date (memberAtWhere).
 *
 * Raw SQL that joins CoalitionMember for speed (directory/viewer.server.ts sessionScope,
 * directory/coverage.server.ts, referral/service.server.ts partnership) writes the same status
 * condition by hand; ADR 080 lists them, and a change to the rule here must be made there too.
 */
import { db, type Prisma } from "~/utils/db.server";

/** THE condition for an active member row, as a Prisma filter (for queries that join through it). */
export function activeMemberWhere(coalitionId?: string): Prisma.CoalitionMemberWhereInput {
  return { ...(coalitionId ? { coalitionId } : {}), status: "ACTIVE", organization: { deletedAt: null } };
}

/**
 * Members at an instant, for measures over past periods: joined before `at` and not left by then
 * (a member that left later still counts for the periods it belonged).
 */
export function memberAtWhere(coalitionId: string, at: Date): Prisma.CoalitionMemberWhereInput {
  return { coalitionId, joinedAt: { lt: at }, OR: [{ leftAt: null }, { leftAt: { gte: at } }] };
}

/** Is the organization an active member of the coalition now? */
export async function isActiveMember(coalitionId: string, organizationId: string): Promise<boolean> {
  return (await db.coalitionMember.count({ where: { ...activeMemberWhere(coalitionId), organizationId } })) > 0;
}

/** Which of these organizations are active members of the coalition (the rest are not, or do not exist). */
export async function activeMembersAmong(coalitionId: string, organizationIds: readonly string[]): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db.coalitionMember.findMany({ where: { ...activeMemberWhere(coalitionId), organizationId: { in: [...new Set(organizationIds)] } }, select: { organizationId: true } });
  return new Set(rows.map((r) => r.organizationId));
}

/** The coalitions the organization is an active member of, oldest membership first. */
export async function coalitionIdsOf(organizationId: string): Promise<string[]> {
  const rows = await db.coalitionMember.findMany({ where: { ...activeMemberWhere(), organizationId }, select: { coalitionId: true }, orderBy: { joinedAt: "asc" } });
  return rows.map((r) => r.coalitionId);
}

/** How many organizations are active members of the coalition now. */
export function countActiveMembers(coalitionId: string): Promise<number> {
  return db.coalitionMember.count({ where: activeMemberWhere(coalitionId) });
}

/** How many organizations were members of the coalition at an instant (see memberAtWhere). */
export function countMembersAt(coalitionId: string, at: Date): Promise<number> {
  return db.coalitionMember.count({ where: memberAtWhere(coalitionId, at) });
}

/** The coalition's member organizations in full, by name (the coalition settings page). */
export async function listMemberOrganizations(coalitionId: string) {
  const rows = await db.coalitionMember.findMany({
    where: activeMemberWhere(coalitionId),
    select: {
      joinedAt: true,
      organization: {
        select: { id: true, name: true, slug: true, kind: true, description: true, email: true, phone: true, website: true, addressLine1: true, city: true, postalCode: true },
      },
    },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => ({ ...r.organization, joinedAt: r.joinedAt }));
}

/** The coalition's member organizations as choices (id, name, kind), by name, optionally without one. */
export async function memberOrganizationOptions(coalitionId: string, { except }: { except?: string | null } = {}) {
  const rows = await db.coalitionMember.findMany({
    where: { ...activeMemberWhere(coalitionId), ...(except ? { organizationId: { not: except } } : {}) },
    select: { organization: { select: { id: true, name: true, kind: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => r.organization);
}

/** Every other organization that is an active member of one of the organization's coalitions, by name. */
export async function partnersOf(organizationId: string) {
  const coalitionIds = await coalitionIdsOf(organizationId);
  if (coalitionIds.length === 0) return [];
  return db.organization.findMany({
    where: { id: { not: organizationId }, deletedAt: null, coalitions: { some: { status: "ACTIVE", coalitionId: { in: coalitionIds } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** THE condition for a convener: an unrevoked CONVENER role in the coalition. */
export function convenerRoleWhere(coalitionId?: string): Prisma.CoalitionRoleWhereInput {
  return { ...(coalitionId ? { coalitionId } : {}), role: "CONVENER", revokedAt: null };
}

/** Does the person convene the coalition now? */
export async function isConvener(userId: string, coalitionId: string): Promise<boolean> {
  return (await db.coalitionRole.count({ where: { ...convenerRoleWhere(coalitionId), userId } })) > 0;
}
