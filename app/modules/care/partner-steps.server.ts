/**
 * A partner organization's own task list (issue #15, ADR 101): the next steps of shared care plans
 * given to it, each shown only while an authorization covering "Care plan and goals" names the
 * partner — THE consent decision (`authorizeDisclosure`), audited and recorded as a disclosure, as
 * the shared plan page is (queries.server.ts). The partner marks its step done, with an optional
 * short note (ciphertext), in one transaction with the consent check and the audit event; both
 * organizations hear of it live after the commit.
 */
import { AppError, notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { authorizeDisclosure, decideAccess } from "~/modules/consent/decision.server";
import { decryptClientName } from "~/modules/client/service.server";
import type { Actor } from "~/modules/auth/actor";
import { careContext, decryptCare, decryptCareOptional, encryptCare } from "./encryption.server";
import { CARE_LIVE_LIMITS, type PartnerStepDoneInput } from "./live-schemas";
import { addDays, isoDay, todayUtc } from "./dates";
import { emitStepChanged } from "./live.server";

type Tx = Prisma.TransactionClient;

/** The channel the accounting of disclosures names for the task list and for marking a step done. */
export const TASKS_CHANNEL = "hub.care_plan.tasks";
export const STEP_DONE_CHANNEL = "hub.care_plan.step_done";

export type PartnerTask = {
  stepId: string;
  clientId: string;
  /** Only when the authorization also covers contact and demographics; else the page says "a client of …". */
  clientName: string | null;
  organizationName: string;
  goalText: string;
  text: string;
  dueOn: string;
  doneAt: string | null;
  doneNote: string | null;
};

const notFoundStep = () => notFound(translatable("careLive.errors.stepNotFound"));

/**
 * The partner's steps: open ones (earliest due first), then those done in the last two weeks. One
 * consent decision per client, all in one transaction; a client whose authorization does not cover
 * the care plan now (never given, revoked, expired) releases nothing — its steps are simply absent.
 */
export async function getPartnerTasks({ actor, today = todayUtc() }: { actor: Actor; today?: Date }): Promise<{ open: PartnerTask[]; done: PartnerTask[] }> {
  const steps = await db.careStep.findMany({
    where: {
      partnerOrganizationId: actor.organizationId,
      plan: { client: { deletedAt: null } },
      OR: [{ doneAt: null, goal: { status: "ACTIVE" } }, { doneAt: { gte: addDays(today, -CARE_LIVE_LIMITS.doneShownDays) } }],
    },
    select: {
      id: true, textCipher: true, dueOn: true, doneAt: true, doneNoteCipher: true, doneByOrganizationId: true,
      goal: { select: { id: true, textCipher: true } },
      plan: { select: { clientId: true, organizationId: true, client: { select: { nameCipher: true } } } },
    },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: CARE_LIVE_LIMITS.tasksListed,
  });
  const clientIds = [...new Set(steps.map((s) => s.plan.clientId))];
  const released = await db.$transaction(async (tx) => {
    const out = new Map<string, { plan: boolean; name: boolean }>();
    for (const clientId of clientIds) {
      // The name is released only when the same authorizations cover it; the decision recorded is the one used.
      const wanted = await decideAccess({ clientId, organizationId: actor.organizationId, categories: ["CARE_PLAN", "CONTACT_DEMOGRAPHICS"] }, tx);
      const categories = wanted.grantedCategories.includes("CARE_PLAN") ? wanted.grantedCategories : (["CARE_PLAN"] as const);
      const decision = await authorizeDisclosure({ clientId, recipientOrganizationId: actor.organizationId, categories, channel: TASKS_CHANNEL, actor }, tx);
      out.set(clientId, { plan: decision.grantedCategories.includes("CARE_PLAN"), name: decision.grantedCategories.includes("CONTACT_DEMOGRAPHICS") });
    }
    return out;
  });
  const organizations = new Map((await db.organization.findMany({ where: { id: { in: [...new Set(steps.map((s) => s.plan.organizationId))] } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  const tasks = steps
    .filter((s) => released.get(s.plan.clientId)?.plan)
    .map((s): PartnerTask => ({
      stepId: s.id,
      clientId: s.plan.clientId,
      clientName: released.get(s.plan.clientId)?.name ? decryptClientName(s.plan.clientId, s.plan.client.nameCipher) : null,
      organizationName: organizations.get(s.plan.organizationId) ?? "",
      goalText: decryptCare(s.goal.textCipher, careContext("CareGoal.text", s.goal.id)),
      text: decryptCare(s.textCipher, careContext("CareStep.text", s.id)),
      dueOn: isoDay(s.dueOn),
      doneAt: s.doneAt ? s.doneAt.toISOString() : null,
      // The partner's own note only: a note is written only by the partner (the client's organization marks done without one).
      doneNote: s.doneByOrganizationId === actor.organizationId ? decryptCareOptional(s.doneNoteCipher, careContext("CareStep.doneNote", s.id)) : null,
    }));
  await recordAuditEvent({ action: "care.partner_tasks_viewed", subjectType: "Organization", subjectId: actor.organizationId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { shown: tasks.length, withheld: steps.length - tasks.length }, request: actor.request });
  return { open: tasks.filter((t) => !t.doneAt), done: tasks.filter((t) => t.doneAt).sort((a, b) => b.doneAt!.localeCompare(a.doneAt!)) };
}

type LockedStep = { id: string; planId: string; clientId: string; organizationId: string; doneAt: Date | null; goalStatus: string };

/**
 * The partner marks its step done. One transaction: the client's row locked (as every care write
 * does), the consent decision on that transaction, the step, its audit event. A step that is not
 * this partner's (or unknown) is a 404, audited; a step under no current authorization is the same
 * 404, its refusal audited by the decision (the transaction returns instead of throwing so that
 * audit event commits).
 */
export async function completePartnerStep({ actor, input }: { actor: Actor; input: Omit<PartnerStepDoneInput, "intent"> }) {
  const outcome = await db.$transaction(async (tx: Tx) => {
    const rows = await tx.$queryRaw<LockedStep[]>`
      SELECT s.id, s."planId", p."clientId", p."organizationId", s."doneAt", g.status::text AS "goalStatus"
      FROM "CareStep" s JOIN "CarePlan" p ON p.id = s."planId" JOIN "CareGoal" g ON g.id = s."goalId" JOIN "Client" c ON c.id = p."clientId"
      WHERE s.id = ${input.stepId}::uuid AND s."partnerOrganizationId" = ${actor.organizationId}::uuid AND c."deletedAt" IS NULL
      FOR UPDATE OF c`;
    if (rows.length === 0) return { kind: "unknown" as const };
    const step = rows[0];
    const decision = await authorizeDisclosure({ clientId: step.clientId, recipientOrganizationId: actor.organizationId, categories: ["CARE_PLAN"], channel: STEP_DONE_CHANNEL, actor }, tx);
    if (!decision.grantedCategories.includes("CARE_PLAN")) return { kind: "refused" as const };
    if (step.doneAt) throw new AppError({ message: translatable("careLive.errors.stepDone"), status: 409 });
    if (step.goalStatus !== "ACTIVE") throw new AppError({ message: translatable("careLive.errors.goalClosed"), status: 409 });
    await tx.careStep.update({
      where: { id: step.id },
      data: { doneAt: new Date(), doneById: actor.userId, doneByOrganizationId: actor.organizationId, doneNoteCipher: input.note ? encryptCare(input.note, careContext("CareStep.doneNote", step.id)) : null },
    });
    // The custodian's trail (the client's organization), as the disclosure's; ids only, never the note.
    await recordAuditEvent({ action: "care.partner_step_done", subjectType: "Client", subjectId: step.clientId, actorUserId: actor.userId, organizationId: step.organizationId, metadata: { planId: step.planId, stepId: step.id, partnerOrganizationId: actor.organizationId, withNote: !!input.note }, request: actor.request }, tx);
    return { kind: "done" as const, step };
  });
  if (outcome.kind !== "done") {
    if (outcome.kind === "unknown") {
      await recordAuditEvent({ action: "care.partner_step_refused", subjectType: "CareStep", subjectId: input.stepId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "not-this-partner-or-unknown" }, request: actor.request });
    }
    throw notFoundStep();
  }
  const { step } = outcome;
  emitStepChanged({ kind: "done", stepId: step.id, planId: step.planId, clientId: step.clientId, organizationId: step.organizationId, partnerOrganizationId: actor.organizationId }, actor);
  return { stepId: step.id };
}
