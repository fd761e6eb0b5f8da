/** Vignettes: written, checked for identifiers, shared with the room, withdrawn. */
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Finding } from "~/modules/deid/types";
import { VIGNETTE_FIELDS, type VignetteField, type VignetteInput } from "./schemas";
import { requireConferenceAccess, type Actor } from "./service.server";
import { checkTexts, coalitionOf } from "./identifiers.server";
import { emitToConference } from "./live.server";

export type FieldFindings = { field: VignetteField; findings: Finding[] };

type VignetteWithDismissals = Record<VignetteField, string> & { conferenceId: string; authorOrganizationId: string; dismissals: { field: string; type: string; text: string }[] };

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
  if (!vignette) throw recordNotFound("vignette");
  await requireConferenceAccess(vignette.conferenceId, actor.organizationId);
  if (vignette.authorId !== actor.userId) throw forbidden(translatable("errors.services.conference.authorOnly"));
  return vignette;
}

export async function saveVignette({ actor, conferenceId, vignetteId, input }: { actor: Actor; conferenceId: string; vignetteId?: string; input: VignetteInput }) {
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  if (conference.status === "ENDED") throw new AppError({ message: translatable("errors.services.conference.ended") });
  if (vignetteId) {
    const existing = await requireOwnVignette(vignetteId, actor);
    if (existing.conferenceId !== conferenceId) throw recordNotFound("vignette");
  }
  const vignette = await db.$transaction(async (tx) => {
    // A changed text needs its second reader again (ADR 093).
    const data = { ...input, sharedAt: null, approvedAt: null, approvedById: null, approvedByName: null };
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
  if (!stillThere) throw new AppError({ message: translatable("errors.services.conference.findingGone") });
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
 * The confirmation is recorded in the audit event. Where the coalition requires a second reader,
 * a colleague must have approved this text first (ADR 093).
 */
export async function shareVignette({ actor, vignetteId, reviewedByAuthor }: { actor: Actor; vignetteId: string; reviewedByAuthor: boolean }) {
  const vignette = await requireOwnVignette(vignetteId, actor);
  if (!reviewedByAuthor) {
    throw new AppError({ message: translatable("errors.services.conference.readFirst"), fieldErrors: { reviewed: [translatable("errors.services.conference.confirmRead")] } });
  }
  const unresolved = await unresolvedFindings(vignette);
  if (unresolved.length) {
    const count = unresolved.reduce((n, f) => n + f.findings.length, 0);
    throw new AppError({ message: translatable("errors.services.conference.fixFindings", { count }), status: 409 });
  }
  const coalitionId = await coalitionOf(vignette.conferenceId);
  const coalition = coalitionId ? await db.coalition.findUnique({ where: { id: coalitionId }, select: { requireSecondReader: true } }) : null;
  if (coalition?.requireSecondReader && !vignette.approvedAt) {
    throw new AppError({ message: translatable("conference.secondReader.waiting"), status: 409 });
  }
  const shared = await db.$transaction(async (tx) => {
    const shared = await tx.vignette.update({ where: { id: vignette.id }, data: { sharedAt: new Date(), withdrawnAt: null, withdrawnByName: null } });
    await recordAuditEvent(
      { action: "conference.vignette_shared", subjectType: "Vignette", subjectId: vignette.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId: vignette.conferenceId, reviewedByAuthor: true }, request: actor.request },
      tx,
    );
    return shared;
  });
  // After commit: everyone in the room, on every server process, lists it at once (#14). The
  // title and author only: the room loads the text through its loader, with its access check.
  emitToConference(shared.conferenceId, "vignette:shared", { conferenceId: shared.conferenceId, vignetteId: shared.id, title: shared.title, authorName: shared.authorName });
  return shared;
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
    if (!vignette || (!vignette.sharedAt && !vignette.withdrawnAt && vignette.authorId !== actor.userId)) throw recordNotFound("vignette");
    const withdrawn = await tx.vignette.updateMany({ where: { id: vignetteId, sharedAt: { not: null } }, data: { sharedAt: null, withdrawnAt: new Date(), withdrawnByName: actor.userName, approvedAt: null, approvedById: null, approvedByName: null } });
    if (withdrawn.count) {
      await recordAuditEvent(
        { action: "conference.vignette_withdrawn", subjectType: "Vignette", subjectId: vignetteId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { conferenceId, authorId: vignette.authorId }, request: actor.request },
        tx,
      );
    }
    return { withdrawn: withdrawn.count > 0 };
  });
}

