/**
 * The director's supervision view (issue #15, ADR 097): every care manager of the organization side
 * by side — caseload size, the mix of levels, how many are overdue for contact at their level, how
 * many plans have gone 30 days or more without a review (counted from enrollment when never
 * reviewed), and how many may be ready to graduate (ADR 098). Counts only: no client's name or text is read.
 */
import { forbidden } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { activeMembersInRoles } from "~/modules/org/membership.server";
import type { Actor } from "~/modules/auth/actor";
import { CONTACT_LIMITS, type CareLevel, type ContactCadence } from "./contact-schemas";
import { cadenceForOrganization } from "./cadence.server";
import { contactDueSql, enrolledClientsSql } from "./caseload.server";
import { addDays, todayUtc } from "./dates";
import { clientsReadyToGraduate } from "./graduation.server";

export type SupervisionRow = { userId: string; name: string; active: boolean; total: number; levels: Record<CareLevel, number>; overdue: number; reviewStale: number; readyToGraduate: number };

type Counts = { userId: string | null; total: number; high: number; medium: number; low: number; overdue: number; reviewStale: number };

export async function getSupervision({ actor, today = todayUtc() }: { actor: Actor; today?: Date }): Promise<{ rows: SupervisionRow[]; unassigned: number; cadence: ContactCadence }> {
  if (!actor.permissions.has("care:supervise")) throw forbidden(translatable("careContacts.errors.onlyDirector"));
  const cadence = await cadenceForOrganization({ organizationId: actor.organizationId, coalitionId: actor.coalitionId });
  const staleBefore = addDays(today, -CONTACT_LIMITS.reviewStaleDays);
  const counts = await db.$queryRaw<Counts[]>`
    SELECT c."primaryCareManagerId" AS "userId", count(*)::int AS total,
      (count(*) FILTER (WHERE p."level" = 'HIGH'))::int AS high, (count(*) FILTER (WHERE p."level" = 'MEDIUM'))::int AS medium, (count(*) FILTER (WHERE p."level" = 'LOW'))::int AS low,
      (count(*) FILTER (WHERE ${contactDueSql(cadence)} < ${today}::date))::int AS overdue,
      (count(*) FILTER (WHERE COALESCE(p."lastReviewedOn", e."enrolledOn") <= ${staleBefore}::date))::int AS "reviewStale"
    ${enrolledClientsSql(actor.organizationId)}
    GROUP BY c."primaryCareManagerId"`;
  const [careManagers, directors, ready] = await Promise.all([activeMembersInRoles(actor.organizationId, ["CARE_MANAGER"]), activeMembersInRoles(actor.organizationId, ["DIRECTOR"]), clientsReadyToGraduate(actor.organizationId)]);
  // Who may be ready to graduate (ADR 098): all three readiness criteria recorded with the client.
  const readyBy = new Map<string, number>();
  for (const r of ready) if (r.primaryCareManagerId) readyBy.set(r.primaryCareManagerId, (readyBy.get(r.primaryCareManagerId) ?? 0) + 1);
  const byUser = new Map(counts.filter((c) => c.userId).map((c) => [c.userId!, c]));
  // Every care manager, even with no client yet; a director only when they carry a caseload; and
  // someone who left the organization but still holds clients (those clients need a new care manager).
  const listed = [...careManagers, ...directors.filter((d) => byUser.has(d.id))].map((p) => ({ ...p, active: true }));
  const former = [...byUser.keys()].filter((id) => !listed.some((p) => p.id === id));
  const formerNames = former.length ? await db.user.findMany({ where: { id: { in: former } }, select: { id: true, name: true } }) : [];
  const rows = [...listed, ...formerNames.map((u) => ({ ...u, active: false }))]
    .map((p) => {
      const c = byUser.get(p.id);
      return { userId: p.id, name: p.name, active: p.active, total: c?.total ?? 0, levels: { HIGH: c?.high ?? 0, MEDIUM: c?.medium ?? 0, LOW: c?.low ?? 0 }, overdue: c?.overdue ?? 0, reviewStale: c?.reviewStale ?? 0, readyToGraduate: readyBy.get(p.id) ?? 0 };
    })
    .sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name));
  await recordAuditEvent({ action: "care.supervision_viewed", subjectType: "Organization", subjectId: actor.organizationId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { careManagers: rows.length }, request: actor.request });
  return { rows, unassigned: counts.find((c) => !c.userId)?.total ?? 0, cadence };
}
