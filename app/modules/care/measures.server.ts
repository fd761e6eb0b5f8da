/**
 * The care journey's measures for the aims module (issue #15, ADR 102), over the care programs of
 * the coalition's member organizations (members at the period's end). Registered in
 * modules/aims/computed.server.ts like the referral measures; computed when read, so they follow the
 * data. Counts and dates only: no client text is read here.
 *
 * - planWithin30Days: of the enrollments whose 30th day fell in the period, the share (%) whose
 *   plan held at least one goal by then (the guidance's 30-day deadline for the co-created plan).
 * - contactedAtCadence: of the clients enrolled on the period's last day (or today, for the current
 *   period), the share (%) not overdue for contact at their level then — the rule of overdue.ts,
 *   with the level and the last contact as they stood that day.
 * - graduations: graduations back to primary care in the period (per month on a monthly measure).
 * - medianDaysEnrolled: the median days from enrollment to graduation of the clients who graduated
 *   in the period (an enrollment ends only by graduating).
 */
import { db } from "~/utils/db.server";
import { memberAtWhere } from "~/modules/coalition/membership.server";
import { getCoalitionCadence } from "./cadence.server";
import { isContactOverdue } from "./overdue";
import { addDays, daysBetween, todayUtc } from "./dates";
import type { CareLevel } from "./contact-schemas";

export const PLAN_DEADLINE_DAYS = 30;
type Period = { coalitionId: string; from: Date; to: Date };

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

async function memberOrganizationIds(coalitionId: string, at: Date) {
  const rows = await db.organization.findMany({ where: { deletedAt: null, coalitions: { some: memberAtWhere(coalitionId, at) } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The day (UTC midnight) a period is judged on: its last day, or today while it is still running. */
const lastDayOf = (to: Date, now = new Date()) => todayUtc(new Date(Math.min(to.getTime(), now.getTime()) - 1));

export async function planWithin30Days({ coalitionId, from, to }: Period): Promise<number | null> {
  const organizationIds = await memberOrganizationIds(coalitionId, to);
  // Each enrollment is one ENROLLED decision (a graduation is a later decision of its own).
  const enrollments = await db.enrollment.findMany({
    // Their 30th day in [from, to).
    where: { organizationId: { in: organizationIds }, status: "ENROLLED", enrolledOn: { gte: addDays(from, -PLAN_DEADLINE_DAYS), lt: addDays(to, -PLAN_DEADLINE_DAYS) }, client: { deletedAt: null } },
    select: { clientId: true, enrolledOn: true },
  });
  const due = enrollments;
  if (due.length === 0) return null;
  // Goals are never deleted, so the earliest goal says since when the plan held one.
  const firstGoals = await db.careGoal.groupBy({ by: ["planId"], where: { plan: { clientId: { in: due.map((e) => e.clientId) } } }, _min: { createdAt: true } });
  const plans = await db.carePlan.findMany({ where: { id: { in: firstGoals.map((g) => g.planId) } }, select: { id: true, clientId: true } });
  const firstGoalOf = new Map(plans.map((p) => [p.clientId, firstGoals.find((g) => g.planId === p.id)?._min.createdAt ?? null]));
  const met = due.filter((e) => {
    const first = firstGoalOf.get(e.clientId);
    // By the end of the 30th day.
    return !!first && first < addDays(e.enrolledOn!, PLAN_DEADLINE_DAYS + 1);
  });
  return percent(met.length, due.length);
}

export async function contactedAtCadence({ coalitionId, to }: Period, now = new Date()): Promise<number | null> {
  const day = lastDayOf(to, now);
  const organizationIds = await memberOrganizationIds(coalitionId, to);
  // Each client's latest decision as of that day, per organization: enrolled or not.
  const decisions = await db.enrollment.findMany({
    where: { organizationId: { in: organizationIds }, decidedOn: { lte: day }, client: { deletedAt: null } },
    select: { clientId: true, organizationId: true, status: true, enrolledOn: true },
    orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }],
  });
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) latest.set(`${d.clientId}|${d.organizationId}`, d);
  const enrolled = [...latest.values()].filter((d) => d.status === "ENROLLED" && d.enrolledOn && d.enrolledOn <= day);
  if (enrolled.length === 0) return null;

  const plans = await db.carePlan.findMany({
    where: { clientId: { in: enrolled.map((e) => e.clientId) } },
    select: {
      id: true,
      clientId: true,
      level: true,
      levelChanges: { select: { fromLevel: true, toLevel: true, changedAt: true }, orderBy: { changedAt: "asc" } },
    },
  });
  const lastContacts = await db.careContact.groupBy({ by: ["planId"], where: { planId: { in: plans.map((p) => p.id) }, contactedOn: { lte: day } }, _max: { contactedOn: true } });
  const lastContactOf = new Map(lastContacts.map((c) => [c.planId, c._max.contactedOn]));
  const planOf = new Map(plans.map((p) => [p.clientId, p]));
  const cadence = await getCoalitionCadence(coalitionId);
  const endOfDay = addDays(day, 1);
  let onCadence = 0;
  for (const e of enrolled) {
    const plan = planOf.get(e.clientId);
    const before = plan?.levelChanges.filter((c) => c.changedAt < endOfDay) ?? [];
    const level: CareLevel = before.length ? before[before.length - 1].toLevel : plan?.levelChanges[0]?.fromLevel ?? plan?.level ?? "MEDIUM";
    const overdue = isContactOverdue({ level, cadence, enrolledOn: e.enrolledOn!, lastContactOn: (plan && lastContactOf.get(plan.id)) ?? null, today: day });
    if (!overdue) onCadence += 1;
  }
  return percent(onCadence, enrolled.length);
}

export async function graduations({ coalitionId, from, to }: Period): Promise<number> {
  const organizationIds = await memberOrganizationIds(coalitionId, to);
  return db.graduation.count({ where: { organizationId: { in: organizationIds }, graduatedOn: { gte: from, lt: to }, client: { deletedAt: null } } });
}

export async function medianDaysEnrolled({ coalitionId, from, to }: Period): Promise<number | null> {
  const organizationIds = await memberOrganizationIds(coalitionId, to);
  const rows = await db.graduation.findMany({
    where: { organizationId: { in: organizationIds }, graduatedOn: { gte: from, lt: to }, client: { deletedAt: null } },
    select: { graduatedOn: true, enrollment: { select: { enrolledOn: true } } },
  });
  const days = rows.filter((r) => r.enrollment.enrolledOn).map((r) => daysBetween(r.enrollment.enrolledOn!, r.graduatedOn)).sort((a, b) => a - b);
  if (days.length === 0) return null;
  const mid = Math.floor(days.length / 2);
  return days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
}
