/**
 * Case-vignette conferences: scheduling, vignettes checked for identifiers before sharing, the
 * live discussion (checked before it is stored), next steps and their tracking.
 *
 * Access: a conference is visible to its host organization, the organizations it invites, or —
 * when it is for the whole coalition — every active member organization. Anyone else gets a 404
 * (its existence is not revealed). Callers pass an Actor whose membership the route guard or the
 * socket layer has checked; sockets re-check it on every join (`assertActiveMember`).
 */
import { AppError, forbidden, notFound } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";
import { db } from "~/utils/db.server";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { coalitionGazetteer } from "~/modules/deid/coalition-gazetteer.server";
import { knownClientNameFindings, mergeFindings } from "~/modules/client/known-names.server";
import type { Finding } from "~/modules/deid/types";
import { boundedDateTime, DATE_MAX, DATE_MIN } from "~/utils/form-fields";
import { visibleConferencesWhere } from "./queries.server";
import {
  MESSAGE_MAX_LENGTH,
  VIGNETTE_FIELDS,
  type ChatMessage,
  type NextStepView,
  type VignetteField,
  type VignetteInput,
} from "./schemas";

export type Actor = Pick<import("~/modules/auth/actor").Actor, "userId" | "userName" | "organizationId"> & { request?: RequestMeta };

// --- access ------------------------------------------------------------------------------------

/** The conference if this organization may see it; otherwise a 404. */
export async function requireConferenceAccess(conferenceId: string, organizationId: string) {
  const conference = await db.conference.findFirst({ where: { AND: [{ id: conferenceId }, await visibleConferencesWhere(organizationId)] } });
  if (!conference) throw notFound("Conference not found");
  return conference;
}

/** The person still belongs to the organization (membership not revoked, organization not deleted). */
export async function assertActiveMember(userId: string, organizationId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, organizationId, revokedAt: null, organization: { deletedAt: null }, user: { deactivatedAt: null } },
    select: { role: true },
  });
  if (!membership) throw forbidden("You are no longer a member of this organization");
  return membership;
}

// --- scheduling --------------------------------------------------------------------------------

