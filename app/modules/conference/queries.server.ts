import { db } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { coalitionIdsOf, memberOrganizationOptions } from "~/modules/coalition/membership.server";

/**
 * THE rule for who sees a conference, used by the conference pages and by every list of
 * conferences (the conferences page, the home page of every role, any summary): its host
 * organization, the organizations it invites, or — when it is for the whole coalition — every
 * active member organization. A list never shows what the page would answer with a 404.
 */
export async function visibleConferencesWhere(organizationId: string): Promise<Prisma.ConferenceWhereInput> {
  const coalitionIds = await coalitionIdsOf(organizationId);
  return {
    OR: [
      { hostOrganizationId: organizationId },
      { invitations: { some: { organizationId } } },
      { wholeCoalition: true, coalitionId: { in: coalitionIds } },
    ],
  };
}

/** Visible to the organization, not ended and not cancelled, from `since` on (soonest first). */
export async function upcomingConferencesWhere({ organizationId, coalitionId, since }: { organizationId: string; coalitionId?: string; since?: Date }): Promise<Prisma.ConferenceWhereInput> {
  return {
    AND: [
      await visibleConferencesWhere(organizationId),
      { status: { not: "ENDED" }, cancelledAt: null, ...(coalitionId ? { coalitionId } : {}), ...(since ? { startsAt: { gte: since } } : {}) },
    ],
  };
}

export async function coalitionTimeZone(coalitionId: string | null | undefined) {
  if (!coalitionId) return "UTC";
  const coalition = await db.coalition.findUnique({ where: { id: coalitionId }, select: { timeZone: true } });
  return coalition?.timeZone ?? "UTC";
}

export async function partnerOrganizations(coalitionId: string, exceptOrganizationId: string) {
  const rows = await memberOrganizationOptions(coalitionId, { except: exceptOrganizationId });
  return rows.map(({ id, name }) => ({ id, name }));
}
