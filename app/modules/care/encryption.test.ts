/** Care text is covered by key rotation and by the start-up check for lost keys (issue #15). */
import { describe, expect, it } from "vitest";
import { installFreshFieldKey, isolateKeyRotationTests } from "../../../tests/field-keys";
import { db } from "~/utils/db.server";
import { generateMasterKey, installFieldKeys, installedFieldKeys, parseMasterKey } from "~/utils/field-encryption.server";
import { createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { completePartnerStep } from "./partner-steps.server";
import { assertFieldKeysCoverData, missingFieldKeyIds, rotateFieldEncryption } from "~/modules/crypto/key-rotation.server";
import { achieveGoal, addGoal, addStep, enrollClient, reassignCareManager, recordDeclinedForNow, reviewPlan } from "./service.server";
import { getCarePlanForViewer } from "./queries.server";
import { getGraduationView, graduateClient, recordReadiness } from "./graduation.server";

describe("care text and the field keys", () => {
  isolateKeyRotationTests();

  it("rotation re-encrypts goals, steps, notes and handoffs; the old key is then not needed", async () => {
    const oldKey = installFreshFieldKey();
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const other = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }] });
    const clientId = await createClient(cm);
    const declined = await createClient(cm);
    await recordDeclinedForNow({ actor: cm, clientId: declined, input: { program: "Enhanced care", reachOutOn: isoDay(10), note: "Call in spring" } });
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Dance at my niece's wedding" } });
    await addStep({ actor: cm, clientId, input: { goalId, text: "Physical therapy intake", owner: "CLIENT", dueOn: isoDay(3) } });
    await reviewPlan({ actor: cm, clientId, input: { reviewedOn: isoDay(0), note: "Knee better" } });
    // A partner's note on its done step (ADR 101).
    const { stepId: partnerStep } = await addStep({ actor: cm, clientId, input: { goalId, text: "Groceries", owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(3) } });
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    await completePartnerStep({ actor: actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" }), input: { stepId: partnerStep, note: "Left at the door" } });
    await reassignCareManager({ actor: actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" }), clientId, input: { careManagerId: other.id, handoffNote: "Likes mornings" } });
    await achieveGoal({ actor: cm, clientId, input: { goalId, note: "She danced" } });
    const before = await db.careGoal.findUniqueOrThrow({ where: { id: goalId } });
    // Graduation's text (ADR 098): a readiness note and a closing summary.
    const graduating = await createClient(cm);
    await enrollClient({ actor: cm, clientId: graduating, input: { program: "Enhanced care" } });
    await recordReadiness({ actor: cm, clientId: graduating, input: { goalsMet: true, selfManagement: true, stableLevel: true, note: "Ready in June" } });
    await graduateClient({ actor: cm, clientId: graduating, input: { goalsAchieved: "Walks daily", whatContinues: "Clinic visits", whoToCall: "Front desk" } });

    const newKey = parseMasterKey(generateMasterKey());
    installFieldKeys([newKey]);
    // Without the old key, the start-up check names it (care rows included).
    expect(await missingFieldKeyIds()).toContain(before.keyId);
    installFieldKeys([newKey, oldKey]);
    const result = await rotateFieldEncryption();
    expect(result.care).toBeGreaterThanOrEqual(7);

    installFieldKeys([newKey]);
    await expect(assertFieldKeysCoverData()).resolves.toBeUndefined();
    const after = await db.careGoal.findUniqueOrThrow({ where: { id: goalId } });
    expect(after.keyId).toBe(installedFieldKeys()[0].id);
    expect(after.textCipher).not.toBe(before.textCipher);
    const view = await getCarePlanForViewer({ actor: cm, clientId });
    if (view.access !== "own") throw new Error("expected the own view");
    expect(view.plan!.goals[0]).toMatchObject({ text: "Dance at my niece's wedding", statusNote: "She danced" });
    expect(view.plan!.goals[0].steps[0].text).toBe("Physical therapy intake");
    expect(view.plan!.goals[0].steps.find((s) => s.id === partnerStep)?.doneNote).toBe("Left at the door");
    expect(view.plan!.reviews[0].note).toBe("Knee better");
    expect(view.assignments[0].handoffNote).toBe("Likes mornings");
    const graduated = await getGraduationView({ actor: cm, clientId: graduating });
    expect(graduated?.graduations[0]).toMatchObject({ goalsAchieved: "Walks daily", whatContinues: "Clinic visits", whoToCall: "Front desk" });
    expect(await db.graduation.count({ where: { keyId: { not: installedFieldKeys()[0].id } } })).toBe(0);
    expect(await db.graduationReadiness.count({ where: { keyId: { not: installedFieldKeys()[0].id } } })).toBe(0);
  });
});
