/**
 * Next steps: one kind of item whether it was agreed in a case conference (added live in the
 * room, app/modules/conference) or recorded by the convener in the partnership workspace. Here:
 * partnership steps, marking them done, and the views that show every step together — per owner
 * organization (workspace) and overdue (home page).
 */
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { activeMembersAmong } from "~/modules/coalition/membership.server";
import { translatable } from "~/utils/translatable";


const startOfDay = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

export async function addPartnershipNextStep({ actor, input }: { actor: Actor<"coalition">; input: { what: string; ownerName: string; ownerOrganizationId: string; dueDate: Date; aboutOrganizationId?: string } }) {
  const ids = await activeMembersAmong(actor.coalitionId, [input.ownerOrganizationId, input.aboutOrganizationId].filter((x): x is string => !!x));
  if (!ids.has(input.ownerOrganizationId)) throw new AppError({ message: translatable("errors.services.nextSteps.ownerMustBeMember"), fieldErrors: { ownerOrganizationId: [translatable("errors.services.nextSteps.notAMember")] } });
  if (input.aboutOrganizationId && !ids.has(input.aboutOrganizationId)) throw recordNotFound("partner");
  return db.$transaction(async (tx) => {
    const step = await tx.nextStep.create({
      data: {
        coalitionId: actor.coalitionId, source: "PARTNERSHIP", what: input.what, ownerName: input.ownerName, ownerOrganizationId: input.ownerOrganizationId,
        aboutOrganizationId: input.aboutOrganizationId ?? null, dueDate: input.dueDate, createdById: actor.userId,
      },
    });
    await recordAuditEvent({ action: "partnership.next_step_added", subjectType: "NextStep", subjectId: step.id, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, metadata: { ownerOrganizationId: input.ownerOrganizationId }, request: actor.request }, tx);
    return step;
  });
}

/** A partnership step is marked done by its owner organization's people or by a convener. */
export async function markPartnershipNextStepDone({ actor, nextStepId, isConvener }: { actor: Actor<"coalition">; nextStepId: string; isConvener: boolean }) {
  const step = await db.nextStep.findFirst({ where: { id: nextStepId, coalitionId: actor.coalitionId, source: "PARTNERSHIP" } });
  if (!step) throw recordNotFound("nextStep");
  if (!isConvener && step.ownerOrganizationId !== actor.organizationId) throw forbidden(translatable("errors.services.nextSteps.ownerOrConvener"));
  if (step.doneAt) return step;
  return db.$transaction(async (tx) => {
    const done = await tx.nextStep.update({ where: { id: step.id }, data: { doneAt: new Date(), doneById: actor.userId } });
    await recordAuditEvent({ action: "partnership.next_step_done", subjectType: "NextStep", subjectId: step.id, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, request: actor.request }, tx);
    return done;
  });
}

export type NextStepItem = {
  id: string;
  what: string;
  ownerName: string;
  dueDate: string;
  doneAt: string | null;
  overdue: boolean;
  source: "CONFERENCE" | "PARTNERSHIP";
  conference: { id: string; title: string } | null;
  about: string | null;
};

const include = { conference: { select: { id: true, title: true } }, aboutOrganization: { select: { name: true } }, ownerOrganization: { select: { id: true, name: true } } } as const;

function toItem(row: { id: string; what: string; ownerName: string; dueDate: Date; doneAt: Date | null; source: "CONFERENCE" | "PARTNERSHIP"; conference: { id: string; title: string } | null; aboutOrganization: { name: string } | null }, today: Date): NextStepItem {
  return {
    id: row.id, what: row.what, ownerName: row.ownerName, dueDate: row.dueDate.toISOString().slice(0, 10), doneAt: row.doneAt?.toISOString() ?? null,
    overdue: !row.doneAt && row.dueDate < today, source: row.source, conference: row.conference, about: row.aboutOrganization?.name ?? null,
  };
}

/** Every next step of the coalition — from conferences and from the workspace — grouped by owner organization. */
export async function nextStepsByOwner(coalitionId: string, now = new Date()) {
  const today = startOfDay(now);
  const rows = await db.nextStep.findMany({ where: { coalitionId }, include, orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { dueDate: "asc" }], take: 500 });
  const groups = new Map<string, { organization: { id: string; name: string }; steps: NextStepItem[] }>();
  for (const row of rows) {
    const group = groups.get(row.ownerOrganization.id) ?? { organization: row.ownerOrganization, steps: [] };
    group.steps.push(toItem(row, today));
    groups.set(row.ownerOrganization.id, group);
  }
  return [...groups.values()].sort((a, b) => a.organization.name.localeCompare(b.organization.name));
}

/** Open steps this organization owns that are past their due date, of every kind (home page). */
export async function overdueNextSteps(organizationId: string, now = new Date()) {
  const today = startOfDay(now);
  const rows = await db.nextStep.findMany({ where: { ownerOrganizationId: organizationId, doneAt: null, dueDate: { lt: today } }, include, orderBy: { dueDate: "asc" }, take: 20 });
  return rows.map((row) => toItem(row, today));
}
