/**
 * Graduation back to primary care on a real database (issue #15, ADR 098): readiness rules, the
 * consent-checked handoff of the closing summary to the client's practice (refused with a clear
 * answer when no "Care plan and goals" authorization names it; a referral carrying the summary
 * when one does), print-only when the practice is not on the hub, re-enrollment keeping the
 * history, and another organization refused everywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { decryptField } from "~/utils/field-encryption.server";
import { noteContext } from "~/modules/referral/service.server";
import { createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient } from "../../../tests/consent-factories";
import type { Actor } from "~/modules/auth/actor";
import { achieveGoal, addGoal, enrollClient } from "./service.server";
import { getCarePlanForViewer } from "./queries.server";
import { clientsReadyToGraduate, getGraduationSummary, getGraduationView, graduateClient, practiceOptions, recordReadiness } from "./graduation.server";
import { GraduateSchema, RecordReadinessSchema } from "./graduation-schemas";

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message, fields: Object.keys(error.fieldErrors ?? {}), fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const ALL_MET = { goalsMet: true, selfManagement: true, stableLevel: true };
const SUMMARY = { goalsAchieved: "Back at church every Sunday; blood pressure steady", whatContinues: "Monthly visits with Dr. Ruiz; food bank on Fridays", whoToCall: "Nurse line 555-0100" };

describe("graduation back to primary care", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let practice: { id: string; name: string };

  async function enrolledClient(name?: string) {
    const clientId = await createClient(cm, name ? { name } : {});
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    return clientId;
  }

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    practice = await createOrganization({ coalitionId: world.coalition.id, name: "Eastside Family Practice", kind: "PRIMARY_CARE" });
  });

  it("readiness: only while enrolled; ready when all three criteria are met; the note is ciphertext, never in the audit trail", async () => {
    const notEnrolled = await createClient(cm);
    expect(await failure(recordReadiness({ actor: cm, clientId: notEnrolled, input: ALL_MET }))).toMatchObject({ status: 409 });

    const clientId = await enrolledClient();
    // The form: ticked boxes post "on", unticked ones nothing.
    expect(RecordReadinessSchema.parse({ intent: "record-readiness", goalsMet: "on", note: "" })).toEqual({ intent: "record-readiness", goalsMet: true, selfManagement: false, stableLevel: false, note: undefined });
    expect(RecordReadinessSchema.safeParse({ intent: "record-readiness", goalsMet: "yes" }).success).toBe(false);

    const partial = await recordReadiness({ actor: cm, clientId, input: { goalsMet: true, selfManagement: true, stableLevel: false, note: "Still some ER visits" } });
    expect(partial.ready).toBe(false);
    expect((await clientsReadyToGraduate(world.orgA.id)).map((r) => r.clientId)).not.toContain(clientId);
    expect((await getGraduationView({ actor: cm, clientId }))?.readiness).toMatchObject({ ready: false, stableLevel: false, note: "Still some ER visits" });

    const full = await recordReadiness({ actor: cm, clientId, input: { ...ALL_MET, note: "Feels confident with the pill box" } });
    expect(full.ready).toBe(true);
    const ready = (await clientsReadyToGraduate(world.orgA.id)).find((r) => r.clientId === clientId);
    expect(ready).toMatchObject({ primaryCareManagerId: world.careManagerA.id });

    // A later "not yet" wins again (the latest row counts).
    await recordReadiness({ actor: cm, clientId, input: { ...ALL_MET, selfManagement: false } });
    expect((await clientsReadyToGraduate(world.orgA.id)).map((r) => r.clientId)).not.toContain(clientId);

    const row = await db.graduationReadiness.findFirstOrThrow({ where: { clientId, noteCipher: { not: null } } });
    expect(row.noteCipher).not.toContain("ER visits");
    const events = await db.auditEvent.findMany({ where: { subjectId: clientId, action: "care.graduation_readiness_recorded" } });
    expect(events).toHaveLength(3);
    expect(JSON.stringify(events.map((e) => e.metadata))).not.toMatch(/ER visits|pill box/);
  });

  it("graduation needs readiness; without a practice on the hub the summary is for printing; the enrollment is GRADUATED", async () => {
    const clientId = await enrolledClient();
    expect(await failure(graduateClient({ actor: cm, clientId, input: SUMMARY }))).toMatchObject({ status: 409 });
    await recordReadiness({ actor: cm, clientId, input: ALL_MET });
    expect(GraduateSchema.safeParse({ intent: "graduate", practiceOrganizationId: "", goalsAchieved: " ", whatContinues: "x", whoToCall: "y" }).success).toBe(false);

    const outcome = await graduateClient({ actor: cm, clientId, input: SUMMARY });
    expect(outcome.handoff).toBe("print-only");
    const enrollment = await db.enrollment.findFirstOrThrow({ where: { clientId, current: true } });
    expect(enrollment).toMatchObject({ status: "GRADUATED" });
    expect(enrollment.graduatedOn).not.toBeNull();
    expect(await db.careManagerAssignment.count({ where: { clientId, endedAt: null } })).toBe(0);
    expect((await clientsReadyToGraduate(world.orgA.id)).map((r) => r.clientId)).not.toContain(clientId);
    // Graduating twice is refused: the client is no longer enrolled.
    expect(await failure(graduateClient({ actor: cm, clientId, input: SUMMARY }))).toMatchObject({ status: 409 });

    const summary = await getGraduationSummary({ actor: cm, clientId, graduationId: outcome.graduationId });
    expect(summary.graduation).toMatchObject({ ...SUMMARY, practice: null, referralId: null });
    const row = await db.graduation.findUniqueOrThrow({ where: { id: outcome.graduationId } });
    expect(row.goalsAchievedCipher).not.toContain("church");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: clientId, action: "care.graduated" } });
    expect(JSON.stringify(audit.metadata)).not.toMatch(/church|Ruiz|555/);
    expect(await db.auditEvent.count({ where: { subjectId: clientId, action: "care.graduation_summary_viewed" } })).toBe(1);
  });

  it("the summary goes to the practice only under a 'Care plan and goals' authorization naming it: refused, nothing changes and the refusal is audited", async () => {
    const clientId = await enrolledClient();
    await recordReadiness({ actor: cm, clientId, input: ALL_MET });
    expect((await practiceOptions({ actor: cm })).map((o) => o.id)).toEqual([practice.id]);

    // A partner that is not a primary care practice is not a choice.
    expect(await failure(graduateClient({ actor: cm, clientId, input: { ...SUMMARY, practiceOrganizationId: world.orgB.id } }))).toMatchObject({ status: 400, fields: ["practiceOrganizationId"] });

    // No authorization; then one naming the practice but for other categories: refused both times.
    const none = await failure(graduateClient({ actor: cm, clientId, input: { ...SUMMARY, practiceOrganizationId: practice.id } }));
    expect(none).toMatchObject({ status: 409, fields: ["practiceOrganizationId"] });
    await createAuthorization(cm, clientId, { recipientIds: [practice.id], categories: ["SOCIAL_NEEDS"] });
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    expect(await failure(graduateClient({ actor: cm, clientId, input: { ...SUMMARY, practiceOrganizationId: practice.id } }))).toMatchObject({ status: 409 });

    expect(await db.graduation.count({ where: { clientId } })).toBe(0);
    expect(await db.enrollment.findFirstOrThrow({ where: { clientId, current: true } })).toMatchObject({ status: "ENROLLED" });
    expect(await db.referral.count({ where: { clientId } })).toBe(0);
    const refusals = await db.auditEvent.findMany({ where: { subjectId: clientId, action: "consent.disclosure_refused" } });
    expect(refusals).toHaveLength(2);
    expect(refusals[0].metadata).toMatchObject({ recipientOrganizationId: practice.id, channel: "care.graduation_summary" });
    expect(await db.disclosure.count({ where: { clientId } })).toBe(0);

    // With the authorization: graduated, the disclosure recorded, the summary a referral to the practice.
    const { authorizationId } = await createAuthorization(cm, clientId, { recipientIds: [practice.id], categories: ["CARE_PLAN"] });
    const outcome = await graduateClient({ actor: cm, clientId, input: { ...SUMMARY, practiceOrganizationId: practice.id } });
    expect(outcome.handoff).toBe("sent");
    const graduation = await db.graduation.findUniqueOrThrow({ where: { id: outcome.graduationId } });
    expect(graduation).toMatchObject({ practiceOrganizationId: practice.id, authorizationIds: [authorizationId] });
    const referral = await db.referral.findUniqueOrThrow({ where: { id: graduation.referralId! } });
    expect(referral).toMatchObject({ recipientOrganizationId: practice.id, senderOrganizationId: world.orgA.id, categories: ["CARE_PLAN"], status: "REQUESTED" });
    const note = decryptField(referral.noteCipher!, noteContext(referral.id));
    expect(note).toContain(SUMMARY.goalsAchieved);
    expect(note).toContain("Who to call");
    const disclosure = await db.disclosure.findFirstOrThrow({ where: { clientId, channel: "care.graduation_summary" } });
    expect(disclosure).toMatchObject({ recipientOrganizationId: practice.id, categories: ["CARE_PLAN"] });
    expect((await getGraduationView({ actor: cm, clientId }))?.graduations[0]).toMatchObject({ practice: { id: practice.id, name: "Eastside Family Practice" }, referralId: referral.id });
  });

  it("re-enrollment later keeps the history: the plan, its goals, the graduation; readiness starts again", async () => {
    const clientId = await enrolledClient();
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "See my grandchildren every week" } });
    await achieveGoal({ actor: cm, clientId, input: { goalId } });
    await recordReadiness({ actor: cm, clientId, input: ALL_MET });
    const { graduationId } = await graduateClient({ actor: cm, clientId, input: SUMMARY });

    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const view = await getCarePlanForViewer({ actor: cm, clientId });
    if (view.access !== "own") throw new Error("expected the own view");
    expect(view.decisions.map((d) => d.status)).toEqual(["ENROLLED", "GRADUATED", "ENROLLED"]);
    expect(view.plan!.goals.find((g) => g.id === goalId)).toMatchObject({ text: "See my grandchildren every week", status: "ACHIEVED" });
    expect(view.careManager?.id).toBe(world.careManagerA.id);
    expect(await db.careManagerAssignment.count({ where: { clientId } })).toBe(2);
    expect(await db.careManagerAssignment.count({ where: { clientId, endedAt: null } })).toBe(1);

    const graduation = await getGraduationView({ actor: cm, clientId });
    expect(graduation?.readiness).toBeNull();
    expect(graduation?.graduations.map((g) => g.id)).toEqual([graduationId]);
    expect(graduation?.graduations[0].whoToCall).toBe(SUMMARY.whoToCall);
    expect((await clientsReadyToGraduate(world.orgA.id)).map((r) => r.clientId)).not.toContain(clientId);
  });

  it("another organization records, graduates and reads nothing (404, audited); its list never holds our clients", async () => {
    const clientId = await enrolledClient();
    await recordReadiness({ actor: cm, clientId, input: ALL_MET });
    const outsider = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    expect(await failure(recordReadiness({ actor: outsider, clientId, input: ALL_MET }))).toMatchObject({ status: 404 });
    expect(await failure(graduateClient({ actor: outsider, clientId, input: SUMMARY }))).toMatchObject({ status: 404 });
    expect(await getGraduationView({ actor: outsider, clientId })).toBeNull();
    const { graduationId } = await graduateClient({ actor: cm, clientId, input: SUMMARY });
    expect(await failure(getGraduationSummary({ actor: outsider, clientId, graduationId }))).toMatchObject({ status: 404 });
    expect(await clientsReadyToGraduate(world.orgB.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { subjectId: clientId, action: { in: ["care.change_refused", "care.graduation_summary_refused"] }, organizationId: world.orgB.id } })).toBe(3);
    expect(await db.graduation.count({ where: { clientId } })).toBe(1);
  });
});
