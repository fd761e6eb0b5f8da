/**
 * The care journey's writes (issue #15): enrollment decisions, the one primary care manager, the
 * client's goals, next steps and plan reviews. Every change is one transaction with its audit
 * event; the client's row is locked first so two care managers acting at once are serialized.
 * Only the client's own organization writes here (a partner reads through queries.server.ts,
 * under consent). Goal, step and note text is encrypted (encryption.server.ts) and never goes
 * into an audit event: events carry ids and statuses only.
 */
import { AppError, forbidden, notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { activeMembership } from "~/modules/org/membership.server";
import { partnersOf } from "~/modules/coalition/membership.server";
import type { Actor } from "~/modules/auth/actor";
import { CARE_LIMITS, type AddStepInput, type CarePlanForm, type DeclineForNowInput, type EnrollmentStatus, type NotAGoodFitInput, type ReassignInput, type ReviewPlanInput } from "./schemas";
import { careContext, encryptCare } from "./encryption.server";
import { dayOf, addDays, todayUtc } from "./dates";
import { emitStepChanged } from "./live.server";

type Tx = Prisma.TransactionClient;

const e = (key: string, values?: Record<string, string | number>) => translatable(`care.errors.${key}`, values);
const conflict = (key: string) => new AppError({ message: e(key), status: 409 });
const fieldError = (field: string, key: string, values?: Record<string, string | number>) =>
  new AppError({ message: e(key, values), status: 400, fieldErrors: { [field]: [e(key, values)] } });

/** Roles that may be a client's primary care manager. */
const CARE_MANAGER_ROLES = new Set(["CARE_MANAGER", "DIRECTOR"]);

type LockedClient = { id: string; primaryCareManagerId: string | null };

/**
 * Runs a change to one of the actor's organization's clients in one transaction, the client's row
 * locked first; a client of another organization (or none) is a 404, the refusal audited after
 * the transaction is gone.
 */
export async function changeOwnClient<T>(actor: Actor, clientId: string, change: (tx: Tx, client: LockedClient) => Promise<T>): Promise<T> {
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<LockedClient[]>`
      SELECT id, "primaryCareManagerId" FROM "Client"
      WHERE id = ${clientId}::uuid AND "organizationId" = ${actor.organizationId}::uuid AND "deletedAt" IS NULL
      FOR UPDATE`;
    if (rows.length === 0) return { found: false as const };
    return { found: true as const, value: await change(tx, rows[0]) };
  });
  if (!outcome.found) {
    await recordAuditEvent({ action: "care.change_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "not-this-organization-or-unknown" }, request: actor.request });
    throw notFound(translatable("care.errors.clientNotFound"));
  }
  return outcome.value;
}

export function audit(tx: Tx, actor: Actor, action: string, clientId: string, metadata: Record<string, unknown> = {}) {
  return recordAuditEvent({ action, subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata, request: actor.request }, tx);
}

export async function currentDecision(tx: Tx, actor: Actor, clientId: string) {
  return tx.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true } });
}

/** A new decision replaces the current one (kept as history). */
export async function recordDecision(
  tx: Tx,
  actor: Actor,
  clientId: string,
  data: { program: string; status: EnrollmentStatus; reachOutOn?: Date; note?: string },
) {
  await tx.enrollment.updateMany({ where: { clientId, organizationId: actor.organizationId, current: true }, data: { current: false } });
  const id = crypto.randomUUID();
  const today = todayUtc();
  await tx.enrollment.create({
    data: {
      id,
      clientId,
      organizationId: actor.organizationId,
      program: data.program,
      status: data.status,
      reachOutOn: data.reachOutOn ?? null,
      decidedOn: today,
      enrolledOn: data.status === "ENROLLED" ? today : null,
      noteCipher: data.note ? encryptCare(data.note, careContext("Enrollment.note", id)) : null,
      keyId: currentKeyId(),
      decidedById: actor.userId,
    },
  });
  return id;
}

/**
 * Enrolls the client in a program of the organization: the plan is opened (or the earlier one
 * resumed, history intact) and the client's care manager — the one already named, else the actor —
 * becomes the open assignment.
 */
