import { db } from "~/utils/db.server";
import { countActiveMembers } from "~/modules/coalition/membership.server";
import { countPeople } from "./membership.server";

export async function getHomeSummary({ organizationId, coalitionId }: { organizationId: string | null; coalitionId: string | null }) {
  const [memberCount, partnerCount, coalition] = await Promise.all([
    organizationId ? countPeople(organizationId) : 0,
    coalitionId ? countActiveMembers(coalitionId) : 0,
    coalitionId ? db.coalition.findUnique({ where: { id: coalitionId }, select: { visionStatement: true } }) : null,
  ]);
  return { memberCount, partnerCount, visionStatement: coalition?.visionStatement ?? "" };
}