const START_RANGE_MESSAGE = `Choose a date and time between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}`;

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
    const members = await db.coalitionMember.count({ where: { coalitionId, status: "ACTIVE", organizationId: { in: invited } } });
    if (members !== invited.length) {
      throw new AppError({ message: "Invite only partner organizations of your coalition.", fieldErrors: { organizationIds: ["Not a partner organization"] } });
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

/** The organizations that take part: host, invited, or every active coalition member. */
export async function participatingOrganizations(conference: { id: string; coalitionId: string; wholeCoalition: boolean }) {
  if (conference.wholeCoalition) {
    const members = await db.coalitionMember.findMany({
      where: { coalitionId: conference.coalitionId, status: "ACTIVE", organization: { deletedAt: null } },
      select: { organization: { select: { id: true, name: true } } },
      orderBy: { organization: { name: "asc" } },
    });
    return members.map((m) => m.organization);
  }
  const invitations = await db.conferenceInvitation.findMany({
    where: { conferenceId: conference.id },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return invitations.map((i) => i.organization);
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

// --- vignettes ---------------------------------------------------------------------------------

export type FieldFindings = { field: VignetteField; findings: Finding[] };

type VignetteWithDismissals = Record<VignetteField, string> & { conferenceId: string; authorOrganizationId: string; dismissals: { field: string; type: string; text: string }[] };

/**
 * The identifier check for texts an organization's staff write: the detector's findings plus the
 * names of the organization's own clients (client/known-names: blind indexes, nothing decrypted),
 * and, given the conference's coalition, the places of the coalition's own directory (ADR 088).
 */
export async function checkTexts(organizationId: string, texts: string[], coalitionId?: string): Promise<Finding[][]> {
  const [known, gazetteer] = await Promise.all([knownClientNameFindings({ organizationId, texts }), coalitionId ? coalitionGazetteer(coalitionId) : undefined]);
  return texts.map((text, i) => mergeFindings(detectIdentifiers(text, { gazetteer }), known[i] ?? []));
}

/** The coalition a conference belongs to (its directory is the gazetteer of the check). */
async function coalitionOf(conferenceId: string) {
  return (await db.conference.findUnique({ where: { id: conferenceId }, select: { coalitionId: true } }))?.coalitionId;
}

/** Findings per field, less the ones the author dismissed (same field, type and text). */
export async function unresolvedFindings(vignette: VignetteWithDismissals): Promise<FieldFindings[]> {
  const all = await checkTexts(vignette.authorOrganizationId, VIGNETTE_FIELDS.map((field) => vignette[field] ?? ""), await coalitionOf(vignette.conferenceId));
  return VIGNETTE_FIELDS.map((field, i) => ({
    field,
    findings: (all[i] ?? []).filter((f) => !vignette.dismissals.some((d) => d.field === field && d.type === f.type && d.text === f.text)),
  })).filter((f) => f.findings.length > 0);
}

async function requireOwnVignette(vignetteId: string, actor: Actor) {
  const vignette = await db.vignette.findUnique({ where: { id: vignetteId }, include: { dismissals: true } });
  if (!vignette) throw notFound("Vignette not found");
  await requireConferenceAccess(vignette.conferenceId, actor.organizationId);
  if (vignette.authorId !== actor.userId) throw forbidden("Only the author can change this vignette");
  return vignette;
}

export async function saveVignette({ actor, conferenceId, vignetteId, input }: { actor: Actor; conferenceId: string; vignetteId?: string; input: VignetteInput }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  if (conference.status === "ENDED") throw new AppError({ message: "This conference has ended." });
  if (vignetteId) {
    const existing = await requireOwnVignette(vignetteId, actor);
    if (existing.conferenceId !== conferenceId) throw notFound("Vignette not found");
  }
  const vignette = await db.$transaction(async (tx) => {
    const data = { ...input, sharedAt: null };
    const vignette = vignetteId
      ? await tx.vignette.update({ where: { id: vignetteId }, data, include: { dismissals: true } })
      : await tx.vignette.create({
          data: { ...data, conferenceId, authorId: actor.userId, authorName: actor.userName, authorOrganizationId: actor.organizationId },
          include: { dismissals: true },
        });
    await recordAuditEvent(
      { action: vignetteId ? "conference.vignette_updated" : "conference.vignette_created", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId }, request: actor.request },
      tx,
    );
    return vignette;
  });
  return { vignette, findings: await unresolvedFindings(vignette) };
}

export async function dismissFinding({ actor, input }: { actor: Actor; input: { vignetteId: string; field: VignetteField; type: string; text: string; reason: string } }) {
  const vignette = await requireOwnVignette(input.vignetteId, actor);
  const [found = []] = await checkTexts(vignette.authorOrganizationId, [vignette[input.field]], await coalitionOf(vignette.conferenceId));
  const stillThere = found.some((f) => f.type === input.type && f.text === input.text);
  if (!stillThere) throw new AppError({ message: "That finding is no longer in the vignette." });
  await db.$transaction(async (tx) => {
    await tx.vignetteDismissal.upsert({
      where: { vignetteId_field_type_text: { vignetteId: vignette.id, field: input.field, type: input.type, text: input.text } },
      create: { vignetteId: vignette.id, field: input.field, type: input.type, text: input.text, reason: input.reason, dismissedById: actor.userId },
      update: { reason: input.reason, dismissedById: actor.userId },
    });
    // The dismissed text itself stays out of the audit trail: only its type and the reason.
    await recordAuditEvent(
      { action: "conference.finding_dismissed", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { field: input.field, type: input.type, reason: input.reason }, request: actor.request },
      tx,
    );
  });
}

/**
 * Shares a vignette once the detector has nothing unresolved AND the author confirms having read
 * it for what the detector can miss (it finds about 91–97% of identifiers on new text, ADR 030).
 * The confirmation is recorded in the audit event.
 */
export async function shareVignette({ actor, vignetteId, reviewedByAuthor }: { actor: Actor; vignetteId: string; reviewedByAuthor: boolean }) {
  const vignette = await requireOwnVignette(vignetteId, actor);
  if (!reviewedByAuthor) {
    throw new AppError({ message: "Read the vignette yourself and confirm before sharing: the check can miss an identifier.", fieldErrors: { reviewed: ["Confirm that you have read the vignette"] } });
  }
  const unresolved = await unresolvedFindings(vignette);
  if (unresolved.length) {
    const count = unresolved.reduce((n, f) => n + f.findings.length, 0);
    throw new AppError({ message: `Fix or dismiss the ${count} possible identifier(s) before sharing.`, status: 409 });
  }
  return db.$transaction(async (tx) => {
    const shared = await tx.vignette.update({ where: { id: vignette.id }, data: { sharedAt: new Date(), withdrawnAt: null, withdrawnByName: null } });
    await recordAuditEvent(
      { action: "conference.vignette_shared", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId: vignette.conferenceId, reviewedByAuthor: true }, request: actor.request },
      tx,
    );
    return shared;
  });
}

/**
 * Withdraws a shared vignette because it could identify someone (the detector and the author's read
 * missed it): it becomes a draft again, seen by its author only, with who withdrew it, until it is
 * checked and shared again. Any participating organization may do this; withdrawing a vignette
 * that is no longer shared changes nothing; another person's draft is a 404.
 */
export async function withdrawVignette({ actor, conferenceId, vignetteId, joined }: { actor: Actor; conferenceId: string; vignetteId: string; joined?: boolean }) {
  if (!joined) await requireConferenceAccess(conferenceId, actor.organizationId);
  return db.$transaction(async (tx) => {
    const vignette = await tx.vignette.findFirst({ where: { id: vignetteId, conferenceId }, select: { id: true, sharedAt: true, withdrawnAt: true, authorId: true } });
    if (!vignette || (!vignette.sharedAt && !vignette.withdrawnAt && vignette.authorId !== actor.userId)) throw notFound("Vignette not found");
    const withdrawn = await tx.vignette.updateMany({ where: { id: vignetteId, sharedAt: { not: null } }, data: { sharedAt: null, withdrawnAt: new Date(), withdrawnByName: actor.userName } });
    if (withdrawn.count) {
      await recordAuditEvent(
        { action: "conference.vignette_withdrawn", subjectType: "Vignette", subjectId: vignetteId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId, authorId: vignette.authorId }, request: actor.request },
        tx,
      );
    }
    return { withdrawn: withdrawn.count > 0 };
  });
}

// --- live discussion ---------------------------------------------------------------------------

const toChatMessage = (m: {
  id: string; seq: number; vignetteId: string | null; authorId: string; authorName: string; organizationId: string; organizationName: string; body: string; createdAt: Date;
  hiddenAt: Date | null; hiddenByName: string | null;
}): ChatMessage => ({
  id: m.id,
  seq: m.seq,
  vignetteId: m.vignetteId,
  authorId: m.authorId,
  authorName: m.authorName,
  organizationId: m.organizationId,
  organizationName: m.organizationName,
  body: m.hiddenAt ? "" : m.body,
  createdAt: m.createdAt.toISOString(),
  hiddenAt: m.hiddenAt?.toISOString() ?? null,
  hiddenByName: m.hiddenByName,
});

export type PostResult = { status: "posted"; message: ChatMessage } | { status: "held"; findings: Finding[] };

/**
 * Checks the message with the detector first: a message with an identifier is returned to its
 * author (status "held") and never stored. Otherwise it gets the conference's next sequence
 * number (row lock on the conference: numbers are gap-free and ordered across server processes)
 * and is stored; the caller acknowledges and broadcasts only after this resolves.
 */
export async function postMessage({
  actor,
  conferenceId,
  vignetteId,
  body,
  joined,
}: {
  actor: Actor;
  conferenceId: string;
  vignetteId?: string | null;
  body: string;
  /** Set by the socket layer for a socket whose join (membership and access) was checked. */
  joined?: { organizationName: string };
}): Promise<PostResult> {
  if (body.length > MESSAGE_MAX_LENGTH) throw new AppError({ message: `Messages can be at most ${MESSAGE_MAX_LENGTH} characters.`, status: 413 });
  if (!joined) {
    const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
    if (conference.status === "ENDED") throw new AppError({ message: "This conference has ended.", status: 409 });
  }
  if (vignetteId) {
    const vignette = await db.vignette.findFirst({ where: { id: vignetteId, conferenceId, sharedAt: { not: null } }, select: { id: true } });
    if (!vignette) throw notFound("Vignette not found");
  }
  const [findings = []] = await checkTexts(actor.organizationId, [body], await coalitionOf(conferenceId));
  if (findings.length) {
    await recordAuditEvent({
      action: "conference.message_held",
      subjectType: "Conference",
      subjectId: conferenceId,
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      metadata: { types: [...new Set(findings.map((f) => f.type))] },
      request: actor.request,
    });
    return { status: "held", findings };
  }
  const organizationName = joined?.organizationName ?? (await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } })).name;
  const message = await db.$transaction(async (tx) => {
    const { lastMessageSeq, status } = await tx.conference.update({ where: { id: conferenceId }, data: { lastMessageSeq: { increment: 1 } }, select: { lastMessageSeq: true, status: true } });
    // Checked under the row lock: a conference ended a moment ago takes no more messages.
    if (status === "ENDED") throw new AppError({ message: "This conference has ended.", status: 409 });
    return tx.conferenceMessage.create({
      data: {
        conferenceId,
        seq: lastMessageSeq,
        vignetteId: vignetteId ?? null,
        authorId: actor.userId,
        authorName: actor.userName,
        organizationId: actor.organizationId,
        organizationName,
        body,
      },
    });
  });
  return { status: "posted", message: toChatMessage(message) };
}

