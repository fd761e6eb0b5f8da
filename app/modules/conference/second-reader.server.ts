/**
 * The optional second reader (issue #19, ADR 093): a coalition may require that a colleague in the
 * author's organization — never the author — reads and approves a vignette before it is shared.
 * The approval belongs to the text approved: saving the vignette or its withdrawal clears it
 * (vignettes.server.ts), and `shareVignette` refuses an unapproved vignette while the setting is on.
 */
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { requireConferenceAccess, type Actor } from "./service.server";
import { unresolvedFindings } from "./vignettes.server";

/** Whether the conference's coalition requires a second reader. */
export async function secondReaderRequired(conferenceId: string) {
  const conference = await db.conference.findUnique({ where: { id: conferenceId }, select: { coalitionId: true } });
  if (!conference) return false;
  const coalition = await db.coalition.findUnique({ where: { id: conference.coalitionId }, select: { requireSecondReader: true } });
  return coalition?.requireSecondReader ?? false;
}

/** The coalition's convener turns the rule on or off (the route checks `coalition:admin`). */
export async function setSecondReaderRequired({ actor, coalitionId, required }: { actor: Actor; coalitionId: string; required: boolean }) {
  await db.$transaction(async (tx) => {
    await tx.coalition.update({ where: { id: coalitionId }, data: { requireSecondReader: required } });
    await recordAuditEvent(
      { action: "coalition.second_reader_set", subjectType: "Coalition", subjectId: coalitionId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { required }, request: actor.request },
      tx,
    );
  });
}

/** A colleague's unshared vignette, for its second reader: same organization, not the author; another's is a 404. */
async function requireColleaguesDraft({ actor, conferenceId, vignetteId }: { actor: Actor; conferenceId: string; vignetteId: string }) {
  await requireConferenceAccess(conferenceId, actor.organizationId);
  const vignette = await db.vignette.findFirst({ where: { id: vignetteId, conferenceId, authorOrganizationId: actor.organizationId, sharedAt: null }, include: { dismissals: { orderBy: { createdAt: "asc" } } } });
  if (!vignette) throw recordNotFound("vignette");
  if (vignette.authorId === actor.userId) throw forbidden(translatable("conference.secondReader.notYourOwn"));
  return vignette;
}

/** Opens a colleague's draft for reading (audited, as every read of a draft is: it may still hold identifiers). */
export async function openForSecondReader({ actor, conferenceId, vignetteId }: { actor: Actor; conferenceId: string; vignetteId: string }) {
  const vignette = await requireColleaguesDraft({ actor, conferenceId, vignetteId });
  await recordAuditEvent({ action: "conference.vignette_viewed", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId, as: "second_reader" }, request: actor.request });
  return { vignette, findings: await unresolvedFindings(vignette) };
}

/** The second reader approves the text as it is now; anything the check still flags must be fixed or dismissed by the author first. */
export async function approveVignette({ actor, conferenceId, vignetteId }: { actor: Actor; conferenceId: string; vignetteId: string }) {
  const vignette = await requireColleaguesDraft({ actor, conferenceId, vignetteId });
  if ((await unresolvedFindings(vignette)).length) throw new AppError({ message: translatable("conference.secondReader.findingsFirst"), status: 409 });
  return db.$transaction(async (tx) => {
    // Only the text just checked: a save by the author in between changed `updatedAt`.
    const approved = await tx.vignette.updateMany({
      where: { id: vignette.id, sharedAt: null, updatedAt: vignette.updatedAt },
      data: { approvedAt: new Date(), approvedById: actor.userId, approvedByName: actor.userName },
    });
    if (!approved.count) throw new AppError({ message: translatable("conference.secondReader.changed"), status: 409 });
    await recordAuditEvent(
      { action: "conference.vignette_approved", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId, authorId: vignette.authorId }, request: actor.request },
      tx,
    );
    return { id: vignette.id };
  });
}

/** Colleagues' drafts in this conference waiting for the actor's organization's second reader (none when the rule is off). */
export async function awaitingSecondReader({ actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  if (!(await secondReaderRequired(conferenceId))) return [];
  return db.vignette.findMany({
    where: { conferenceId, authorOrganizationId: actor.organizationId, authorId: { not: actor.userId }, sharedAt: null, approvedAt: null },
    select: { id: true, title: true, authorName: true },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
}
