/**
 * Level of care, cadence, the contact log, the huddle list and the supervision view on a real
 * database (issue #15, ADR 097): bounds and dates, the history of levels, the note encrypted and
 * kept out of the audit trail, the SQL's overdue agreeing with overdue.ts, and another
 * organization's director or care manager unable to read or write.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import { createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, coalitionActorFor } from "../../../tests/actors";
import { createClient } from "../../../tests/consent-factories";
import type { Actor } from "~/modules/auth/actor";
import { enrollClient, reviewPlan } from "./service.server";
import { getContactLog, recordContact, setCareLevel } from "./contacts.server";
import { cadenceForOrganization, updateContactCadence } from "./cadence.server";
import { getHuddleCaseload } from "./caseload.server";
import { getSupervision } from "./supervision.server";
import { recordReadiness } from "./graduation.server";
import { ContactCadenceSchema, DEFAULT_CADENCE, RecordContactSchema, type CareLevel } from "./contact-schemas";
import { isContactOverdue } from "./overdue";
import { addDays, isoDay, todayUtc } from "./dates";

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

/** An enrolled client, as if enrolled `enrolledAgo` days ago. */
async function enrolled(actor: Actor, { enrolledAgo = 0, level }: { enrolledAgo?: number; level?: CareLevel } = {}) {
  const clientId = await createClient(actor);
  await enrollClient({ actor, clientId, input: { program: "Enhanced care" } });
  if (enrolledAgo) await db.enrollment.updateMany({ where: { clientId, current: true }, data: { enrolledOn: addDays(todayUtc(), -enrolledAgo), decidedOn: addDays(todayUtc(), -enrolledAgo) } });
  if (level && level !== "MEDIUM") await setCareLevel({ actor, clientId, input: { level } });
  return clientId;
}

