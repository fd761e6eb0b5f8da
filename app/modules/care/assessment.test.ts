/**
 * The 30-day assessment, a goal's interventions and progress notes, and the care team on a real
 * database (issue #15, ADR 100): one section saved at a time with its day, words encrypted and never
 * in the audit trail, the huddle list's SQL agreeing with assessment-deadline.ts, append-only notes
 * a partner never sees, members only from authorized organizations, removal kept as history, and
 * another organization refused everywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient } from "../../../tests/consent-factories";
import { revokeAuthorization } from "~/modules/consent/service.server";
import type { Actor } from "~/modules/auth/actor";
import { addGoal, enrollClient } from "./service.server";
import { getCarePlanForViewer } from "./queries.server";
import { getAssessment, saveAssessmentSection } from "./assessment.server";
import { addIntervention, addProgressNote, getGoalEntries } from "./goal-entries.server";
import { addTeamMember, getCareTeam, removeTeamMember, teamOrganizationOptions } from "./team.server";
import { getHuddleCaseload } from "./caseload.server";
import { SaveAssessmentSectionSchema } from "./assessment-schemas";
import { assessmentState } from "./assessment-deadline";
import { addDays, dayOf, isoDay, todayUtc } from "./dates";

const day = (offset: number) => isoDay(addDays(todayUtc(), offset));

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, fields: Object.keys(error.fieldErrors ?? {}) };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function enrolled(actor: Actor, enrolledAgo = 0) {
  const clientId = await createClient(actor);
  await enrollClient({ actor, clientId, input: { program: "Enhanced care" } });
  if (enrolledAgo) await db.enrollment.updateMany({ where: { clientId, current: true }, data: { enrolledOn: addDays(todayUtc(), -enrolledAgo), decidedOn: addDays(todayUtc(), -enrolledAgo) } });
  return clientId;
}

const save = (actor: Actor, clientId: string, fields: Record<string, unknown>) =>
  saveAssessmentSection({ actor, clientId, input: SaveAssessmentSectionSchema.parse({ intent: "save-assessment-section", completedOn: day(0), ...fields }) });

describe("the 30-day assessment, goal notes and the care team", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let otherCm: Actor;
  let partner: Actor;
  let orgC: { id: string; name: string };

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    const b = await createUser({ name: "Care Manager B", memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] });
    otherCm = actorFor(b.id, world.orgB.id);
    partner = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    orgC = await createOrganization({ coalitionId: world.coalition.id, name: "Org C Housing" });
  });

  it("sections are saved one at a time with their day; the words are ciphertext and never in the audit trail; a re-save keeps the earlier row", async () => {
    const clientId = await enrolled(cm, 5);
    await save(cm, clientId, { section: "STRENGTHS", text: "Sings in the church choir every Sunday", completedOn: day(-4) });
    await save(cm, clientId, { section: "NEEDS_ECONOMIC_STABILITY", sdohCodes: ["food-insecurity", "utility-insecurity"], text: "Runs out of food by the 20th" });
    await save(cm, clientId, { section: "NEEDS_EDUCATION", sdohCodes: [] });
    let view = await getAssessment({ actor: cm, clientId });
    expect(view).toMatchObject({ sectionsDone: 3, sectionsTotal: 7, status: "open", daysLeft: 25, dueOn: day(25) });
    expect(view!.sections.STRENGTHS).toMatchObject({ text: "Sings in the church choir every Sunday", completedOn: day(-4), recordedByName: "Care Manager A" });
    expect(view!.sections.NEEDS_ECONOMIC_STABILITY?.sdohCodes).toEqual(["food-insecurity", "utility-insecurity"]);
    expect(view!.sections.NEEDS_EDUCATION).toMatchObject({ sdohCodes: [], text: null });

    await save(cm, clientId, { section: "STRENGTHS", text: "Sings in the choir; close to her sister" });
    view = await getAssessment({ actor: cm, clientId });
    expect(view!.sections.STRENGTHS).toMatchObject({ text: "Sings in the choir; close to her sister", revisions: 2 });
    expect(view!.sectionsDone).toBe(3);

    const rows = await db.careAssessmentEntry.findMany({ where: { clientId } });
    expect(rows).toHaveLength(4);
    expect(JSON.stringify(rows)).not.toMatch(/choir|food by the 20th/);
    const events = await db.auditEvent.findMany({ where: { action: "care.assessment_section_saved", subjectId: clientId } });
    expect(events).toHaveLength(4);
    expect(JSON.stringify(events.map((e) => e.metadata))).not.toMatch(/choir|food|utility/);
  });

  it("bounds: a day in the future or before enrollment, codes of another domain, a section of words left empty — 400 naming the field, nothing written", async () => {
    const clientId = await enrolled(cm, 3);
    expect(await failure(save(cm, clientId, { section: "STRENGTHS", text: "x", completedOn: day(1) }))).toEqual({ status: 400, fields: ["completedOn"] });
    expect(await failure(save(cm, clientId, { section: "STRENGTHS", text: "x", completedOn: day(-4) }))).toEqual({ status: 400, fields: ["completedOn"] });
    const wrongDomain = SaveAssessmentSectionSchema.safeParse({ intent: "save-assessment-section", section: "NEEDS_EDUCATION", sdohCodes: ["food-insecurity"], completedOn: day(0) });
    expect(wrongDomain.success ? [] : wrongDomain.error.issues.map((i) => i.path.join("."))).toEqual(["sdohCodes"]);
    const unknownCode = SaveAssessmentSectionSchema.safeParse({ intent: "save-assessment-section", section: "NEEDS_EDUCATION", sdohCodes: "drop-table", completedOn: day(0) });
    expect(unknownCode.success).toBe(false);
    const noWords = SaveAssessmentSectionSchema.safeParse({ intent: "save-assessment-section", section: "WHAT_MATTERS", text: "  ", completedOn: day(0) });
    expect(noWords.success ? [] : noWords.error.issues.map((i) => i.path.join("."))).toEqual(["text"]);
    const tooLong = SaveAssessmentSectionSchema.safeParse({ intent: "save-assessment-section", section: "WHAT_MATTERS", text: "x".repeat(2001), completedOn: day(0) });
    expect(tooLong.success).toBe(false);
    expect(await db.careAssessmentEntry.count({ where: { clientId } })).toBe(0);
  });

  it("a client not enrolled has no assessment (409 on save, null on read)", async () => {
    const clientId = await createClient(cm);
    expect(await failure(save(cm, clientId, { section: "STRENGTHS", text: "x" }))).toMatchObject({ status: 409 });
    expect(await getAssessment({ actor: cm, clientId })).toBeNull();
  });

  it("another organization can neither save nor read an assessment, nor write or read notes or the team (404, nothing written)", async () => {
    const clientId = await enrolled(cm);
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Get back to church" } });
    expect(await failure(save(otherCm, clientId, { section: "STRENGTHS", text: "x" }))).toMatchObject({ status: 404 });
    expect(await failure(getAssessment({ actor: otherCm, clientId }))).toMatchObject({ status: 404 });
    expect(await failure(addIntervention({ actor: otherCm, clientId, input: { goalId, text: "x" } }))).toMatchObject({ status: 404 });
    expect(await failure(addProgressNote({ actor: otherCm, clientId, input: { goalId, text: "x" } }))).toMatchObject({ status: 404 });
    expect(await failure(getGoalEntries({ actor: otherCm, clientId }))).toMatchObject({ status: 404 });
    expect(await failure(addTeamMember({ actor: otherCm, clientId, input: { memberOrganizationId: world.orgB.id, name: "x", role: "y" } }))).toMatchObject({ status: 404 });
    expect(await failure(getCareTeam({ actor: otherCm, clientId }))).toMatchObject({ status: 404 });
    expect(await db.careAssessmentEntry.count({ where: { clientId } })).toBe(0);
    expect(await db.careGoalEntry.count({ where: { goalId } })).toBe(0);
    expect(await db.careTeamMember.count({ where: { clientId } })).toBe(0);
  });

  it("the huddle list flags overdue assessments; its SQL agrees with assessment-deadline.ts on every row", async () => {
    const fresh = await enrolled(cm, 2);
    const late = await enrolled(cm, 31);
    const dueToday = await enrolled(cm, 30);
    const complete = await enrolled(cm, 40);
    for (const section of ["STRENGTHS", "WHAT_MATTERS"]) await save(cm, complete, { section, text: "words", completedOn: day(-35) });
    for (const section of ["NEEDS_ECONOMIC_STABILITY", "NEEDS_EDUCATION", "NEEDS_HEALTH_CARE", "NEEDS_NEIGHBORHOOD", "NEEDS_SOCIAL_COMMUNITY"]) await save(cm, complete, { section, completedOn: day(-1) });
    await save(cm, late, { section: "STRENGTHS", text: "words", completedOn: day(-30) });
    const { clients, summary } = await getHuddleCaseload({ actor: cm });
    const row = (id: string) => clients.find((c) => c.clientId === id)!;
    expect(row(fresh).assessment).toEqual({ done: 0, dueOn: day(28), status: "open" });
    expect(row(late).assessment).toEqual({ done: 1, dueOn: day(-1), status: "overdue" });
    expect(row(dueToday).assessment.status).toBe("open");
    expect(row(complete).assessment).toMatchObject({ done: 7, status: "complete" });
    expect(summary.assessmentsOverdue).toBe(clients.filter((c) => c.assessment.status === "overdue").length);
    for (const c of clients) {
      expect(c.assessment.status, c.name).toBe(assessmentState({ enrolledOn: dayOf(c.enrolledOn), sectionsDone: c.assessment.done, today: todayUtc() }).status);
    }
  });

  it("interventions and progress notes: append-only, encrypted, who wrote and when, ids only in the audit trail; a partner's view has neither", async () => {
    const clientId = await enrolled(cm);
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "See my grandchildren" } });
    await addIntervention({ actor: cm, clientId, input: { goalId, text: "Arrange rides to Springfield" } });
    await addProgressNote({ actor: cm, clientId, input: { goalId, text: "First visit went well" } });
    await addProgressNote({ actor: cm, clientId, input: { goalId, text: "Second visit planned" } });
    const entries = await getGoalEntries({ actor: cm, clientId });
    expect(entries[goalId].interventions.map((e) => [e.text, e.writtenByName])).toEqual([["Arrange rides to Springfield", "Care Manager A"]]);
    expect(entries[goalId].progressNotes.map((e) => e.text)).toEqual(["Second visit planned", "First visit went well"]);
    expect(JSON.stringify(await db.careGoalEntry.findMany({ where: { goalId } }))).not.toMatch(/Springfield|visit/);
    const events = await db.auditEvent.findMany({ where: { subjectId: clientId, action: { in: ["care.intervention_added", "care.progress_note_added"] } } });
    expect(events).toHaveLength(3);
    expect(JSON.stringify(events.map((e) => e.metadata))).not.toMatch(/Springfield|visit/);
    expect(await failure(addIntervention({ actor: cm, clientId, input: { goalId: crypto.randomUUID(), text: "x" } }))).toEqual({ status: 400, fields: ["goalId"] });

    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    const shared = await getCarePlanForViewer({ actor: partner, clientId });
    expect(shared.access).toBe("shared");
    expect(JSON.stringify(shared)).not.toMatch(/Springfield|visit/);
    expect(await failure(getGoalEntries({ actor: partner, clientId }))).toMatchObject({ status: 404 });
  });

  it("team members come from the client's organization or one authorized for the care plan; others are refused on the field; removal keeps history", async () => {
    const clientId = await enrolled(cm);
    expect((await teamOrganizationOptions({ actor: cm, clientId })).map((o) => o.id)).toEqual([world.orgA.id]);
    const refused = await failure(addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: orgC.id, name: "Rosa Diaz", role: "Housing navigator" } }));
    expect(refused).toEqual({ status: 400, fields: ["memberOrganizationId"] });
    expect(await db.careTeamMember.count({ where: { clientId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "care.team_member_refused", subjectId: clientId } })).toBe(1);
    // An authorization covering other categories only does not do.
    await createAuthorization(cm, clientId, { recipientIds: [orgC.id], categories: ["SOCIAL_NEEDS"] });
    expect(await failure(addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: orgC.id, name: "Rosa Diaz", role: "Housing navigator" } }))).toEqual({ status: 400, fields: ["memberOrganizationId"] });

    const { authorizationId } = await createAuthorization(cm, clientId, { recipientIds: [orgC.id], categories: ["CARE_PLAN"] });
    expect((await teamOrganizationOptions({ actor: cm, clientId })).map((o) => o.id)).toEqual([world.orgA.id, orgC.id]);
    const { teamMemberId } = await addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: orgC.id, name: "Rosa Diaz", role: "Housing navigator" } });
    await addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: world.orgA.id, name: "Sam Lee", role: "Peer specialist" } });
    let team = await getCareTeam({ actor: cm, clientId });
    expect(team.map((m) => [m.name, m.role, m.organizationName, m.covered, m.removedAt])).toEqual([
      ["Rosa Diaz", "Housing navigator", "Org C Housing", true, null],
      ["Sam Lee", "Peer specialist", world.orgA.name, true, null],
    ]);
    expect(JSON.stringify(await db.careTeamMember.findMany({ where: { clientId } }))).not.toMatch(/Rosa|navigator|Sam Lee/);
    const added = await db.auditEvent.findMany({ where: { action: "care.team_member_added", subjectId: clientId } });
    expect(JSON.stringify(added.map((e) => e.metadata))).not.toMatch(/Rosa|navigator/);

    // Revoked: the member stays listed, flagged; a new member from that organization is refused.
    await revokeAuthorization({ actor: cm, clientId, input: { authorizationId, receivedVia: "IN_PERSON_WRITTEN" } });
    expect((await getCareTeam({ actor: cm, clientId })).find((m) => m.id === teamMemberId)?.covered).toBe(false);
    expect(await failure(addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: orgC.id, name: "Other", role: "Driver" } }))).toMatchObject({ status: 400 });

    await removeTeamMember({ actor: cm, clientId, input: { teamMemberId } });
    expect(await failure(removeTeamMember({ actor: cm, clientId, input: { teamMemberId } }))).toMatchObject({ status: 409 });
    expect(await failure(removeTeamMember({ actor: cm, clientId, input: { teamMemberId: crypto.randomUUID() } }))).toEqual({ status: 400, fields: ["teamMemberId"] });
    team = await getCareTeam({ actor: cm, clientId });
    expect(team.map((m) => [m.name, !!m.removedAt])).toEqual([["Sam Lee", false], ["Rosa Diaz", true]]);
    const row = await db.careTeamMember.findUniqueOrThrow({ where: { id: teamMemberId } });
    expect(row.removedById).toBe(world.careManagerA.id);
  });

  it("another organization cannot remove a member of this client's team", async () => {
    const clientId = await enrolled(cm);
    const { teamMemberId } = await addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: world.orgA.id, name: "Sam Lee", role: "Peer specialist" } });
    const otherClient = await enrolled(otherCm);
    expect(await failure(removeTeamMember({ actor: otherCm, clientId, input: { teamMemberId } }))).toMatchObject({ status: 404 });
    // Through its own client: the member is not on that team.
    expect(await failure(removeTeamMember({ actor: otherCm, clientId: otherClient, input: { teamMemberId } }))).toEqual({ status: 400, fields: ["teamMemberId"] });
    expect((await db.careTeamMember.findUniqueOrThrow({ where: { id: teamMemberId } })).removedAt).toBeNull();
  });
});
