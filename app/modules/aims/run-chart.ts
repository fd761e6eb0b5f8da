/**
 * Run-chart analysis: the median and the signals of non-random change, as pure functions.
 *
 * Rules (IHI run-chart rules, with Anhøj's binomial form of the runs rule):
 * - shift: 6 or more consecutive points on the same side of the median. Points ON the median are
 *   skipped: they neither make nor break a shift.
 * - trend: 5 or more consecutive points all going up or all going down. When successive points
 *   are equal, only one of them counts (ties neither make nor break a trend).
 * - runs: with n useful observations (points not on the median), the number of crossings of the
 *   median is Binomial(n−1, ½) when only random variation is at work. Too few runs: crossings
 *   below the 5th percentile; too many: above the 95th. Applied from 10 useful observations.
 * - astronomical point: outside median ± 3σ, σ estimated from the average moving range / 1.128
 *   (the individuals-chart limits): "obviously different" made reproducible. A point that is
 *   already part of a shift or trend is reported there, not again as astronomical.
 * The median comes from the baseline period (the first `baselineCount` points), and is only
 * re-baselined when the convener says so.
 */

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type RunChartPoint = { label: string; value: number };
export type SignalRule = "shift" | "trend" | "too-few-runs" | "too-many-runs" | "astronomical";

export type Signal = {
  rule: SignalRule;
  /** Indexes into the points, inclusive. */
  start: number;
  end: number;
  /** For shift/trend/astronomical: which way the data moved. */
  movement: "up" | "down" | null;
  /** Whether the movement is in the better direction (null when the rule has no direction). */
  improvement: boolean | null;
};

export type RunChartAnalysis = {
  median: number | null;
  baselineCount: number;
  usefulObservations: number;
  runs: number;
  crossings: number;
  runsLimits: { fewest: number; most: number } | null;
  limits: { lower: number; upper: number } | null;
  signals: Signal[];
};

export const SHIFT_LENGTH = 6;
export const TREND_LENGTH = 5;
export const MIN_POINTS_FOR_RUNS_RULE = 10;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const isBetter = (movement: "up" | "down", direction: Direction) => (movement === "up") === (direction === "HIGHER_IS_BETTER");

export function findShifts(values: number[], center: number, direction: Direction): Signal[] {
  const signals: Signal[] = [];
  let side = 0;
  let start = -1;
  let count = 0;
  let lastIndex = -1;
  const close = () => {
    if (count >= SHIFT_LENGTH) {
      const movement = side > 0 ? "up" : "down";
      signals.push({ rule: "shift", start, end: lastIndex, movement, improvement: isBetter(movement, direction) });
    }
  };
  values.forEach((v, i) => {
    const s = Math.sign(v - center);
    if (s === 0) return; // on the median: skipped
    if (s === side) {
      count += 1;
      lastIndex = i;
      return;
    }
    close();
    side = s;
    start = i;
    lastIndex = i;
    count = 1;
  });
  close();
  return signals;
}

export function findTrends(values: number[], direction: Direction): Signal[] {
  const signals: Signal[] = [];
  // Collapse ties: equal successive values count once (keep the first index of each plateau).
  const distinct: { value: number; index: number; lastIndex: number }[] = [];
  values.forEach((value, index) => {
    const prev = distinct[distinct.length - 1];
    if (prev && prev.value === value) prev.lastIndex = index;
    else distinct.push({ value, index, lastIndex: index });
  });
  let runStart = 0;
  let runDirection = 0;
  const close = (endExclusive: number) => {
    const length = endExclusive - runStart;
    if (runDirection !== 0 && length >= TREND_LENGTH) {
      const movement = runDirection > 0 ? "up" : "down";
      signals.push({ rule: "trend", start: distinct[runStart].index, end: distinct[endExclusive - 1].index, movement, improvement: isBetter(movement, direction) });
    }
  };
  for (let i = 1; i < distinct.length; i++) {
    const d = Math.sign(distinct[i].value - distinct[i - 1].value);
    if (d === runDirection) continue;
    close(i);
    runStart = i - 1;
    runDirection = d;
  }
  close(distinct.length);
  return signals;
}

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function binomialCdfHalf(k: number, n: number): number {
  let total = 0;
  let term = Math.pow(0.5, n); // C(n,0)/2^n
  for (let i = 0; i <= k; i++) {
    total += term;
    term = (term * (n - i)) / (i + 1);
  }
  return total;
}