describe("levels of care and the contact log", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let otherCm: Actor;
  let otherDirector: Actor;

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    const b = await createUser({ name: "Care Manager B", memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] });
    otherCm = actorFor(b.id, world.orgB.id);
    otherDirector = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
  });

  it("a plan starts at medium; the care manager changes the level and the history keeps who, when, from → to", async () => {
    const clientId = await enrolled(cm);
    expect((await getContactLog({ actor: cm, clientId }))?.level).toBe("MEDIUM");
    await setCareLevel({ actor: cm, clientId, input: { level: "HIGH" } });
    await setCareLevel({ actor: cm, clientId, input: { level: "LOW" } });
    expect(await failure(setCareLevel({ actor: cm, clientId, input: { level: "LOW" } }))).toEqual({ status: 400, fields: ["level"] });
    const log = await getContactLog({ actor: cm, clientId });
    expect(log?.level).toBe("LOW");
    expect(log?.levelChanges.map((c) => [c.from, c.to, c.changedByName])).toEqual([["HIGH", "LOW", "Care Manager A"], ["MEDIUM", "HIGH", "Care Manager A"]]);
    const events = await db.auditEvent.findMany({ where: { action: "care.level_changed", subjectId: clientId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => (e.metadata as { to: string }).to)).toEqual(["HIGH", "LOW"]);
  });

  it("a client not enrolled has no level to set and no contact to record (409), and no log", async () => {
    const clientId = await createClient(cm);
    expect(await failure(setCareLevel({ actor: cm, clientId, input: { level: "HIGH" } }))).toMatchObject({ status: 409 });
    expect(await failure(recordContact({ actor: cm, clientId, input: { kind: "CALL", contactedOn: day(0) } }))).toMatchObject({ status: 409 });
    expect(await getContactLog({ actor: cm, clientId })).toBeNull();
  });

  it("a contact is dated from enrollment to today; the note is ciphertext at rest and never in the audit trail", async () => {
    const clientId = await enrolled(cm, { enrolledAgo: 10 });
    expect(await failure(recordContact({ actor: cm, clientId, input: { kind: "CALL", contactedOn: day(1) } }))).toEqual({ status: 400, fields: ["contactedOn"] });
    expect(await failure(recordContact({ actor: cm, clientId, input: { kind: "CALL", contactedOn: day(-11) } }))).toEqual({ status: 400, fields: ["contactedOn"] });
    const secret = "Talked about her son's court date";
    await recordContact({ actor: cm, clientId, input: { kind: "HOME_VISIT", contactedOn: day(-10), note: secret } });
    await recordContact({ actor: cm, clientId, input: { kind: "TEXT", contactedOn: day(-2) } });
    // Recorded late, dated earlier: the latest contact still wins.
    await recordContact({ actor: cm, clientId, input: { kind: "HOSPITAL", contactedOn: day(-5) } });
    const log = await getContactLog({ actor: cm, clientId });
    expect(log?.contacts.map((c) => [c.kind, c.contactedOn])).toEqual([["TEXT", day(-2)], ["HOSPITAL", day(-5)], ["HOME_VISIT", day(-10)]]);
    expect(log?.contacts[2].note).toBe(secret);
    expect(log?.lastContactOn).toBe(day(-2));
    const stored = await db.careContact.findFirstOrThrow({ where: { kind: "HOME_VISIT", plan: { clientId } } });
    expect(stored.noteCipher).toBeTruthy();
    expect(stored.noteCipher).not.toContain("court");
    const trail = await db.auditEvent.findMany({ where: { subjectId: clientId } });
    expect(trail.some((e) => e.action === "care.contact_recorded")).toBe(true);
    expect(JSON.stringify(trail.map((e) => ({ ...e, seq: String(e.seq) })))).not.toContain("court");
  });

  it("the schemas bound the forms: a kind from the list, a real date, a note of at most 2,000 characters, cadences of 1 to 365 whole days", () => {
    expect(RecordContactSchema.safeParse({ intent: "record-contact", kind: "CARRIER_PIGEON", contactedOn: day(0) }).success).toBe(false);
    expect(RecordContactSchema.safeParse({ intent: "record-contact", kind: "CALL", contactedOn: "2026-02-30" }).success).toBe(false);
    expect(RecordContactSchema.safeParse({ intent: "record-contact", kind: "CALL", contactedOn: day(0), note: "x".repeat(2001) }).success).toBe(false);
    const cadence = (highDays: string, mediumDays = "14", lowDays = "30") => ContactCadenceSchema.safeParse({ intent: "care-cadence", highDays, mediumDays, lowDays });
    expect(cadence("7").success).toBe(true);
    for (const bad of ["0", "366", "2.5", "", "-3", "abc"]) expect(cadence(bad).success, bad).toBe(false);
    expect(cadence("1", "365", "365").success).toBe(true);
  });

  it("the coalition's cadence applies to its organizations' clients; a convener changes it within bounds, audited; the database refuses out-of-bounds days", async () => {
    expect(await cadenceForOrganization({ organizationId: world.orgA.id })).toEqual(DEFAULT_CADENCE);
    const convener = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id, { role: "VIEWER", isConvener: true });
    expect(await failure(updateContactCadence({ actor: coalitionActorFor(world.directorA.id, world.orgA.id, world.coalition.id, { role: "DIRECTOR" }), input: { highDays: 1, mediumDays: 2, lowDays: 3 } }))).toMatchObject({ status: 403 });
    await updateContactCadence({ actor: convener, input: { highDays: 3, mediumDays: 10, lowDays: 60 } });
    expect(await cadenceForOrganization({ organizationId: world.orgB.id })).toEqual({ HIGH: 3, MEDIUM: 10, LOW: 60 });
    expect(await db.auditEvent.count({ where: { action: "coalition.care_cadence_updated", subjectId: world.coalition.id } })).toBe(1);
    await expect(db.coalition.update({ where: { id: world.coalition.id }, data: { careLowContactDays: 0 } })).rejects.toThrow();
    await expect(db.coalition.update({ where: { id: world.coalition.id }, data: { careHighContactDays: 366 } })).rejects.toThrow();
    // Back to the defaults for the other tests.
    await updateContactCadence({ actor: convener, input: { highDays: 7, mediumDays: 14, lowDays: 30 } });
  });

  it("another organization's care manager or director can neither read nor write the log (404, refusal audited)", async () => {
    const clientId = await enrolled(cm);
    await recordContact({ actor: cm, clientId, input: { kind: "CALL", contactedOn: day(0), note: "private" } });
    for (const outsider of [otherCm, otherDirector]) {
      expect(await failure(getContactLog({ actor: outsider, clientId }))).toMatchObject({ status: 404 });
      expect(await failure(setCareLevel({ actor: outsider, clientId, input: { level: "HIGH" } }))).toMatchObject({ status: 404 });
      expect(await failure(recordContact({ actor: outsider, clientId, input: { kind: "CALL", contactedOn: day(0) } }))).toMatchObject({ status: 404 });
    }
    expect(await db.careContact.count({ where: { plan: { clientId } } })).toBe(1);
    expect((await db.carePlan.findUniqueOrThrow({ where: { clientId } })).level).toBe("MEDIUM");
    expect(await db.auditEvent.count({ where: { action: "care.change_refused", subjectId: clientId } })).toBe(4);
  });
});

