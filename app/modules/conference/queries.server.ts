import { recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
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

/**
 * The author reopens their own vignette draft (with its dismissed findings) in the editor. A draft
 * may still hold identifiers the check found, so reading it is audited as every such read is;
 * another person's vignette, or one of another conference, is a 404.
 */
export async function openOwnVignette({ actor, conferenceId, vignetteId }: { actor: { userId: string; organizationId: string; request: RequestMeta }; conferenceId: string; vignetteId: string }) {
  const vignette = await db.vignette.findFirst({
    where: { id: vignetteId, conferenceId, authorId: actor.userId },
    include: { dismissals: { orderBy: { createdAt: "asc" } } },
  });
  if (!vignette) throw recordNotFound("vignette");
  await recordAuditEvent({ action: "conference.vignette_viewed", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId }, request: actor.request });
  return vignette;
}