export async function enrollClient({ actor, clientId, input }: { actor: Actor; clientId: string; input: { program: string } }) {
  return changeOwnClient(actor, clientId, async (tx, client) => {
    const current = await currentDecision(tx, actor, clientId);
    if (current?.status === "ENROLLED") throw conflict("alreadyEnrolled");
    const enrollmentId = await recordDecision(tx, actor, clientId, { program: input.program, status: "ENROLLED" });
    const plan = await tx.carePlan.upsert({ where: { clientId }, create: { clientId, organizationId: actor.organizationId, createdById: actor.userId }, update: {}, select: { id: true } });
    const open = await tx.careManagerAssignment.findFirst({ where: { clientId, endedAt: null }, select: { userId: true } });
    const managerId = open?.userId ?? client.primaryCareManagerId ?? actor.userId;
    if (!open) {
      await tx.careManagerAssignment.create({ data: { clientId, organizationId: actor.organizationId, userId: managerId, keyId: currentKeyId(), assignedById: actor.userId } });
    }
    if (client.primaryCareManagerId !== managerId) await tx.client.update({ where: { id: clientId }, data: { primaryCareManagerId: managerId } });
    await audit(tx, actor, "care.enrolled", clientId, { enrollmentId, planId: plan.id, careManagerId: managerId });
    return { enrollmentId, planId: plan.id };
  });
}

function refuseWhileEnrolled(status: EnrollmentStatus | undefined) {
  // Someone in care leaves it by graduating, not by a screening answer.
  if (status === "ENROLLED") throw conflict("alreadyEnrolled");
}

export async function recordNotAGoodFit({ actor, clientId, input }: { actor: Actor; clientId: string; input: Omit<NotAGoodFitInput, "intent"> }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    refuseWhileEnrolled((await currentDecision(tx, actor, clientId))?.status);
    const enrollmentId = await recordDecision(tx, actor, clientId, { program: input.program, status: "NOT_A_GOOD_FIT", note: input.note });
    await audit(tx, actor, "care.not_a_good_fit", clientId, { enrollmentId });
    return { enrollmentId };
  });
}

/** "Care is there when you are ready": declined for now, with the day to reach out again. */
export async function recordDeclinedForNow({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<DeclineForNowInput, "intent">; today?: Date }) {
  const reachOutOn = dayOf(input.reachOutOn);
  if (reachOutOn <= today) throw fieldError("reachOutOn", "reachOutFuture");
  if (reachOutOn > addDays(today, CARE_LIMITS.reachOutMaxDays)) throw fieldError("reachOutOn", "reachOutTooFar", { days: CARE_LIMITS.reachOutMaxDays });
  return changeOwnClient(actor, clientId, async (tx) => {
    refuseWhileEnrolled((await currentDecision(tx, actor, clientId))?.status);
    const enrollmentId = await recordDecision(tx, actor, clientId, { program: input.program, status: "DECLINED_FOR_NOW", reachOutOn, note: input.note });
    await audit(tx, actor, "care.declined_for_now", clientId, { enrollmentId, reachOutOn: input.reachOutOn });
    return { enrollmentId };
  });
}

/**
 * A director names another primary care manager, with a warm-handoff note; the earlier assignment
 * is closed, not replaced, so the history shows who cared for the client when.
 */
export async function reassignCareManager({ actor, clientId, input }: { actor: Actor; clientId: string; input: Omit<ReassignInput, "intent"> }) {
  if (!actor.permissions.has("care:assign")) throw forbidden(translatable("care.errors.onlyDirector"));
  return changeOwnClient(actor, clientId, async (tx, client) => {
    if ((await currentDecision(tx, actor, clientId))?.status !== "ENROLLED") throw conflict("notEnrolled");
    const membership = await activeMembership(input.careManagerId, actor.organizationId, tx);
    if (!membership || !CARE_MANAGER_ROLES.has(membership.role)) throw fieldError("careManagerId", "careManager");
    if (client.primaryCareManagerId === input.careManagerId) throw fieldError("careManagerId", "sameCareManager");
    const now = new Date();
    const closed = await tx.careManagerAssignment.updateMany({ where: { clientId, endedAt: null }, data: { endedAt: now } });
    const id = crypto.randomUUID();
    await tx.careManagerAssignment.create({
      data: { id, clientId, organizationId: actor.organizationId, userId: input.careManagerId, startedAt: now, handoffNoteCipher: encryptCare(input.handoffNote, careContext("CareManagerAssignment.handoffNote", id)), keyId: currentKeyId(), assignedById: actor.userId },
    });
    await tx.client.update({ where: { id: clientId }, data: { primaryCareManagerId: input.careManagerId } });
    await audit(tx, actor, "care.care_manager_reassigned", clientId, { assignmentId: id, from: client.primaryCareManagerId, to: input.careManagerId, closedAssignments: closed.count });
    return { assignmentId: id };
  });
}

/** The client's plan (the client already locked by changeOwnClient). */
export async function planOf(tx: Tx, clientId: string) {
  const plan = await tx.carePlan.findUnique({ where: { clientId }, select: { id: true } });
  if (!plan) throw conflict("noPlan");
  return plan;
}

export async function activeGoal(tx: Tx, planId: string, goalId: string) {
  const goal = await tx.careGoal.findFirst({ where: { id: goalId, planId }, select: { id: true, status: true, priority: true } });
  if (!goal) throw fieldError("goalId", "goal");
  if (goal.status !== "ACTIVE") throw conflict("goalNotActive");
  return goal;
}

