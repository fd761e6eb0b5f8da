/** Referral fixtures, through the real services (used by tests, the seed and the benchmark). */
import type { OrganizationRole } from "~/utils/permissions";
import type { Actor } from "~/modules/auth/actor";
import { sendReferral } from "~/modules/referral/service.server";
import type { SendReferralInput } from "~/modules/referral/schemas";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld, createOrganization, createUser } from "./factories";
import { actorFor, createAuthorization, createClient } from "./consent-factories";

export function referralActor(userId: string, organizationId: string, role: OrganizationRole = "CARE_MANAGER"): Actor {
  return actorFor(userId, organizationId, { role });
}

export function sendInput(overrides: Partial<Omit<SendReferralInput, "intent">> & { clientId: string; recipientOrganizationId: string }): Omit<SendReferralInput, "intent"> {
  return { sdohCodes: ["food-insecurity"], priority: "ROUTINE", categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"], idempotencyKey: crypto.randomUUID(), note: "Needs groceries this week", ...overrides };
}

/** Hospital (A) and food bank (B) in one coalition, a consented client of A, a third organization C. */
export async function createReferralWorld() {
  const world = await createTwoOrganizationWorld();
  const careManagerB = await createUser({ name: "Care Manager B", memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] });
  const orgC = await createOrganization({ coalitionId: world.coalition.id, name: "Org C" });
  const careManagerC = await createUser({ name: "Care Manager C", memberships: [{ organizationId: orgC.id, role: "CARE_MANAGER" }] });
  const sender = referralActor(world.careManagerA.id, world.orgA.id);
  const receiver = referralActor(careManagerB.id, world.orgB.id);
  const outsider = referralActor(careManagerC.id, orgC.id);
  const custodian = actorFor(world.careManagerA.id, world.orgA.id);
  const clientId = await createClient(custodian, { name: "Rosalind Featherstonehaugh", birthDate: "1961-03-04", contact: "555-0100", address: "12 Elm St, Pueblo 81003", preferredLanguage: "en" });
  const { authorizationId } = await createAuthorization(custodian, clientId, { recipientIds: [world.orgB.id], categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"] });
  return { ...world, custodian, careManagerB, orgC, careManagerC, sender, receiver, outsider, clientId, authorizationId };
}

export async function sendTestReferral(world: Awaited<ReturnType<typeof createReferralWorld>>, overrides: Partial<Omit<SendReferralInput, "intent">> = {}) {
  const { referral } = await sendReferral({ actor: world.sender, input: sendInput({ clientId: world.clientId, recipientOrganizationId: world.orgB.id, ...overrides }) });
  return referral;
}

export async function createService(organizationId: string, coalitionId: string, data: Partial<Parameters<typeof db.directoryService.create>[0]["data"]> = {}) {
  return db.directoryService.create({ data: { coalitionId, organizationId, name: "Weekly groceries", sdohCodes: ["food-insecurity"], languages: ["en", "es"], ...data } as Parameters<typeof db.directoryService.create>[0]["data"] });
}
