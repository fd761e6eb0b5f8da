/**
 * The care manager's daily huddle list (issue #15, ADR 097): their enrolled clients, those overdue
 * for contact at their level first, each group by level (high first: the most fragile overdue
 * client tops the list) and then by the day contact was or is due; with plans not reviewed lately and next steps due this week. The
 * order is computed in SQL, so a page of 50 out of thousands decrypts 50 names. Searchable by name
 * through the names' blind indexes, as the first slice's caseload was.
 */
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decryptClientName } from "~/modules/client/service.server";
import { nameSearchTokens } from "~/modules/client/known-names.server";
import type { Actor } from "~/modules/auth/actor";
import { CARE_LIMITS, REVIEW_STALE_DAYS } from "./schemas";
import type { CareLevel, ContactCadence } from "./contact-schemas";
import { cadenceForOrganization } from "./cadence.server";
import { addDays, isoDay, todayUtc } from "./dates";
import { assessmentDoneSql, assessmentOverdueSql } from "./assessment.server";
import { assessmentState } from "./assessment-deadline";

export type HuddleRow = {
  clientId: string;
  name: string;
  level: CareLevel;
  enrolledOn: string;
  lastContactOn: string | null;
  contactDueOn: string;
  contactOverdue: boolean;
  lastReviewedOn: string | null;
  reviewOverdue: boolean;
  stepsDue: number;
  nextStepDueOn: string | null;
  /** The 30-day assessment of the current enrollment (ADR 100): sections done, the deadline, overdue. */
  assessment: { done: number; dueOn: string; status: "complete" | "open" | "overdue" };
};

export type HuddleSummary = { total: number; overdue: number; levels: Record<CareLevel, number>; assessmentsOverdue: number };

/**
 * The day a contact is due, in SQL: the cadence of the plan's level after the later of the last
 * contact and the enrollment (GREATEST skips a null) — the rule of overdue.ts, said once more.
 */
export const contactDueSql = (cadence: ContactCadence) =>
  Prisma.sql`(GREATEST(p."lastContactOn", e."enrolledOn") + (CASE p."level" WHEN 'HIGH' THEN ${cadence.HIGH}::int WHEN 'MEDIUM' THEN ${cadence.MEDIUM}::int ELSE ${cadence.LOW}::int END))`;

/** Enrolled clients of the organization, with their current enrollment `e` and plan `p`. */
export const enrolledClientsSql = (organizationId: string) => Prisma.sql`
  FROM "Client" c
  JOIN "Enrollment" e ON e."clientId" = c.id AND e."organizationId" = c."organizationId" AND e."current" AND e."status" = 'ENROLLED'
  JOIN "CarePlan" p ON p."clientId" = c.id
  WHERE c."organizationId" = ${organizationId}::uuid AND c."deletedAt" IS NULL`;

type Row = { id: string; nameCipher: string; planId: string; level: CareLevel; enrolledOn: Date; lastContactOn: Date | null; lastReviewedOn: Date | null; dueOn: Date; assessmentDone: number };

export async function getHuddleCaseload({ actor, q, page = 1, today = todayUtc() }: { actor: Actor; q?: string; page?: number; today?: Date }) {
  const cadence = await cadenceForOrganization({ organizationId: actor.organizationId, coalitionId: actor.coalitionId });
  const tokens = q ? nameSearchTokens(q) : [];
  // A search with no usable word matches nobody (as the first slice's caseload did).
  const search = q ? (tokens.length ? Prisma.sql`AND c."nameTokens" @> ${tokens}::text[]` : Prisma.sql`AND false`) : Prisma.empty;
  const mine = Prisma.sql`${enrolledClientsSql(actor.organizationId)} AND c."primaryCareManagerId" = ${actor.userId}::uuid ${search}`;
  const due = contactDueSql(cadence);
  const take = CARE_LIMITS.pageSize;
  // The summary and the page are independent: on a server's pool they run side by side (bench:caseload).
  const [[summary], rows] = await Promise.all([db.$queryRaw<{ total: number; overdue: number; high: number; medium: number; low: number; assessmentsOverdue: number }[]>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${due} < ${today}::date))::int AS overdue,
      (count(*) FILTER (WHERE ${assessmentOverdueSql(today)}))::int AS "assessmentsOverdue",
      (count(*) FILTER (WHERE p."level" = 'HIGH'))::int AS high, (count(*) FILTER (WHERE p."level" = 'MEDIUM'))::int AS medium, (count(*) FILTER (WHERE p."level" = 'LOW'))::int AS low
    ${mine}`,
  db.$queryRaw<Row[]>`
    SELECT c.id, c."nameCipher", p.id AS "planId", p."level", e."enrolledOn", p."lastContactOn", p."lastReviewedOn", ${due} AS "dueOn", ${assessmentDoneSql}::int AS "assessmentDone"
    ${mine}
    ORDER BY (${due} < ${today}::date) DESC, (CASE p."level" WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END), ${due} ASC, c."createdAt" ASC, c.id ASC
    LIMIT ${take} OFFSET ${(page - 1) * take}`]);
  const dueBy = addDays(today, 7);
  const steps = rows.length
    ? await db.careStep.groupBy({ by: ["planId"], where: { planId: { in: rows.map((r) => r.planId) }, doneAt: null, dueOn: { lte: dueBy } }, _count: { _all: true }, _min: { dueOn: true } })
    : [];
  const stepsByPlan = new Map(steps.map((s) => [s.planId, s]));
  const staleBefore = addDays(today, -REVIEW_STALE_DAYS);
  const clients: HuddleRow[] = rows.map((r) => {
    const s = stepsByPlan.get(r.planId);
    return {
      clientId: r.id,
      name: decryptClientName(r.id, r.nameCipher),
      level: r.level,
      enrolledOn: isoDay(r.enrolledOn),
      lastContactOn: r.lastContactOn ? isoDay(r.lastContactOn) : null,
      contactDueOn: isoDay(r.dueOn),
      contactOverdue: r.dueOn < today,
      lastReviewedOn: r.lastReviewedOn ? isoDay(r.lastReviewedOn) : null,
      reviewOverdue: !r.lastReviewedOn || r.lastReviewedOn < staleBefore,
      stepsDue: s?._count._all ?? 0,
      nextStepDueOn: s?._min.dueOn ? isoDay(s._min.dueOn) : null,
      assessment: (({ dueOn, status }) => ({ done: r.assessmentDone, dueOn: isoDay(dueOn), status }))(assessmentState({ enrolledOn: r.enrolledOn, sectionsDone: r.assessmentDone, today })),
    };
  });
  if (clients.length) {
    await recordAuditEvent({ action: "care.caseload_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: clients.length, page, searched: !!q }, request: actor.request });
  }
  const total = summary?.total ?? 0;
  const overview: HuddleSummary = { total, overdue: summary?.overdue ?? 0, levels: { HIGH: summary?.high ?? 0, MEDIUM: summary?.medium ?? 0, LOW: summary?.low ?? 0 }, assessmentsOverdue: summary?.assessmentsOverdue ?? 0 };
  return { clients, summary: overview, cadence, total, page, pageCount: Math.max(1, Math.ceil(total / take)) };
}
