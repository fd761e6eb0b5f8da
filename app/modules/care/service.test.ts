/**
 * The care journey's rules on a real database (issue #15): enrollment decisions, the one primary
 * care manager and its history, goals never deleted, next steps, reviews, the caseload, and
 * another organization refused. Text is checked to be ciphertext at rest and absent from the audit trail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createClient } from "../../../tests/consent-factories";
import type { Actor } from "~/modules/auth/actor";
import { DeclineForNowSchema, SetAsideGoalSchema, AddStepSchema } from "./schemas";
import { achieveGoal, addGoal, addStep, changeGoal, completeStep, enrollClient, moveGoal, recordDeclinedForNow, recordNotAGoodFit, reassignCareManager, reviewPlan, setAsideGoal } from "./service.server";
import { getCarePlanForViewer, getCaseload, getOutreachDue, type OwnPlanView } from "./queries.server";
import { addDays, isoDay, todayUtc } from "./dates";

const day = (offset: number) => isoDay(addDays(todayUtc(), offset));

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function ownPlan(actor: Actor, clientId: string) {
  const view = await getCarePlanForViewer({ actor, clientId });
  if (view.access !== "own") throw new Error("expected the own view");
  return view as OwnPlanView;
}

describe("the care journey", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let director: Actor;
  let otherCm: { id: string };
  let partner: { id: string };

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    director = actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" });
    otherCm = await createUser({ name: "Care Manager A2", memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }] });
    partner = world.orgB;
  });

  it("enrolls a client once: the plan opens, the care manager is the open assignment, audited", async () => {
    const clientId = await createClient(cm);
    const { planId } = await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    expect(await failure(enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } }))).toMatchObject({ status: 409 });
    const view = await ownPlan(cm, clientId);
    expect(view.enrollment).toMatchObject({ status: "ENROLLED", program: "Enhanced care", enrolledOn: day(0) });
    expect(view.plan?.id).toBe(planId);
    expect(view.careManager?.id).toBe(world.careManagerA.id);
    expect(view.assignments).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "care.enrolled", subjectId: clientId } })).toBe(1);
    // Someone in care is not "declined for now" by a later screening answer.
    expect(await failure(recordNotAGoodFit({ actor: cm, clientId, input: { program: "Enhanced care" } }))).toMatchObject({ status: 409 });
  });

  it("declined for now: a day in the future, within a year; the person is on the outreach list when the day comes", async () => {
    const clientId = await createClient(cm, { name: "Outreach Person" });
    expect(await failure(recordDeclinedForNow({ actor: cm, clientId, input: { program: "Enhanced care", reachOutOn: day(0) } }))).toMatchObject({ status: 400, fields: ["reachOutOn"] });
    expect(await failure(recordDeclinedForNow({ actor: cm, clientId, input: { program: "Enhanced care", reachOutOn: day(400) } }))).toMatchObject({ status: 400, fields: ["reachOutOn"] });
    expect(DeclineForNowSchema.safeParse({ intent: "decline-for-now", program: "x", reachOutOn: "2026-02-30" }).success).toBe(false);
    await recordDeclinedForNow({ actor: cm, clientId, input: { program: "Enhanced care", reachOutOn: day(30), note: "Not ready while moving house" } });
    expect((await getOutreachDue({ actor: cm })).map((r) => r.clientId)).not.toContain(clientId);
    const due = await getOutreachDue({ actor: cm, today: addDays(todayUtc(), 30) });
    expect(due.find((r) => r.clientId === clientId)).toMatchObject({ name: "Outreach Person", reachOutOn: day(30) });
    // The note is ciphertext at rest.
    const row = await db.enrollment.findFirstOrThrow({ where: { clientId, current: true } });
    expect(row.noteCipher).not.toContain("moving");
    // Enrolling later replaces the decision (kept as history) and takes the person off the list.
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    expect((await getOutreachDue({ actor: cm, today: addDays(todayUtc(), 30) })).map((r) => r.clientId)).not.toContain(clientId);
    const view = await ownPlan(cm, clientId);
    expect(view.decisions.map((d) => d.status)).toEqual(["ENROLLED", "DECLINED_FOR_NOW"]);
    expect(view.decisions[1].note).toBe("Not ready while moving house");
  });

  it("a director reassigns the primary care manager with a warm-handoff note; the history is kept; a care manager may not", async () => {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    expect(await failure(reassignCareManager({ actor: cm, clientId, input: { careManagerId: otherCm.id, handoffNote: "Knows her well" } }))).toMatchObject({ status: 403 });
    expect(await failure(reassignCareManager({ actor: director, clientId, input: { careManagerId: world.directorB.id, handoffNote: "x" } }))).toMatchObject({ status: 400, fields: ["careManagerId"] });
    expect(await failure(reassignCareManager({ actor: director, clientId, input: { careManagerId: world.careManagerA.id, handoffNote: "x" } }))).toMatchObject({ status: 400, fields: ["careManagerId"] });
    await reassignCareManager({ actor: director, clientId, input: { careManagerId: otherCm.id, handoffNote: "Prefers calls after 5 pm" } });
    const view = await ownPlan(cm, clientId);
    expect(view.careManager?.id).toBe(otherCm.id);
    expect(view.assignments.map((a) => [a.careManagerName, a.endedAt === null, a.handoffNote])).toEqual([
      ["Care Manager A2", true, "Prefers calls after 5 pm"],
      ["Care Manager A", false, null],
    ]);
    expect(await db.careManagerAssignment.count({ where: { clientId, endedAt: null } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "care.care_manager_reassigned", subjectId: clientId } });
    expect(JSON.stringify(event.metadata)).not.toContain("5 pm");
  });

  it("goals in the client's words, in the client's order; achieved, changed or set aside, never deleted", async () => {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const church = await addGoal({ actor: cm, clientId, input: { text: "Get back to church on Sundays" } });
    const grandkids = await addGoal({ actor: cm, clientId, input: { text: "See my grandchildren" } });
    const sleep = await addGoal({ actor: cm, clientId, input: { text: "Sleep through the night" } });
    await moveGoal({ actor: cm, clientId, input: { goalId: sleep.goalId, direction: "up" } });
    expect((await ownPlan(cm, clientId)).plan!.goals.map((g) => g.text)).toEqual(["Get back to church on Sundays", "Sleep through the night", "See my grandchildren"]);
    expect(await moveGoal({ actor: cm, clientId, input: { goalId: church.goalId, direction: "up" } })).toEqual({ moved: false });

    await achieveGoal({ actor: cm, clientId, input: { goalId: church.goalId, note: "Went twice this month" } });
    const changed = await changeGoal({ actor: cm, clientId, input: { goalId: grandkids.goalId, text: "Visit my grandchildren in Fresno" } });
    expect(SetAsideGoalSchema.safeParse({ intent: "set-aside-goal", goalId: sleep.goalId }).success).toBe(false);
    await setAsideGoal({ actor: cm, clientId, input: { goalId: sleep.goalId } });
    expect(await failure(achieveGoal({ actor: cm, clientId, input: { goalId: sleep.goalId } }))).toMatchObject({ status: 409 });

    const goals = (await ownPlan(cm, clientId)).plan!.goals;
    expect(goals).toHaveLength(4);
    expect(Object.fromEntries(goals.map((g) => [g.text, g.status]))).toEqual({
      "Get back to church on Sundays": "ACHIEVED",
      "See my grandchildren": "CHANGED",
      "Visit my grandchildren in Fresno": "ACTIVE",
      "Sleep through the night": "SET_ASIDE",
    });
    expect(goals.find((g) => g.id === grandkids.goalId)?.replacedById).toBe(changed.goalId);
    const rows = await db.careGoal.findMany({ where: { plan: { clientId } } });
    expect(rows.every((r) => !r.textCipher.includes("grandchildren") && !r.textCipher.includes("church"))).toBe(true);
    const events = await db.auditEvent.findMany({ where: { subjectId: clientId, action: { startsWith: "care." } } });
    expect(events.map((e) => JSON.stringify(e.metadata)).join(" ")).not.toMatch(/church|grandchildren|Fresno|twice/);
  });

  it("next steps: who does what by when; a partner must be a coalition partner; done once", async () => {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Have enough food at home" } });
    expect(AddStepSchema.safeParse({ intent: "add-step", goalId, text: "Pantry visit", owner: "PARTNER", dueOn: day(3) }).success).toBe(false);
    const stranger = await createOrganization({ name: "Not a partner" });
    expect(await failure(addStep({ actor: cm, clientId, input: { goalId, text: "Pantry visit", owner: "PARTNER", partnerOrganizationId: stranger.id, dueOn: day(3) } }))).toMatchObject({ status: 400, fields: ["partnerOrganizationId"] });
    expect(await failure(addStep({ actor: cm, clientId, input: { goalId, text: "Pantry visit", owner: "CLIENT", dueOn: day(-1) } }))).toMatchObject({ status: 400, fields: ["dueOn"] });
    const { stepId } = await addStep({ actor: cm, clientId, input: { goalId, text: "Deliver a food box", owner: "PARTNER", partnerOrganizationId: partner.id, dueOn: day(3) } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Call the pantry", owner: "CLIENT", dueOn: day(20) } });
    await completeStep({ actor: cm, clientId, input: { stepId } });
    expect(await failure(completeStep({ actor: cm, clientId, input: { stepId } }))).toMatchObject({ status: 409 });
    const steps = (await ownPlan(cm, clientId)).plan!.goals[0].steps;
    expect(steps.map((s) => [s.text, s.owner, s.partnerName, s.doneAt !== null])).toEqual([
      ["Deliver a food box", "PARTNER", "Org B", true],
      ["Call the pantry", "CLIENT", null, false],
    ]);
  });

  it("plan reviews are dated, not in the future; the plan shows the latest", async () => {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    expect(await failure(reviewPlan({ actor: cm, clientId, input: { reviewedOn: day(1) } }))).toMatchObject({ status: 400, fields: ["reviewedOn"] });
    await reviewPlan({ actor: cm, clientId, input: { reviewedOn: day(0), note: "Reviewed at home" } });
    await reviewPlan({ actor: cm, clientId, input: { reviewedOn: day(-10) } });
    const plan = (await ownPlan(cm, clientId)).plan!;
    expect(plan.lastReviewedOn).toBe(day(0));
    expect(plan.reviews.map((r) => r.reviewedOn)).toEqual([day(0), day(-10)]);
  });

  it("another organization can change nothing and reads nothing without consent (404, audited)", async () => {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Find a job" } });
    const outsider = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    expect(await failure(addGoal({ actor: outsider, clientId, input: { text: "x" } }))).toMatchObject({ status: 404 });
    expect(await failure(setAsideGoal({ actor: outsider, clientId, input: { goalId } }))).toMatchObject({ status: 404 });
    expect(await failure(enrollClient({ actor: outsider, clientId, input: { program: "x" } }))).toMatchObject({ status: 404 });
    expect(await failure(getCarePlanForViewer({ actor: outsider, clientId }))).toMatchObject({ status: 404 });
    expect(await db.auditEvent.count({ where: { action: "care.change_refused", subjectId: clientId } })).toBe(3);
    expect((await db.careGoal.findUniqueOrThrow({ where: { id: goalId } })).status).toBe("ACTIVE");
  });

  it("the caseload: my enrolled clients, least recently reviewed first, searched by name, a page at a time", async () => {
    const mine = await createUser({ name: "Caseload Manager", memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }] });
    const me = actorFor(mine.id, world.orgA.id);
    const ana = await createClient(me, { name: "Ana María Ruiz" });
    const ben = await createClient(me, { name: "Ben Ortiz" });
    const notEnrolled = await createClient(me, { name: "Ana Lopez" });
    await enrollClient({ actor: me, clientId: ana, input: { program: "Enhanced care" } });
    await enrollClient({ actor: me, clientId: ben, input: { program: "Enhanced care" } });
    await recordNotAGoodFit({ actor: me, clientId: notEnrolled, input: { program: "Enhanced care" } });
    await reviewPlan({ actor: me, clientId: ben, input: { reviewedOn: day(0) } });
    const { goalId } = await addGoal({ actor: me, clientId: ana, input: { text: "Walk every day" } });
    await addStep({ actor: me, clientId: ana, input: { goalId, text: "Buy shoes", owner: "CLIENT", dueOn: day(2) } });

    const all = await getCaseload({ actor: me });
    expect(all.total).toBe(2);
    expect(all.clients.map((c) => [c.name, c.reviewOverdue, c.stepsDue])).toEqual([
      ["Ana María Ruiz", true, 1],
      ["Ben Ortiz", false, 0],
    ]);
    expect((await getCaseload({ actor: me, q: "ruiz ANA" })).clients.map((c) => c.clientId)).toEqual([ana]);
    expect((await getCaseload({ actor: me, q: "Lopez" })).total).toBe(0);
    expect((await getCaseload({ actor: me, page: 2 })).clients).toEqual([]);
    // Another care manager's caseload does not include them.
    expect((await getCaseload({ actor: cm })).clients.map((c) => c.clientId)).not.toContain(ana);
  });
});
