/**
 * Reads for the aims pages: each measure's series for the coalition, its run-chart analysis, aims
 * with their trajectory, what a partner still has to report, wins and celebrations.
 */
import { db } from "~/utils/db.server";
import { analyzeRunChart, aimTrajectory, type RunChartAnalysis } from "./run-chart";
import { findComputedMeasure } from "./computed.server";
import { nextPeriod, recentPeriods, type Frequency } from "./periods";

type MeasureRow = Awaited<ReturnType<typeof db.measure.findFirstOrThrow>>;
export type SeriesPoint = { period: string; value: number; reporters: number };

/** The coalition's series: partners' values combined per period, or the hub's computed values. */
export async function measureSeries(measure: MeasureRow, { now = new Date(), periods = 24 }: { now?: Date; periods?: number } = {}): Promise<SeriesPoint[]> {
  const frequency = measure.frequency as Frequency;
  if (measure.source === "COMPUTED") {
    const definition = findComputedMeasure(measure.computedKey);
    if (!definition) return [];
    const starts = recentPeriods(now, frequency, periods);
    const points = await Promise.all(
      starts.map(async (start) => ({ period: start.toISOString().slice(0, 10), value: await definition.compute({ coalitionId: measure.coalitionId, from: start, to: nextPeriod(start, frequency) }), reporters: 0 })),
    );
    // A rate with nothing to divide (no referrals that period) is no point, not a zero.
    return points.filter((p): p is SeriesPoint => p.value !== null);
  }
  const grouped = await db.measureValue.groupBy({
    by: ["periodStart"],
    where: { measureId: measure.id },
    _sum: { value: true },
    _avg: { value: true },
    _count: { _all: true },
    orderBy: { periodStart: "asc" },
  });
  return grouped.slice(-Math.max(periods, 60)).map((g) => {
    const value = (measure.aggregation === "MEAN" ? g._avg.value : g._sum.value) ?? 0;
    // A stored value past the schema's bound must fail its card, not draw a chart of Infinity.
    if (!Number.isFinite(value)) throw new Error(`Measure ${measure.id}: the ${g.periodStart.toISOString().slice(0, 10)} period does not add up to a finite number`);
    return { period: g.periodStart.toISOString().slice(0, 10), value, reporters: g._count._all };
  });
}

/**
 * One series per measure per request: the aims overview, the celebrations and the convener's
 * summary all read the same series, so a page that shows them together computes each once.
 */
export type SeriesCache = Map<string, Promise<SeriesPoint[]>>;
export const newSeriesCache = (): SeriesCache => new Map();

function cachedSeries(measure: MeasureRow, cache: SeriesCache) {
  let series = cache.get(measure.id);
  if (!series) {
    series = measureSeries(measure);
    cache.set(measure.id, series);
  }
  return series;
}