/** Messages after sequence number `sinceSeq`, in order (the reconnect catch-up). */
export async function messagesSince(conferenceId: string, sinceSeq: number, limit = 1000) {
  const rows = await db.conferenceMessage.findMany({ where: { conferenceId, seq: { gt: sinceSeq } }, orderBy: { seq: "asc" }, take: limit });
  return rows.map(toChatMessage);
}

/** Every hidden message of a conference (few): a re-join applies hides it missed among older messages. */
export async function hiddenMessages(conferenceId: string) {
  const rows = await db.conferenceMessage.findMany({ where: { conferenceId, hiddenAt: { not: null } }, orderBy: { seq: "asc" } });
  return rows.map(toChatMessage);
}

/**
 * Hides a message for everyone because it could identify someone (the detector missed it): the
 * body is erased in the database, not just masked, and an audit event records who hid which
 * message (without its text). Any participating organization may hide any message, also after the
 * conference ended (the summary keeps the discussion); hiding twice is harmless and cannot be undone.
 */
export async function hideMessage({ actor, conferenceId, seq, joined }: { actor: Actor; conferenceId: string; seq: number; joined?: boolean }): Promise<ChatMessage> {
  if (!joined) await requireConferenceAccess(conferenceId, actor.organizationId);
  return db.$transaction(async (tx) => {
    const hidden = await tx.conferenceMessage.updateMany({
      where: { conferenceId, seq, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenByName: actor.userName, body: "" },
    });
    const message = await tx.conferenceMessage.findUnique({ where: { conferenceId_seq: { conferenceId, seq } } });
    if (!message) throw notFound("Message not found");
    if (hidden.count) {
      await recordAuditEvent(
        {
          action: "conference.message_hidden",
          subjectType: "Conference",
          subjectId: conferenceId,
          actorUserId: actor.userId,
          organizationId: actor.organizationId,
          metadata: { seq, messageId: message.id, authorId: message.authorId },
          request: actor.request,
        },
        tx,
      );
    }
    return toChatMessage(message);
  });
}

