/** A conference's next steps: added in the room, tracked until their owner marks them done. */
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { NextStepView } from "~/realtime/events";
import { participatingOrganizations, requireConferenceAccess, type Actor } from "./service.server";
import { checkTexts } from "./identifiers.server";
import { translatable } from "~/utils/translatable";

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
    throw new AppError({ message: translatable("errors.services.conference.ownerTakingPart"), fieldErrors: { ownerOrganizationId: [translatable("errors.services.conference.notTakingPart")] } });
  }
  const [findings = []] = await checkTexts(actor.organizationId, [input.what], conference.coalitionId);
  if (findings.length) throw new AppError({ message: translatable("errors.services.conference.stepNamesIdentifier"), fieldErrors: { what: findings.map((f) => translatable("errors.services.conference.finding", { type: translatable(`conference.types.${f.type}`), text: f.text })) } });
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
  if (!step || !step.conferenceId) throw recordNotFound("nextStep");
  await requireConferenceAccess(step.conferenceId, actor.organizationId);
  if (step.ownerOrganizationId !== actor.organizationId) throw forbidden(translatable("errors.services.conference.stepOwnerOnly"));
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

