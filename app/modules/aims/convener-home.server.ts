/**
 * The convener's home summary: aims and their status, SDOH coverage gaps, upcoming conferences and
 * overdue next steps across the coalition (measures with new signals come from getCelebrations).
 */
import { db } from "~/utils/db.server";
import { getCoverage } from "~/modules/directory/coverage.server";
import { referralTotals } from "~/modules/referral/flow.server";
import { upcomingConferencesWhere } from "~/modules/conference/queries.server";
import type { AimOverview } from "./queries.server";

/**
 * `aims` comes from the caller's getAimsAndCelebrations, so the home page reads each series once
 * (null when they could not be computed: the aims line says so, the rest stands). Upcoming
 * conferences are those the convener's own organization may open (the conference pages' rule).
 */
export async function getConvenerSummary({ coalitionId, organizationId, aims, now = new Date() }: { coalitionId: string; organizationId: string | null; aims: AimOverview[] | null; now?: Date }) {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const [coverage, upcoming, overdueSteps, coalition, referrals] = await Promise.all([
    getCoverage(coalitionId, { at: now }),
    organizationId
      ? db.conference.findMany({
          where: await upcomingConferencesWhere({ organizationId, coalitionId, since: new Date(now.getTime() - 12 * 60 * 60 * 1000) }),
          orderBy: { startsAt: "asc" },
          take: 3,
          select: { id: true, title: true, startsAt: true, hostOrganization: { select: { name: true } } },
        })
      : [],
    db.nextStep.count({ where: { coalitionId, doneAt: null, dueDate: { lt: today } } }),
    db.coalition.findUnique({ where: { id: coalitionId }, select: { timeZone: true } }),
    // Referral loops closed, last 90 days (the flow page's counting rules).
    referralTotals(coalitionId, new Date(now.getTime() - 90 * 86_400_000), now),
  ]);
  const status = aims ? aimStatusCounts(aims) : null;
  const gaps = coverage.flatMap((d) => d.categories.filter((c) => c.level === "gap").map((c) => c.code));
  const thin = coverage.flatMap((d) => d.categories.filter((c) => c.level === "thin").map((c) => c.code));
  return {
    aims: status,
    gaps,
    thin,
    upcoming: upcoming.map((c) => ({ id: c.id, title: c.title, startsAt: c.startsAt.toISOString(), host: c.hostOrganization.name })),
    overdueSteps,
    referrals: { sent: referrals.sent - referrals.cancelled, closedLoop: referrals.closedLoop, closureRate: referrals.closureRate },
    timeZone: coalition?.timeZone ?? "UTC",
  };
}

function aimStatusCounts(aims: AimOverview[]) {
  const status = { reached: 0, onTrack: 0, behind: 0, noData: 0 };
  for (const aim of aims) {
    if (!aim.latest) status.noData += 1;
    else if (aim.trajectory.achieved) status.reached += 1;
    else if (aim.trajectory.onTrack) status.onTrack += 1;
    else status.behind += 1;
  }
  return status;
}
