/**
 * A partner's own task list (issue #15, ADR 101), on the real database: a step shows only while an
 * authorization covering "Care plan and goals" names the partner (the one consent decision,
 * recorded as a disclosure); another partner, no / revoked / expired authorization and a Part 2
 * authorization show nothing, and marking done then is a 404 that leaves the step as it was. Marking
 * done is one transaction with its audit event (no note in it); the note is ciphertext; both
 * organizations hear of it after the commit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server as SocketServer } from "socket.io";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { installIo } from "~/utils/runtime.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { revokeAuthorization } from "~/modules/consent/service.server";
import type { Actor } from "~/modules/auth/actor";
import { addGoal, addStep, completeStep, enrollClient, setAsideGoal } from "./service.server";
import { getCarePlanForViewer } from "./queries.server";
import { completePartnerStep, getPartnerTasks, TASKS_CHANNEL } from "./partner-steps.server";

async function status(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}

/*
 * The socket server is the network: a stand-in records what would be sent to which room (the real
 * delivery to two browsers is tests/e2e/care-live.test.ts).
 */
type Sent = { namespace: string; room: string; event: string; payload: Record<string, unknown> };
const sent: Sent[] = [];
const recordingIo = { of: (namespace: string) => ({ to: (room: string) => ({ emit: (event: string, payload: Record<string, unknown>) => sent.push({ namespace, room, event, payload }) }) }) } as unknown as SocketServer;