/** Smallest k with P(X <= k) >= p, X ~ Binomial(n, 1/2) (R's qbinom). */
export function binomialQuantileHalf(p: number, n: number): number {
  for (let k = 0; k <= n; k++) if (binomialCdfHalf(k, n) >= p - 1e-12) return k;
  return n;
}

/** Limits on the number of runs for n useful observations (signal when outside). */
export function runsLimits(useful: number): { fewest: number; most: number } | null {
  if (useful < MIN_POINTS_FOR_RUNS_RULE) return null;
  const fewestCrossings = binomialQuantileHalf(0.05, useful - 1);
  const mostCrossings = binomialQuantileHalf(0.95, useful - 1);
  return { fewest: fewestCrossings + 1, most: mostCrossings + 1 };
}

export function analyzeRunChart(points: RunChartPoint[], { direction, baselineCount }: { direction: Direction; baselineCount?: number }): RunChartAnalysis {
  const values = points.map((p) => p.value);
  const baseline = Math.max(1, Math.min(baselineCount ?? values.length, values.length));
  const center = median(values.slice(0, baseline));
  if (center === null) {
    return { median: null, baselineCount: 0, usefulObservations: 0, runs: 0, crossings: 0, runsLimits: null, limits: null, signals: [] };
  }

  const sides = values.map((v) => Math.sign(v - center)).filter((s) => s !== 0);
  const usefulObservations = sides.length;
  let crossings = 0;
  for (let i = 1; i < sides.length; i++) if (sides[i] !== sides[i - 1]) crossings += 1;
  const runs = usefulObservations ? crossings + 1 : 0;
  const limits = runsLimits(usefulObservations);

  const signals: Signal[] = [...findShifts(values, center, direction), ...findTrends(values, direction)];
  if (limits && runs < limits.fewest) signals.push({ rule: "too-few-runs", start: 0, end: values.length - 1, movement: null, improvement: null });
  if (limits && runs > limits.most) signals.push({ rule: "too-many-runs", start: 0, end: values.length - 1, movement: null, improvement: null });

  let controlLimits: { lower: number; upper: number } | null = null;
  if (values.length >= 3) {
    const movingRanges = values.slice(1).map((v, i) => Math.abs(v - values[i]));
    const averageMovingRange = movingRanges.reduce((a, b) => a + b, 0) / movingRanges.length;
    const sigma = averageMovingRange / 1.128;
    if (sigma > 0) {
      controlLimits = { lower: center - 3 * sigma, upper: center + 3 * sigma };
      // A single-point signal: a point already inside a shift or trend is explained by it.
      const explained = new Set<number>();
      for (const s of signals) for (let i = s.start; i <= s.end; i++) explained.add(i);
      values.forEach((v, i) => {
        if (explained.has(i)) return;
        if (v > controlLimits!.upper || v < controlLimits!.lower) {
          const movement = v > controlLimits!.upper ? "up" : "down";
          signals.push({ rule: "astronomical", start: i, end: i, movement, improvement: isBetter(movement, direction) });
        }
      });
    }
  }

  signals.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
  return { median: center, baselineCount: baseline, usefulObservations, runs, crossings, runsLimits: limits, limits: controlLimits, signals };
}

/**
 * Whether an aim is on track: the latest value against the straight line from baseline to target
 * at the latest value's date.
 */
export function aimTrajectory({
  baseline,
  target,
  latest,
  direction,
}: {
  baseline: { value: number; date: Date };
  target: { value: number; date: Date };
  latest: { value: number; date: Date } | null;
  direction: Direction;
}): { expected: number | null; onTrack: boolean | null; achieved: boolean } {
  if (!latest) return { expected: null, onTrack: null, achieved: false };
  const span = target.date.getTime() - baseline.date.getTime();
  const elapsed = Math.min(Math.max(latest.date.getTime() - baseline.date.getTime(), 0), span);
  const expected = span > 0 ? baseline.value + ((target.value - baseline.value) * elapsed) / span : target.value;
  const better = (a: number, b: number) => (direction === "HIGHER_IS_BETTER" ? a >= b : a <= b);
  return { expected, onTrack: better(latest.value, expected), achieved: better(latest.value, target.value) };
}