describe("the huddle list and the supervision view", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let cm: Actor;
  let cm2: Actor;
  let director: Actor;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    const second = await createUser({ name: "Care Manager A2", memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }] });
    cm2 = actorFor(second.id, world.orgA.id);
    director = actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" });
    // cm's caseload, default cadence (7 / 14 / 30):
    const make = async (name: string, level: CareLevel, enrolledAgo: number, contactAgo: number | null, actor = cm) => {
      const clientId = await createClient(actor, { name });
      await enrollClient({ actor, clientId, input: { program: "Enhanced care" } });
      await db.enrollment.updateMany({ where: { clientId, current: true }, data: { enrolledOn: addDays(todayUtc(), -enrolledAgo) } });
      if (level !== "MEDIUM") await setCareLevel({ actor, clientId, input: { level } });
      if (contactAgo !== null) await recordContact({ actor, clientId, input: { kind: "CALL", contactedOn: day(-contactAgo) } });
      names[name] = clientId;
      return clientId;
    };
    await make("Low Fresh", "LOW", 40, 3); // due in 27 days
    await make("High Overdue", "HIGH", 40, 9); // 2 days overdue
    await make("Medium Fine", "MEDIUM", 40, 10); // due in 4 days
    await make("Low Overdue", "LOW", 45, null); // 15 days overdue, never contacted
    await make("High Fine", "HIGH", 3, null); // due in 4 days
    await reviewPlan({ actor: cm, clientId: names["Medium Fine"], input: { reviewedOn: day(-2) } });
    await make("Other Caseload", "HIGH", 20, null, cm2);
    // Another organization's client, overdue: never counted here.
    const b = await createUser({ memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] });
    await make("Elsewhere", "HIGH", 30, null, actorFor(b.id, world.orgB.id));
  });

  it("the care manager's list: overdue first, each group by level (high first), then by the day contact is due", async () => {
    const { clients, summary } = await getHuddleCaseload({ actor: cm });
    expect(clients.map((c) => c.name)).toEqual(["High Overdue", "Low Overdue", "High Fine", "Medium Fine", "Low Fresh"]);
    expect(clients.map((c) => c.contactOverdue)).toEqual([true, true, false, false, false]);
    // The four enrolled 40+ days ago have no assessment: overdue (ADR 100); "High Fine" still has time.
    expect(summary).toEqual({ total: 5, overdue: 2, levels: { HIGH: 2, MEDIUM: 1, LOW: 2 }, assessmentsOverdue: 4 });
    expect(clients.find((c) => c.name === "High Overdue")?.contactDueOn).toBe(day(-2));
  });

  it("the SQL and overdue.ts agree on every row", async () => {
    const { clients } = await getHuddleCaseload({ actor: cm });
    for (const c of clients) {
      const expected = isContactOverdue({ level: c.level, cadence: DEFAULT_CADENCE, enrolledOn: new Date(`${c.enrolledOn}T00:00:00Z`), lastContactOn: c.lastContactOn ? new Date(`${c.lastContactOn}T00:00:00Z`) : null, today: todayUtc() });
      expect(c.contactOverdue, c.name).toBe(expected);
    }
  });

  it("the director sees every care manager side by side: caseload, levels, overdue, plans not reviewed in 30+ days, ready to graduate; nothing of another organization", async () => {
    // One of cm2's clients meets all three readiness criteria; one of cm's meets two (not ready).
    await recordReadiness({ actor: cm2, clientId: names["Other Caseload"], input: { goalsMet: true, selfManagement: true, stableLevel: true } });
    await recordReadiness({ actor: cm, clientId: names["Medium Fine"], input: { goalsMet: true, selfManagement: true, stableLevel: false } });
    const { rows, unassigned } = await getSupervision({ actor: director });
    expect(unassigned).toBe(0);
    const mine = rows.find((r) => r.userId === world.careManagerA.id);
    expect(mine).toMatchObject({ total: 5, levels: { HIGH: 2, MEDIUM: 1, LOW: 2 }, overdue: 2, reviewStale: 3, readyToGraduate: 0 });
    const other = rows.find((r) => r.userId === cm2.userId);
    expect(other).toMatchObject({ total: 1, levels: { HIGH: 1, MEDIUM: 0, LOW: 0 }, overdue: 1, reviewStale: 0, readyToGraduate: 1 });
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(6);
    expect(await db.auditEvent.count({ where: { action: "care.supervision_viewed", organizationId: world.orgA.id } })).toBe(1);
  });

  it("a care manager may not open the supervision view; another organization's director sees only their own", async () => {
    expect(await failure(getSupervision({ actor: cm }))).toMatchObject({ status: 403 });
    const theirs = await getSupervision({ actor: actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" }) });
    expect(theirs.rows.some((r) => r.userId === world.careManagerA.id || r.userId === cm2.userId)).toBe(false);
    expect(theirs.rows.reduce((n, r) => n + r.total, 0)).toBe(1);
  });
});