// --- next steps --------------------------------------------------------------------------------

type NextStepRow = { id: string; what: string; ownerName: string; ownerOrganizationId: string; dueDate: Date; doneAt: Date | null; vignetteId: string | null; ownerOrganization: { name: string } };

const toNextStep = (s: NextStepRow): NextStepView => ({
  id: s.id,
  what: s.what,
  ownerName: s.ownerName,
  ownerOrganizationId: s.ownerOrganizationId,
  ownerOrganizationName: s.ownerOrganization.name,
  dueDate: s.dueDate.toISOString().slice(0, 10),
  doneAt: s.doneAt?.toISOString() ?? null,
  vignetteId: s.vignetteId,
});

export async function listNextSteps(conferenceId: string) {
  const rows = await db.nextStep.findMany({ where: { conferenceId }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], include: { ownerOrganization: { select: { name: true } } } });
  return rows.map(toNextStep);
}

export async function addNextStep({
  actor,
  conferenceId,
  input,
}: {
  actor: Actor;
  conferenceId: string;
  input: { what: string; ownerName: string; ownerOrganizationId: string; dueDate: string; vignetteId?: string | null };
}) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  const organizations = await participatingOrganizations(conference);
  if (!organizations.some((o) => o.id === input.ownerOrganizationId)) {
    throw new AppError({ message: "The owner must belong to an organization taking part.", fieldErrors: { ownerOrganizationId: ["Not taking part in this conference"] } });
  }
  const [findings = []] = await checkTexts(actor.organizationId, [input.what], conference.coalitionId);
  if (findings.length) throw new AppError({ message: "The next step names a possible identifier: describe it without one.", fieldErrors: { what: findings.map((f) => `${f.type}: ${f.text}`) } });
  return db.$transaction(async (tx) => {
    const step = await tx.nextStep.create({
      data: {
        coalitionId: conference.coalitionId,
        source: "CONFERENCE",
        conferenceId,
        vignetteId: input.vignetteId ?? null,
        what: input.what,
        ownerName: input.ownerName,
        ownerOrganizationId: input.ownerOrganizationId,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        createdById: actor.userId,
      },
      include: { ownerOrganization: { select: { name: true } } },
    });
    await recordAuditEvent(
      { action: "conference.next_step_added", subjectType: "NextStep", subjectId: step.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId, ownerOrganizationId: input.ownerOrganizationId, dueDate: input.dueDate }, request: actor.request },
      tx,
    );
    return toNextStep(step);
  });
}