describe("a partner's next steps on shared care plans", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let partner: Actor;
  let otherPartner: Actor;
  let otherPartnerId: string;

  async function clientWithSteps(name = "Ana Client") {
    const clientId = await createClient(cm, { name });
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Cook dinner for my kids" } });
    const { stepId } = await addStep({ actor: cm, clientId, input: { goalId, text: "Deliver groceries on Friday", owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(4) } });
    const { stepId: otherStepId } = await addStep({ actor: cm, clientId, input: { goalId, text: "Job center visit", owner: "PARTNER", partnerOrganizationId: otherPartnerId, dueOn: isoDay(5) } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Talk with the landlord", owner: "CARE_MANAGER", dueOn: isoDay(6) } });
    return { clientId, goalId, stepId, otherStepId };
  }
  const mine = async (actor: Actor, clientId: string) => (await getPartnerTasks({ actor })).open.filter((t) => t.clientId === clientId);

  beforeAll(async () => {
    installIo(recordingIo);
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    const partnerUser = await createUser({ memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] });
    partner = actorFor(partnerUser.id, world.orgB.id);
    const other = await createOrganization({ coalitionId: world.coalition.id, name: "Org C" });
    otherPartnerId = other.id;
    const otherUser = await createUser({ memberships: [{ organizationId: other.id, role: "CARE_MANAGER" }] });
    otherPartner = actorFor(otherUser.id, other.id);
  });
  afterAll(() => installIo(undefined));

  it("a named partner sees its own step with the client's goal; the name only when contact details are covered; a disclosure is recorded", async () => {
    const { clientId, stepId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    const tasks = await mine(partner, clientId);
    expect(tasks).toEqual([expect.objectContaining({ stepId, text: "Deliver groceries on Friday", goalText: "Cook dinner for my kids", clientName: null, organizationName: "Org A", dueOn: isoDay(4) })]);
    const disclosure = await db.disclosure.findFirstOrThrow({ where: { clientId, recipientOrganizationId: world.orgB.id, channel: TASKS_CHANNEL } });
    expect(disclosure.categories).toEqual(["CARE_PLAN"]);

    const named = await clientWithSteps("Berta Named");
    await createAuthorization(cm, named.clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN", "CONTACT_DEMOGRAPHICS"] });
    expect((await mine(partner, named.clientId))[0].clientName).toBe("Berta Named");
    const both = await db.disclosure.findFirstOrThrow({ where: { clientId: named.clientId, channel: TASKS_CHANNEL } });
    expect([...both.categories].sort()).toEqual(["CARE_PLAN", "CONTACT_DEMOGRAPHICS"]);
  });

  it("another partner (given a step, not named) sees nothing and cannot mark it done; the refusal is audited", async () => {
    const { clientId, otherStepId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    expect(await mine(otherPartner, clientId)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "consent.disclosure_refused", subjectId: clientId, organizationId: world.orgA.id } })).toBeGreaterThanOrEqual(1);
    expect(await status(completePartnerStep({ actor: otherPartner, input: { stepId: otherStepId } }))).toBe(404);
    expect((await db.careStep.findUniqueOrThrow({ where: { id: otherStepId } })).doneAt).toBeNull();
  });

  it("a partner cannot mark another partner's step done, nor an unknown one (404, audited)", async () => {
    const { clientId, otherStepId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id, otherPartnerId], categories: ["CARE_PLAN"] });
    expect(await status(completePartnerStep({ actor: partner, input: { stepId: otherStepId } }))).toBe(404);
    expect(await status(completePartnerStep({ actor: partner, input: { stepId: crypto.randomUUID() } }))).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "care.partner_step_refused", subjectId: otherStepId } })).toBe(1);
    expect((await db.careStep.findUniqueOrThrow({ where: { id: otherStepId } })).doneAt).toBeNull();
  });

  it("revoked: the step leaves the list at once and cannot be marked done", async () => {
    const { clientId, stepId } = await clientWithSteps();
    const { authorizationId } = await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    expect(await mine(partner, clientId)).toHaveLength(1);
    await revokeAuthorization({ actor: cm, clientId, input: { authorizationId, receivedVia: "IN_PERSON_WRITTEN" } });
    expect(await mine(partner, clientId)).toEqual([]);
    expect(await status(completePartnerStep({ actor: partner, input: { stepId, note: "Delivered" } }))).toBe(404);
    const step = await db.careStep.findUniqueOrThrow({ where: { id: stepId } });
    expect(step.doneAt).toBeNull();
    expect(step.doneNoteCipher).toBeNull();
    const refused = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.disclosure_refused", subjectId: clientId, metadata: { path: ["channel"], equals: "hub.care_plan.step_done" } } });
    expect(JSON.stringify(refused.metadata)).toContain("revoked");
  });

  it("expired or never given: nothing", async () => {
    const expired = await clientWithSteps();
    await createAuthorization(cm, expired.clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"], effectiveDate: isoDay(-60), expiresOn: isoDay(-1) });
    expect(await mine(partner, expired.clientId)).toEqual([]);
    const none = await clientWithSteps();
    expect(await mine(partner, none.clientId)).toEqual([]);
    expect(await status(completePartnerStep({ actor: partner, input: { stepId: none.stepId } }))).toBe(404);
    expect(await db.disclosure.count({ where: { clientId: { in: [expired.clientId, none.clientId] } } })).toBe(0);
  });

  it("Part 2 is never the way in: a Part 2 authorization naming the partner releases no care plan step", async () => {
    const { clientId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], form: "PART2", categories: ["SUD_PART2"], ackPart2: "on" });
    // And a general authorization for other categories does not either.
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["SOCIAL_NEEDS"] });
    expect(await mine(partner, clientId)).toEqual([]);
    expect(await db.disclosure.count({ where: { clientId, channel: TASKS_CHANNEL } })).toBe(0);
  });

  it("marking done: one transaction with its audit event, the note encrypted and never in the event; the client's team sees who and the note; both rooms told after the commit", async () => {
    const { clientId, stepId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    sent.length = 0;
    await completePartnerStep({ actor: partner, input: { stepId, note: "Left the box with her neighbour" } });
    const step = await db.careStep.findUniqueOrThrow({ where: { id: stepId } });
    expect(step.doneAt).not.toBeNull();
    expect(step.doneByOrganizationId).toBe(world.orgB.id);
    expect(step.doneNoteCipher).toBeTruthy();
    expect(step.doneNoteCipher).not.toContain("neighbour");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "care.partner_step_done", subjectId: clientId } });
    expect(event.organizationId).toBe(world.orgA.id);
    expect(JSON.stringify(event.metadata)).not.toContain("neighbour");
    expect(event.metadata).toMatchObject({ stepId, partnerOrganizationId: world.orgB.id, withNote: true });

    const own = await getCarePlanForViewer({ actor: cm, clientId });
    if (own.access !== "own") throw new Error("expected the own view");
    const shown = own.plan!.goals[0].steps.find((s) => s.id === stepId)!;
    expect(shown).toMatchObject({ doneByPartner: true, doneNote: "Left the box with her neighbour", partnerName: "Org B" });

    expect(sent.map((s) => [s.room, s.event, s.payload.kind, s.payload.clientId])).toEqual([
      [`org:${world.orgA.id}`, "care.step.changed", "done", clientId],
      [`org:${world.orgB.id}`, "care.step.changed", "done", null],
    ]);
    expect(JSON.stringify(sent)).not.toContain("neighbour");

    // Off the open list, on the done list with the partner's own note; a second time is a 409.
    const tasks = await getPartnerTasks({ actor: partner });
    expect(tasks.open.some((t) => t.stepId === stepId)).toBe(false);
    expect(tasks.done.find((t) => t.stepId === stepId)).toMatchObject({ doneNote: "Left the box with her neighbour" });
    expect(await status(completePartnerStep({ actor: partner, input: { stepId } }))).toBe(409);
  });

  it("a new partner step is announced to the partner's room (ids only); one the client's team marks done too", async () => {
    sent.length = 0;
    const { clientId, stepId } = await clientWithSteps();
    const assigned = sent.filter((s) => s.payload.kind === "assigned");
    expect(assigned.map((s) => s.room)).toEqual([`org:${world.orgA.id}`, `org:${world.orgB.id}`, `org:${world.orgA.id}`, `org:${otherPartnerId}`]);
    expect(assigned[1].payload).toEqual({ kind: "assigned", stepId, planId: expect.any(String), clientId: null, organizationId: world.orgA.id, partnerOrganizationId: world.orgB.id, byOrganizationId: world.orgA.id, byOrganizationName: expect.any(String) });
    expect(JSON.stringify(sent)).not.toContain("groceries");
    sent.length = 0;
    await completeStep({ actor: cm, clientId, input: { stepId } });
    expect(sent.map((s) => [s.room, s.payload.kind])).toEqual([[`org:${world.orgA.id}`, "done"], [`org:${world.orgB.id}`, "done"]]);
  });

  it("a step under a goal set aside leaves the open list", async () => {
    const { clientId, goalId } = await clientWithSteps();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    await setAsideGoal({ actor: cm, clientId, input: { goalId } });
    expect(await mine(partner, clientId)).toEqual([]);
  });
});
