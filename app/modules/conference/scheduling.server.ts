/**
 * Conferences themselves: scheduling, the lists, the room's view, going live, ending and
 * cancelling. (Vignettes, the discussion and next steps have their own files; the list is in service.server.ts.)
 */
import { AppError, forbidden } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { boundedDateTime, DATE_MAX, DATE_MIN } from "~/utils/form-fields";
import { visibleConferencesWhere } from "./queries.server";
import { activeMembersAmong } from "~/modules/coalition/membership.server";
import { participatingOrganizations, requireConferenceAccess, type Actor } from "./service.server";
import { unresolvedFindings } from "./vignettes.server";
import { messagesSince } from "./chat.server";
import { listNextSteps } from "./next-steps.server";

const START_RANGE_MESSAGE = translatable("errors.services.conference.startRange", { from: DATE_MIN.slice(0, 4), to: DATE_MAX.slice(0, 4) });

/**
 * How far in the past a start may be: a host filling in "now" (the form has minutes, and takes a
 * while to fill in) is starting now, not scheduling in the past. Anything earlier is refused.
 */
export const START_GRACE_MS = 5 * 60_000;

export async function scheduleConference({
  actor,
  coalitionId,
  input,
  at = new Date(),
}: {
  actor: Actor;
  coalitionId: string;
  input: { title: string; startsAt: string; agenda: string; audience: "coalition" | "organizations"; organizationIds: string[] };
  at?: Date;
}) {
  const startsAt = new Date(input.startsAt);
  // The form's bound is checked again once the coalition's time zone is applied (schema at the edge, rule here).
  if (!boundedDateTime(START_RANGE_MESSAGE).safeParse(startsAt).success) {
    throw new AppError({ message: START_RANGE_MESSAGE, fieldErrors: { startsAt: [START_RANGE_MESSAGE] } });
  }
  // A rule about "now", so here and not in the schema: the instant is known only with the coalition's time zone.
  if (startsAt.getTime() < at.getTime() - START_GRACE_MS) {
    const message = translatable("conference.schedule.startInPast", { minutes: START_GRACE_MS / 60_000 });
    throw new AppError({ message, fieldErrors: { startsAt: [message] } });
  }
  const wholeCoalition = input.audience === "coalition";
  const invited = wholeCoalition ? [] : [...new Set(input.organizationIds.filter((id) => id !== actor.organizationId))];
  if (invited.length) {
    const members = await activeMembersAmong(coalitionId, invited);
    if (members.size !== invited.length) {
      throw new AppError({ message: translatable("errors.services.conference.invitePartnersOnly"), fieldErrors: { organizationIds: [translatable("errors.services.conference.notAPartnerOrg")] } });
    }
  }
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.create({
      data: {
        coalitionId,
        hostOrganizationId: actor.organizationId,
        createdById: actor.userId,
        title: input.title,
        agenda: input.agenda,
        startsAt,
        wholeCoalition,
        invitations: { create: [actor.organizationId, ...invited].map((organizationId) => ({ organizationId })) },
      },
    });
    await recordAuditEvent(
      {
        action: "conference.scheduled",
        subjectType: "Conference",
        subjectId: conference.id,
        actorUserId: actor.userId,
        organizationId: actor.organizationId,
        coalitionId,
        metadata: { wholeCoalition, invited },
        request: actor.request,
      },
      tx,
    );
    return conference;
  });
}

export async function listConferences(organizationId: string) {
  const conferences = await db.conference.findMany({
    where: await visibleConferencesWhere(organizationId),
    orderBy: { startsAt: "asc" },
    include: {
      hostOrganization: { select: { id: true, name: true } },
      _count: { select: { vignettes: { where: { sharedAt: { not: null } } }, nextSteps: true } },
    },
  });
  const upcoming = conferences.filter((c) => c.status !== "ENDED");
  const past = conferences.filter((c) => c.status === "ENDED").reverse();
  return { upcoming, past };
}

/** Everything a participant sees: shared vignettes (and their own drafts), messages, next steps. */
export async function getConference({ conferenceId, actor }: { conferenceId: string; actor: Actor }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  const [host, organizations, vignettes, messages, nextSteps, cancelledBy] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: conference.hostOrganizationId }, select: { id: true, name: true } }),
    participatingOrganizations(conference),
    db.vignette.findMany({
      where: { conferenceId, OR: [{ sharedAt: { not: null } }, { authorId: actor.userId }] },
      orderBy: { createdAt: "asc" },
      include: { dismissals: true },
    }),
    messagesSince(conferenceId, 0),
    listNextSteps(conferenceId),
    conference.cancelledById ? db.user.findUnique({ where: { id: conference.cancelledById }, select: { name: true } }) : null,
  ]);
  return {
    conference,
    cancelled: conference.cancelledAt ? { at: conference.cancelledAt, byName: cancelledBy?.name ?? "" } : null,
    host,
    organizations,
    vignettes: await Promise.all(vignettes.map(async (v) => ({ ...v, findings: v.sharedAt ? [] : await unresolvedFindings(v) }))),
    messages,
    nextSteps,
    isHost: conference.hostOrganizationId === actor.organizationId,
  };
}

export async function endConference({ actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  if (conference.hostOrganizationId !== actor.organizationId) throw forbidden(translatable("errors.services.conference.hostOnlyEnd"));
  if (conference.status === "ENDED") return conference;
  return db.$transaction(async (tx) => {
    const ended = await tx.conference.update({ where: { id: conferenceId }, data: { status: "ENDED", endedAt: new Date() } });
    await recordAuditEvent(
      { action: "conference.ended", subjectType: "Conference", subjectId: conferenceId, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: conference.coalitionId, request: actor.request },
      tx,
    );
    return ended;
  });
}

/**
 * The host organization cancels a conference that has not ended (scheduled, or opened but no
 * longer needed). It ends at once — no more messages, vignettes or joins take effect — and is kept
 * for the record with who cancelled it and when; it leaves every upcoming list. Audited.
 */
export async function cancelConference({ actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  if (conference.hostOrganizationId !== actor.organizationId) throw forbidden(translatable("errors.services.conference.hostOnlyCancel"));
  if (conference.cancelledAt) return conference;
  if (conference.status === "ENDED") throw new AppError({ message: translatable("errors.services.conference.alreadyEnded"), status: 409 });
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional on not ended: a host ending it at the same moment does not get cancelled over.
    const changed = await tx.conference.updateMany({ where: { id: conferenceId, status: { not: "ENDED" } }, data: { status: "ENDED", endedAt: now, cancelledAt: now, cancelledById: actor.userId } });
    if (!changed.count) throw new AppError({ message: translatable("errors.services.conference.alreadyEnded"), status: 409 });
    await recordAuditEvent(
      { action: "conference.cancelled", subjectType: "Conference", subjectId: conferenceId, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: conference.coalitionId, metadata: { startsAt: conference.startsAt.toISOString(), previousStatus: conference.status }, request: actor.request },
      tx,
    );
    return tx.conference.findUniqueOrThrow({ where: { id: conferenceId } });
  });
}

/** The first join while scheduled marks the conference live. */
export async function markLive(conferenceId: string) {
  await db.conference.updateMany({ where: { id: conferenceId, status: "SCHEDULED" }, data: { status: "LIVE" } });
}