async function nextPriority(tx: Tx, planId: string) {
  const top = await tx.careGoal.aggregate({ where: { planId }, _max: { priority: true } });
  return (top._max.priority ?? 0) + 1;
}

/** A goal in the client's own words, after the others in the client's order. */
export async function addGoal({ actor, clientId, input }: { actor: Actor; clientId: string; input: { text: string } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    const id = crypto.randomUUID();
    const priority = await nextPriority(tx, plan.id);
    await tx.careGoal.create({ data: { id, planId: plan.id, textCipher: encryptCare(input.text, careContext("CareGoal.text", id)), priority, keyId: currentKeyId(), createdById: actor.userId } });
    await audit(tx, actor, "care.goal_added", clientId, { planId: plan.id, goalId: id, priority });
    return { goalId: id };
  });
}

/** Moves an active goal one place up or down the client's order (swapping with its neighbour). */
export async function moveGoal({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; direction: "up" | "down" } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    const goal = await activeGoal(tx, plan.id, input.goalId);
    const neighbour = await tx.careGoal.findFirst({
      where: { planId: plan.id, status: "ACTIVE", id: { not: goal.id }, priority: input.direction === "up" ? { lte: goal.priority } : { gte: goal.priority } },
      orderBy: [{ priority: input.direction === "up" ? "desc" : "asc" }, { createdAt: input.direction === "up" ? "desc" : "asc" }],
      select: { id: true, priority: true },
    });
    if (!neighbour) return { moved: false };
    // Equal priorities (a changed goal takes its predecessor's place) still swap into a strict order.
    const [a, b] = neighbour.priority === goal.priority ? (input.direction === "up" ? [goal.priority, goal.priority + 1] : [goal.priority + 1, goal.priority]) : [neighbour.priority, goal.priority];
    await tx.careGoal.update({ where: { id: goal.id }, data: { priority: a } });
    await tx.careGoal.update({ where: { id: neighbour.id }, data: { priority: b } });
    await audit(tx, actor, "care.goal_moved", clientId, { planId: plan.id, goalId: goal.id, direction: input.direction });
    return { moved: true };
  });
}

async function closeGoal(actor: Actor, clientId: string, goalId: string, status: "ACHIEVED" | "SET_ASIDE", note: string | undefined) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    await activeGoal(tx, plan.id, goalId);
    await tx.careGoal.update({
      where: { id: goalId },
      data: { status, statusChangedOn: todayUtc(), statusNoteCipher: note ? encryptCare(note, careContext("CareGoal.statusNote", goalId)) : null },
    });
    await audit(tx, actor, status === "ACHIEVED" ? "care.goal_achieved" : "care.goal_set_aside", clientId, { planId: plan.id, goalId });
    return { goalId };
  });
}

export const achieveGoal = ({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; note?: string } }) => closeGoal(actor, clientId, input.goalId, "ACHIEVED", input.note);

/** Set aside, not deleted: the goal stays in the plan's history (the page asks first). */
export const setAsideGoal = ({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; note?: string } }) => closeGoal(actor, clientId, input.goalId, "SET_ASIDE", input.note);

/** The client's goal changed: the new words take its place in the order; the old goal is kept, marked changed. */
export async function changeGoal({ actor, clientId, input }: { actor: Actor; clientId: string; input: { goalId: string; text: string } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    const old = await activeGoal(tx, plan.id, input.goalId);
    const id = crypto.randomUUID();
    await tx.careGoal.create({ data: { id, planId: plan.id, textCipher: encryptCare(input.text, careContext("CareGoal.text", id)), priority: old.priority, keyId: currentKeyId(), createdById: actor.userId } });
    await tx.careGoal.update({ where: { id: old.id }, data: { status: "CHANGED", statusChangedOn: todayUtc(), replacedById: id } });
    await audit(tx, actor, "care.goal_changed", clientId, { planId: plan.id, goalId: old.id, replacedById: id });
    return { goalId: id };
  });
}

