import { db } from "~/utils/db.server";

export async function getHomeSummary({ organizationId, coalitionId }: { organizationId: string | null; coalitionId: string | null }) {
  const [memberCount, partnerCount, coalition] = await Promise.all([
    organizationId ? db.membership.count({ where: { organizationId, revokedAt: null } }) : 0,
    coalitionId ? db.coalitionMember.count({ where: { coalitionId, status: "ACTIVE", organization: { deletedAt: null } } }) : 0,
    coalitionId ? db.coalition.findUnique({ where: { id: coalitionId }, select: { visionStatement: true } }) : null,
  ]);
  return { memberCount, partnerCount, visionStatement: coalition?.visionStatement ?? "" };
}
