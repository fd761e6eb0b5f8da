/**
 * A partner sees a client's care plan only while an authorization covering "Care plan and goals"
 * names it (issue #15), decided by the one consent decision and recorded as a disclosure; then it
 * sees the goals and only the next steps assigned to it. Unnamed, revoked, expired, not covering
 * the category: nothing (404), the refusal audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { revokeAuthorization } from "~/modules/consent/service.server";
import type { Actor } from "~/modules/auth/actor";
import { addGoal, addStep, enrollClient } from "./service.server";
import { getCarePlanForViewer } from "./queries.server";

async function status(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}

describe("a care plan is shared with consented partners only", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let partnerReader: Actor;
  let otherPartnerReader: Actor;
  let otherPartnerId: string;

  async function clientWithPlan() {
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Cook dinner for my kids" } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Deliver groceries on Friday", owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(4) } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Job center visit", owner: "PARTNER", partnerOrganizationId: otherPartnerId, dueOn: isoDay(5) } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Talk with the landlord", owner: "CARE_MANAGER", dueOn: isoDay(6) } });
    return clientId;
  }

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    partnerReader = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    const other = await createOrganization({ coalitionId: world.coalition.id, name: "Org C" });
    otherPartnerId = other.id;
    const otherUser = await createUser({ memberships: [{ organizationId: other.id, role: "CARE_MANAGER" }] });
    otherPartnerReader = actorFor(otherUser.id, other.id);
  });

  it("a named partner sees the goals and only its own next steps; the disclosure is recorded", async () => {
    const clientId = await clientWithPlan();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    const view = await getCarePlanForViewer({ actor: partnerReader, clientId });
    expect(view.access).toBe("shared");
    if (view.access !== "shared") return;
    expect(view.plan!.goals.map((g) => g.text)).toEqual(["Cook dinner for my kids"]);
    expect(view.plan!.goals[0].steps.map((s) => s.text)).toEqual(["Deliver groceries on Friday"]);
    const disclosure = await db.disclosure.findFirstOrThrow({ where: { clientId, recipientOrganizationId: world.orgB.id, channel: "hub.care_plan" } });
    expect(disclosure.categories).toEqual(["CARE_PLAN"]);
    expect(await db.auditEvent.count({ where: { action: "consent.disclosure_allowed", subjectId: clientId } })).toBe(1);
    // The other partner, not named, sees nothing — its step included (cross-organization isolation).
    expect(await status(getCarePlanForViewer({ actor: otherPartnerReader, clientId }))).toBe(404);
  });

  it("an authorization that does not cover the care plan releases nothing", async () => {
    const clientId = await clientWithPlan();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"] });
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId }))).toBe(404);
    expect(await db.disclosure.count({ where: { clientId, channel: "hub.care_plan" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "consent.disclosure_refused", subjectId: clientId } })).toBe(1);
  });

  it("revoked: hidden at once", async () => {
    const clientId = await clientWithPlan();
    const { authorizationId } = await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId }))).toBe(200);
    await revokeAuthorization({ actor: cm, clientId, input: { authorizationId, receivedVia: "IN_PERSON_WRITTEN" } });
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId }))).toBe(404);
  });

  it("expired: nothing", async () => {
    const clientId = await clientWithPlan();
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"], effectiveDate: isoDay(-60), expiresOn: isoDay(-1) });
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId }))).toBe(404);
    const refused = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.disclosure_refused", subjectId: clientId } });
    expect(JSON.stringify(refused.metadata)).toContain("expired");
  });

  it("no authorization at all: nothing, and an unknown client is the same 404", async () => {
    const clientId = await clientWithPlan();
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId }))).toBe(404);
    expect(await status(getCarePlanForViewer({ actor: partnerReader, clientId: crypto.randomUUID() }))).toBe(404);
  });
});