export type MeasureChart = {
  measure: { id: string; name: string; description: string; type: string; unit: string; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER"; frequency: Frequency; source: string; baselinePoints: number; rebaselinedAt: string | null; computedKey: string | null };
  points: SeriesPoint[];
  analysis: RunChartAnalysis;
  annotations: { period: string; kind: string; label: string }[];
  targets: { aimId: string; value: number; date: string; statement: string }[];
};

/** The measure as pages show it (no values: this never fails on a stored value). */
export function measureView(measure: MeasureRow): MeasureChart["measure"] {
  return {
    id: measure.id, name: measure.name, description: measure.description, type: measure.type, unit: measure.unit, direction: measure.direction,
    frequency: measure.frequency as Frequency, source: measure.source, baselinePoints: measure.baselinePoints,
    rebaselinedAt: measure.rebaselinedAt?.toISOString() ?? null, computedKey: measure.computedKey,
  };
}

export async function findMeasure(measureId: string, coalitionId: string) {
  return db.measure.findFirst({ where: { id: measureId, coalitionId, archivedAt: null } });
}

/** The measure's run chart: series, analysis, annotations and aim targets. */
export async function chartOfMeasure(measure: MeasureRow): Promise<MeasureChart> {
  const [points, annotations, aims] = await Promise.all([
    measureSeries(measure),
    db.measureAnnotation.findMany({ where: { measureId: measure.id }, orderBy: { periodStart: "asc" } }),
    db.aim.findMany({ where: { measureId: measure.id, archivedAt: null }, select: { id: true, targetValue: true, targetDate: true, statement: true } }),
  ]);
  const analysis = analyzeRunChart(points.map((p) => ({ label: p.period, value: p.value })), { direction: measure.direction, baselineCount: measure.baselinePoints });
  return {
    measure: measureView(measure),
    points,
    analysis,
    annotations: annotations.map((a) => ({ period: a.periodStart.toISOString().slice(0, 10), kind: a.kind, label: a.label })),
    targets: aims.map((a) => ({ aimId: a.id, value: a.targetValue, date: a.targetDate.toISOString().slice(0, 10), statement: a.statement })),
  };
}

export async function getMeasureChart(measureId: string, coalitionId: string): Promise<MeasureChart | null> {
  const measure = await findMeasure(measureId, coalitionId);
  return measure ? chartOfMeasure(measure) : null;
}

export async function listMeasures(coalitionId: string) {
  return db.measure.findMany({
    where: { coalitionId, archivedAt: null },
    select: { id: true, name: true, type: true, unit: true, frequency: true, source: true, direction: true, computedKey: true, _count: { select: { values: true } } },
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
}

export async function getAimsOverview(coalitionId: string, cache: SeriesCache = newSeriesCache()) {
  const aims = await db.aim.findMany({
    where: { coalitionId, archivedAt: null },
    include: { measure: true, contributors: { include: { organization: { select: { id: true, name: true } } } } },
    orderBy: { targetDate: "asc" },
  });
  return Promise.all(
    aims.map(async (aim) => {
      const series = await cachedSeries(aim.measure, cache);
      const last = series[series.length - 1];
      const latest = last ? { value: last.value, date: new Date(`${last.period}T00:00:00Z`) } : null;
      const trajectory = aimTrajectory({
        baseline: { value: aim.baselineValue, date: aim.baselineDate },
        target: { value: aim.targetValue, date: aim.targetDate },
        latest,
        direction: aim.measure.direction,
      });
      const analysis = analyzeRunChart(series.map((p) => ({ label: p.period, value: p.value })), { direction: aim.measure.direction, baselineCount: aim.measure.baselinePoints });
      return {
        id: aim.id,
        statement: aim.statement,
        population: aim.population,
        domains: aim.domains,
        measure: { id: aim.measure.id, name: aim.measure.name, unit: aim.measure.unit },
        baseline: { value: aim.baselineValue, date: aim.baselineDate.toISOString().slice(0, 10) },
        target: { value: aim.targetValue, date: aim.targetDate.toISOString().slice(0, 10) },
        latest: last ?? null,
        trajectory,
        improvementSignals: analysis.signals.filter((s) => s.improvement === true).length,
        contributors: aim.contributors.map((c) => c.organization),
      };
    }),
  );
}

export type AimOverview = Awaited<ReturnType<typeof getAimsOverview>>[number];

/** Aims with their status and what to celebrate, reading each measure's series once. */
export async function getAimsAndCelebrations(coalitionId: string) {
  const cache = newSeriesCache();
  const aims = await getAimsOverview(coalitionId, cache);
  return { aims, celebrations: await getCelebrations(coalitionId, { cache, aims }) };
}

export async function isMeasureReporter(measureId: string, organizationId: string) {
  return (await db.measureReporter.count({ where: { measureId, organizationId } })) > 0;
}

/** Periods the organization still owes for the measures it is asked to report (the last 3). */
export async function getDueValues({ organizationId, coalitionId, now = new Date() }: { organizationId: string; coalitionId: string; now?: Date }) {
  const measures = await db.measure.findMany({
    where: { coalitionId, archivedAt: null, source: { not: "COMPUTED" }, reporters: { some: { organizationId } } },
    select: { id: true, name: true, unit: true, frequency: true, createdAt: true },
  });
  const due: { measureId: string; measureName: string; unit: string; period: string }[] = [];
  for (const m of measures) {
    const recent = recentPeriods(now, m.frequency as Frequency, 3);
    const entered = await db.measureValue.findMany({ where: { measureId: m.id, scope: organizationId, periodStart: { in: recent } }, select: { periodStart: true } });
    const have = new Set(entered.map((e) => e.periodStart.getTime()));
    for (const period of recent) {
      if (!have.has(period.getTime())) due.push({ measureId: m.id, measureName: m.name, unit: m.unit, period: period.toISOString().slice(0, 10) });
    }
  }
  return due;
}

export async function listOrganizationValues({ measureId, organizationId }: { measureId: string; organizationId: string }) {
  return db.measureValue.findMany({ where: { measureId, scope: organizationId }, orderBy: { periodStart: "desc" }, take: 24, select: { periodStart: true, value: true, updatedAt: true } });
}

export async function listWins(coalitionId: string, take = 10) {
  return db.win.findMany({
    where: { coalitionId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, story: true, createdAt: true, organization: { select: { name: true } } },
  });
}

export type Celebration = { kind: "aim-achieved" | "aim-milestone" | "improvement-signal"; aimId?: string; measureId: string; measureName: string; statement?: string; milestone?: number; rule?: string };

/** What the coalition home page celebrates: aims reached or crossing a milestone, improvement signals in the latest points. */
export async function getCelebrations(coalitionId: string, { cache = newSeriesCache(), aims }: { cache?: SeriesCache; aims?: AimOverview[] } = {}): Promise<Celebration[]> {
  const celebrations: Celebration[] = [];
  aims ??= await getAimsOverview(coalitionId, cache);
  for (const aim of aims) {
    if (!aim.latest) continue;
    if (aim.trajectory.achieved) {
      celebrations.push({ kind: "aim-achieved", aimId: aim.id, measureId: aim.measure.id, measureName: aim.measure.name, statement: aim.statement });
      continue;
    }
    const span = aim.target.value - aim.baseline.value;
    const progress = span === 0 ? 0 : (aim.latest.value - aim.baseline.value) / span;
    const milestone = [0.75, 0.5, 0.25].find((m) => progress >= m);
    if (milestone) celebrations.push({ kind: "aim-milestone", aimId: aim.id, measureId: aim.measure.id, measureName: aim.measure.name, statement: aim.statement, milestone: Math.round(milestone * 100) });
  }
  const measures = await db.measure.findMany({ where: { coalitionId, archivedAt: null } });
  for (const measure of measures) {
    const series = await cachedSeries(measure, cache);
    const analysis = analyzeRunChart(series.map((p) => ({ label: p.period, value: p.value })), { direction: measure.direction, baselineCount: measure.baselinePoints });
    const recent = analysis.signals.find((s) => s.improvement === true && s.end >= series.length - 2 && s.rule !== "astronomical");
    if (recent) celebrations.push({ kind: "improvement-signal", measureId: measure.id, measureName: measure.name, rule: recent.rule });
  }
  return celebrations;
}
