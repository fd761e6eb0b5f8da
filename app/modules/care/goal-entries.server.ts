/**
 * A goal's interventions (what will be done) and progress notes (dated feedback: who wrote, when)
 * (issue #15, ADR 100). Append-only: there is no edit and no delete, a correction is a new note.
 * Only the client's own organization writes or reads them; a consented partner's view of the plan
 * (queries.server.ts `sharedPlan`) never loads them. The words are ciphertext bound to their row;
 * audit events carry ids only.
 */
import { AppError, notFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { audit, changeOwnClient } from "./service.server";
import { recordContext } from "./record-encryption.server";

type EntryKind = "INTERVENTION" | "PROGRESS_NOTE";

const e = (key: string) => translatable(`careTeam.errors.${key}`);

async function addGoalEntry(actor: Actor, clientId: string, goalId: string, kind: EntryKind, text: string) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await tx.carePlan.findUnique({ where: { clientId }, select: { id: true } });
    if (!plan) throw new AppError({ message: translatable("care.errors.noPlan"), status: 409 });
    const goal = await tx.careGoal.findFirst({ where: { id: goalId, planId: plan.id }, select: { status: true } });
    if (!goal) throw new AppError({ message: e("goal"), status: 400, fieldErrors: { goalId: [e("goal")] } });
    if (goal.status !== "ACTIVE") throw new AppError({ message: translatable("care.errors.goalNotActive"), status: 409 });
    const id = crypto.randomUUID();
    await tx.careGoalEntry.create({ data: { id, planId: plan.id, goalId, kind, textCipher: encryptField(text, recordContext("CareGoalEntry.text", id)), keyId: currentKeyId(), writtenById: actor.userId } });
    await audit(tx, actor, kind === "INTERVENTION" ? "care.intervention_added" : "care.progress_note_added", clientId, { planId: plan.id, goalId, entryId: id });
    return { entryId: id };
  });
}

export const addIntervention = ({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; text: string } }) => addGoalEntry(actor, clientId, input.goalId, "INTERVENTION", input.text);
export const addProgressNote = ({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; text: string } }) => addGoalEntry(actor, clientId, input.goalId, "PROGRESS_NOTE", input.text);

export type GoalEntry = { id: string; text: string; writtenAt: string; writtenByName: string };
export type GoalEntries = Record<string, { interventions: GoalEntry[]; progressNotes: GoalEntry[] }>;

/** Every goal's interventions (oldest first) and progress notes (newest first), for the client's own organization only; the read is audited. */
export async function getGoalEntries({ actor, clientId }: { actor: Actor; clientId: string }): Promise<GoalEntries> {
  const plan = await db.carePlan.findFirst({ where: { clientId, organizationId: actor.organizationId, client: { deletedAt: null } }, select: { id: true } });
  if (!plan) {
    const own = await db.client.count({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
    if (!own) throw notFound(translatable("care.errors.clientNotFound"));
    return {};
  }
  const rows = await db.careGoalEntry.findMany({ where: { planId: plan.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (rows.length === 0) return {};
  const ids = [...new Set(rows.map((r) => r.writtenById))];
  const people = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const byGoal: GoalEntries = {};
  for (const r of rows) {
    const goal = (byGoal[r.goalId] ??= { interventions: [], progressNotes: [] });
    const entry = { id: r.id, text: decryptField(r.textCipher, recordContext("CareGoalEntry.text", r.id)), writtenAt: r.createdAt.toISOString(), writtenByName: people.get(r.writtenById) ?? "" };
    if (r.kind === "INTERVENTION") goal.interventions.push(entry);
    else goal.progressNotes.unshift(entry);
  }
  await recordAuditEvent({ action: "care.goal_entries_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { planId: plan.id, count: rows.length }, request: actor.request });
  return byGoal;
}