/** An immediate next step toward an active goal: who (the client, the care manager, a partner organization) by when. */
export async function addStep({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<AddStepInput, "intent">; today?: Date }) {
  const dueOn = dayOf(input.dueOn);
  if (dueOn < today) throw fieldError("dueOn", "dueInPast");
  if (dueOn > addDays(today, CARE_LIMITS.stepDueMaxDays)) throw fieldError("dueOn", "dueTooFar", { days: CARE_LIMITS.stepDueMaxDays });
  if (input.owner === "PARTNER") {
    const partners = await partnersOf(actor.organizationId);
    if (!partners.some((p) => p.id === input.partnerOrganizationId)) throw fieldError("partnerOrganizationId", "partner");
  }
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    await activeGoal(tx, plan.id, input.goalId);
    const id = crypto.randomUUID();
    await tx.careStep.create({
      data: {
        id, planId: plan.id, goalId: input.goalId, textCipher: encryptCare(input.text, careContext("CareStep.text", id)), owner: input.owner,
        partnerOrganizationId: input.owner === "PARTNER" ? input.partnerOrganizationId! : null, dueOn, keyId: currentKeyId(), createdById: actor.userId,
      },
    });
    await audit(tx, actor, "care.step_added", clientId, { planId: plan.id, goalId: input.goalId, stepId: id, owner: input.owner, partnerOrganizationId: input.partnerOrganizationId ?? null, dueOn: input.dueOn });
    return { stepId: id, planId: plan.id };
  }).then((added) => {
    // After the commit: the partner's task list shows it at once (ADR 101).
    if (input.owner === "PARTNER") emitStepChanged({ kind: "assigned", stepId: added.stepId, planId: added.planId, clientId, organizationId: actor.organizationId, partnerOrganizationId: input.partnerOrganizationId! }, actor);
    return { stepId: added.stepId };
  });
}

export async function completeStep({ actor, clientId, input }: { actor: Actor; clientId: string; input: { stepId: string } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    const done = await tx.careStep.updateMany({ where: { id: input.stepId, planId: plan.id, doneAt: null }, data: { doneAt: new Date(), doneById: actor.userId, doneByOrganizationId: actor.organizationId } });
    if (done.count === 0) {
      const exists = await tx.careStep.count({ where: { id: input.stepId, planId: plan.id } });
      throw exists ? conflict("stepDone") : fieldError("stepId", "step");
    }
    await audit(tx, actor, "care.step_done", clientId, { planId: plan.id, stepId: input.stepId });
    const step = await tx.careStep.findUniqueOrThrow({ where: { id: input.stepId }, select: { partnerOrganizationId: true } });
    return { stepId: input.stepId, planId: plan.id, partnerOrganizationId: step.partnerOrganizationId };
  }).then((done) => {
    // A partner's step done by the client's organization leaves the partner's open list at once.
    if (done.partnerOrganizationId) emitStepChanged({ kind: "done", stepId: done.stepId, planId: done.planId, clientId, organizationId: actor.organizationId, partnerOrganizationId: done.partnerOrganizationId }, actor);
    return { stepId: done.stepId };
  });
}

/** A dated review of the plan with the client; the plan remembers the latest. */
export async function reviewPlan({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<ReviewPlanInput, "intent">; today?: Date }) {
  const reviewedOn = dayOf(input.reviewedOn);
  if (reviewedOn > today) throw fieldError("reviewedOn", "reviewInFuture");
  if (reviewedOn < addDays(today, -CARE_LIMITS.reachOutMaxDays)) throw fieldError("reviewedOn", "reviewTooOld", { days: CARE_LIMITS.reachOutMaxDays });
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    const id = crypto.randomUUID();
    await tx.planReview.create({ data: { id, planId: plan.id, reviewedOn, noteCipher: input.note ? encryptCare(input.note, careContext("PlanReview.note", id)) : null, keyId: currentKeyId(), reviewedById: actor.userId } });
    // The latest review wins, whatever order they are recorded in.
    await tx.carePlan.updateMany({ where: { id: plan.id, OR: [{ lastReviewedOn: null }, { lastReviewedOn: { lt: reviewedOn } }] }, data: { lastReviewedOn: reviewedOn } });
    await audit(tx, actor, "care.plan_reviewed", clientId, { planId: plan.id, reviewId: id, reviewedOn: input.reviewedOn });
    return { reviewId: id };
  });
}

/** One form of the client's care plan page, parsed by its schema (CARE_PLAN_FORMS), applied by the one service function it names. */
export async function applyCarePlanForm({ actor, clientId, input }: { actor: Actor; clientId: string; input: CarePlanForm }): Promise<{ done: CarePlanForm["intent"] }> {
  const args = { actor, clientId };
  switch (input.intent) {
    case "enroll": await enrollClient({ ...args, input }); break;
    case "not-a-good-fit": await recordNotAGoodFit({ ...args, input }); break;
    case "decline-for-now": await recordDeclinedForNow({ ...args, input }); break;
    case "reassign": await reassignCareManager({ ...args, input }); break;
    case "add-goal": await addGoal({ ...args, input }); break;
    case "move-goal": await moveGoal({ ...args, input }); break;
    case "achieve-goal": await achieveGoal({ ...args, input }); break;
    case "change-goal": await changeGoal({ ...args, input }); break;
    case "set-aside-goal": await setAsideGoal({ ...args, input }); break;
    case "add-step": await addStep({ ...args, input }); break;
    case "complete-step": await completeStep({ ...args, input }); break;
    case "review-plan": await reviewPlan({ ...args, input }); break;
  }
  return { done: input.intent };
}
