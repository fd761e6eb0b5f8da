/**
 * The care journey's computed measures in the aims registry (issue #15), on real rows made by the
 * care services and dated into July 2026: each figure moves when a row that should move it lands,
 * and another coalition's care programs never count.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { findComputedMeasure } from "~/modules/aims/computed.server";
import type { Actor } from "~/modules/auth/actor";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createClient } from "../../../tests/consent-factories";
import { addGoal, enrollClient } from "./service.server";
import { recordContact, setCareLevel } from "./contacts.server";
import { graduateClient, recordReadiness } from "./graduation.server";
import { dayOf } from "./dates";

const JULY = { from: new Date("2026-07-01T00:00:00Z"), to: new Date("2026-08-01T00:00:00Z") };
const JUNE = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-07-01T00:00:00Z") };
const AUGUST = { from: new Date("2026-08-01T00:00:00Z"), to: new Date("2026-09-01T00:00:00Z") };
const value = (key: string, coalitionId: string, period: { from: Date; to: Date }) => findComputedMeasure(key)!.compute({ coalitionId, ...period });

/** Enrolls a client and moves the enrollment to `on` (the services date it today). */
async function enrolledOn(actor: Actor, on: string) {
  const clientId = await createClient(actor);
  const { enrollmentId } = await enrollClient({ actor, clientId, input: { program: "Enhanced care" } });
  await db.enrollment.update({ where: { id: enrollmentId }, data: { enrolledOn: dayOf(on), decidedOn: dayOf(on) } });
  return { clientId, enrollmentId };
}
/** A coalition whose two organizations have been members since January (the measures count members at the period's end). */
async function world() {
  const w = await createTwoOrganizationWorld();
  await db.coalitionMember.updateMany({ where: { coalitionId: w.coalition.id }, data: { joinedAt: new Date("2026-01-01T00:00:00Z") } });
  return w;
}
async function goalOn(actor: Actor, clientId: string, at: string) {
  const { goalId } = await addGoal({ actor, clientId, input: { text: "See my grandchildren" } });
  await db.careGoal.update({ where: { id: goalId }, data: { createdAt: new Date(at) } });
}

describe("care measures in the aims registry", () => {
  it("are registered with their units, in the measure picker's list", () => {
    expect(["care-plan-within-30-days", "care-contacted-at-cadence", "care-graduations", "care-median-days-enrolled"].map((k) => findComputedMeasure(k)?.unit)).toEqual(["%", "%", "graduations", "days"]);
  });

  it("enrolled clients with a care plan within 30 days: of the enrollments whose 30th day fell in the period", async () => {
    const w = await world();
    const cm = actorFor(w.careManagerA.id, w.orgA.id);
    const met = await enrolledOn(cm, "2026-06-01");
    await goalOn(cm, met.clientId, "2026-06-10T15:00:00Z");
    const late = await enrolledOn(cm, "2026-06-05");
    await goalOn(cm, late.clientId, "2026-07-20T15:00:00Z");
    const none = await enrolledOn(cm, "2026-06-08");
    // Day 30 of a June-25 enrollment is July 25 (no plan yet); of a July-10 one, in August (not this period's).
    await enrolledOn(cm, "2026-06-25");
    await enrolledOn(cm, "2026-07-10");

    expect(await value("care-plan-within-30-days", w.coalition.id, JULY)).toBe(25);
    // The one without a plan gets its first goal on its 30th day: it counts.
    await goalOn(cm, none.clientId, "2026-07-08T20:00:00Z");
    expect(await value("care-plan-within-30-days", w.coalition.id, JULY)).toBe(50);
    // No 30th day fell in June: no value (no point on the run chart), not 0.
    expect(await value("care-plan-within-30-days", w.coalition.id, JUNE)).toBeNull();
    // Another coalition's care program does not count.
    const other = await world();
    await enrolledOn(actorFor(other.careManagerA.id, other.orgA.id), "2026-06-15");
    expect(await value("care-plan-within-30-days", w.coalition.id, JULY)).toBe(50);
    expect(await value("care-plan-within-30-days", other.coalition.id, JULY)).toBe(0);
  });

  it("clients contacted at their level's cadence, as things stood on the period's last day", async () => {
    const w = await world();
    const cm = actorFor(w.careManagerA.id, w.orgA.id);
    const today = dayOf("2026-07-31");
    // Medium (every 14 days): contacted July 20, due August 3: on cadence.
    const a = await enrolledOn(cm, "2026-07-01");
    await recordContact({ actor: cm, clientId: a.clientId, input: { kind: "CALL", contactedOn: "2026-07-20" }, today });
    // Medium, never contacted since July 1: due July 15, overdue.
    const b = await enrolledOn(cm, "2026-07-01");
    expect(await value("care-contacted-at-cadence", w.coalition.id, JULY)).toBe(50);

    // B is reached on July 25: both on cadence.
    await recordContact({ actor: cm, clientId: b.clientId, input: { kind: "HOME_VISIT", contactedOn: "2026-07-25" }, today });
    expect(await value("care-contacted-at-cadence", w.coalition.id, JULY)).toBe(100);

    // A was moved to high (weekly) on July 10: July 20 + 7 = July 27, overdue by July 31.
    const { changeId } = await setCareLevel({ actor: cm, clientId: a.clientId, input: { level: "HIGH" } });
    await db.careLevelChange.update({ where: { id: changeId }, data: { changedAt: new Date("2026-07-10T12:00:00Z") } });
    expect(await value("care-contacted-at-cadence", w.coalition.id, JULY)).toBe(50);
    // In June neither was enrolled yet: no value.
    expect(await value("care-contacted-at-cadence", w.coalition.id, JUNE)).toBeNull();
  });

  it("graduations per period and the median days enrolled of those who graduated", async () => {
    const w = await world();
    const cm = actorFor(w.careManagerA.id, w.orgA.id);
    const graduate = async (enrolled: string, graduated: string) => {
      const { clientId, enrollmentId } = await enrolledOn(cm, enrolled);
      await recordReadiness({ actor: cm, clientId, input: { goalsMet: true, selfManagement: true, stableLevel: true } });
      const { graduationId } = await graduateClient({ actor: cm, clientId, input: { goalsAchieved: "Housing kept", whatContinues: "Clinic visits", whoToCall: "The clinic" } });
      await db.graduation.update({ where: { id: graduationId }, data: { graduatedOn: dayOf(graduated) } });
      return enrollmentId;
    };
    expect(await value("care-graduations", w.coalition.id, JULY)).toBe(0);
    expect(await value("care-median-days-enrolled", w.coalition.id, JULY)).toBeNull();
    await graduate("2026-05-01", "2026-07-15"); // 75 days
    expect(await value("care-graduations", w.coalition.id, JULY)).toBe(1);
    expect(await value("care-median-days-enrolled", w.coalition.id, JULY)).toBe(75);
    await graduate("2026-06-19", "2026-07-20"); // 31 days
    await graduate("2026-06-01", "2026-08-02"); // August
    expect(await value("care-graduations", w.coalition.id, JULY)).toBe(2);
    expect(await value("care-median-days-enrolled", w.coalition.id, JULY)).toBe(53);
    expect(await value("care-graduations", w.coalition.id, AUGUST)).toBe(1);
    expect(await value("care-median-days-enrolled", w.coalition.id, AUGUST)).toBe(62);
  });
});