/** The owner organization's people mark a step done. */
export async function markNextStepDone({ actor, nextStepId }: { actor: Actor; nextStepId: string }) {
  const step = await db.nextStep.findUnique({ where: { id: nextStepId } });
  if (!step || !step.conferenceId) throw notFound("Next step not found");
  await requireConferenceAccess(step.conferenceId, actor.organizationId);
  if (step.ownerOrganizationId !== actor.organizationId) throw forbidden("Only the owner's organization can mark this step done");
  if (step.doneAt) return step;
  return db.$transaction(async (tx) => {
    const done = await tx.nextStep.update({ where: { id: step.id }, data: { doneAt: new Date(), doneById: actor.userId } });
    await recordAuditEvent(
      { action: "conference.next_step_done", subjectType: "NextStep", subjectId: step.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId: step.conferenceId }, request: actor.request },
      tx,
    );
    return done;
  });
}

/** Overdue next steps of every kind live in the next-steps module (one kind of item). */
export { overdueNextSteps } from "~/modules/next-steps/service.server";

// --- ending --------------------------------------------------------------------------------------

export async function endConference({ actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  if (conference.hostOrganizationId !== actor.organizationId) throw forbidden("Only the host organization can end the conference");
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
  if (conference.hostOrganizationId !== actor.organizationId) throw forbidden("Only the host organization can cancel the conference");
  if (conference.cancelledAt) return conference;
  if (conference.status === "ENDED") throw new AppError({ message: "This conference has already ended: it can no longer be cancelled.", status: 409 });
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional on not ended: a host ending it at the same moment does not get cancelled over.
    const changed = await tx.conference.updateMany({ where: { id: conferenceId, status: { not: "ENDED" } }, data: { status: "ENDED", endedAt: now, cancelledAt: now, cancelledById: actor.userId } });
    if (!changed.count) throw new AppError({ message: "This conference has already ended: it can no longer be cancelled.", status: 409 });
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
