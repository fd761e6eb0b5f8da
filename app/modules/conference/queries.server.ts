import { db } from "~/utils/db.server";

export async function coalitionTimeZone(coalitionId: string | null | undefined) {
  if (!coalitionId) return "UTC";
  const coalition = await db.coalition.findUnique({ where: { id: coalitionId }, select: { timeZone: true } });
  return coalition?.timeZone ?? "UTC";
}

export async function partnerOrganizations(coalitionId: string, exceptOrganizationId: string) {
  const rows = await db.coalitionMember.findMany({
    where: { coalitionId, status: "ACTIVE", organizationId: { not: exceptOrganizationId }, organization: { deletedAt: null } },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => r.organization);
}
