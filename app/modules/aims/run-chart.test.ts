import { describe, expect, it } from "vitest";
import { aimTrajectory, analyzeRunChart, binomialQuantileHalf, findShifts, findTrends, median, runsLimits } from "./run-chart";

const pts = (values: number[]) => values.map((value, i) => ({ label: `P${i + 1}`, value }));

describe("median", () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5], 5],
  ])("median(%j) = %d", (values, expected) => expect(median(values)).toBe(expected));
  it("of nothing is null", () => expect(median([])).toBeNull());
});

describe("shift rule (6+ on one side; points on the median skipped)", () => {
  it.each([
    { name: "exactly six above", values: [5, 6, 6, 6, 6, 6, 6], center: 5, expected: [{ start: 1, end: 6, movement: "up" }] },
    { name: "five above is not a shift", values: [6, 6, 6, 6, 6, 4], center: 5, expected: [] },
    { name: "a point on the median does not break it", values: [6, 6, 6, 5, 6, 6, 6], center: 5, expected: [{ start: 0, end: 6, movement: "up" }] },
    { name: "a point on the median does not make it", values: [6, 6, 6, 5, 5, 6, 6, 4], center: 5, expected: [] },
    { name: "a point across the median breaks it", values: [4, 4, 4, 6, 4, 4, 4], center: 5, expected: [] },
    { name: "below the median", values: [1, 2, 1, 2, 1, 2, 9], center: 5, expected: [{ start: 0, end: 5, movement: "down" }] },
  ])("$name", ({ values, center, expected }) => {
    expect(findShifts(values, center, "HIGHER_IS_BETTER").map(({ start, end, movement }) => ({ start, end, movement }))).toEqual(expected);
  });

  it("says whether the shift is an improvement for the measure's direction", () => {
    expect(findShifts([1, 1, 1, 1, 1, 1], 5, "LOWER_IS_BETTER")[0].improvement).toBe(true);
    expect(findShifts([1, 1, 1, 1, 1, 1], 5, "HIGHER_IS_BETTER")[0].improvement).toBe(false);
  });
});

describe("trend rule (5+ up or down; ties count once)", () => {
  it.each([
    { name: "five rising", values: [1, 2, 3, 4, 5], expected: [{ start: 0, end: 4, movement: "up" }] },
    { name: "four rising is not a trend", values: [1, 2, 3, 4, 3], expected: [] },
    { name: "a tie neither makes nor breaks it", values: [1, 2, 2, 3, 4], expected: [] },
    { name: "a tie inside five distinct rises", values: [1, 2, 2, 3, 4, 5], expected: [{ start: 0, end: 5, movement: "up" }] },
    { name: "falling", values: [9, 8, 7, 6, 5, 6], expected: [{ start: 0, end: 4, movement: "down" }] },
  ])("$name", ({ values, expected }) => {
    expect(findTrends(values, "HIGHER_IS_BETTER").map(({ start, end, movement }) => ({ start, end, movement }))).toEqual(expected);
  });
});

describe("runs rule (binomial crossings, from 10 useful observations)", () => {
  it("matches R's qbinom for the limits", () => {
    // qbinom(0.05, 19, 0.5) = 6 and qbinom(0.95, 19, 0.5) = 13 (n = 20 useful observations)
    expect(binomialQuantileHalf(0.05, 19)).toBe(6);
    expect(binomialQuantileHalf(0.95, 19)).toBe(13);
    expect(runsLimits(20)).toEqual({ fewest: 7, most: 14 });
    expect(runsLimits(9)).toBeNull();
  });

  it("too few runs: long stretches on each side", () => {
    const values = [1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9];
    const analysis = analyzeRunChart(pts(values), { direction: "HIGHER_IS_BETTER" });
    expect(analysis.median).toBe(5);
    expect(analysis.runs).toBe(4);
    expect(analysis.signals.map((s) => s.rule)).toContain("too-few-runs");
  });

  it("too many runs: alternating every point", () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 2 ? 9 : 1));
    const analysis = analyzeRunChart(pts(values), { direction: "HIGHER_IS_BETTER" });
    expect(analysis.runs).toBe(20);
    expect(analysis.signals.map((s) => s.rule)).toContain("too-many-runs");
  });

  it("points on the median are not useful observations", () => {
    const values = [5, 4, 6, 5, 4, 6, 5, 4, 6, 5, 4, 6, 5];
    const analysis = analyzeRunChart(pts(values), { direction: "HIGHER_IS_BETTER" });
    expect(analysis.median).toBe(5);
    expect(analysis.usefulObservations).toBe(8);
    expect(analysis.runsLimits).toBeNull();
  });
});

describe("whole charts", () => {
  it("random variation around a stable median gives no signal", () => {
    const values = [15, 12, 16, 10, 11, 11, 15, 10, 13, 10, 11, 16, 16, 11, 13, 11];
    expect(analyzeRunChart(pts(values), { direction: "HIGHER_IS_BETTER", baselineCount: 12 }).signals).toEqual([]);
  });

  it("an improvement after a change shows as a shift above the baseline median", () => {
    const baseline = [40, 42, 39, 41, 43, 40, 38, 42, 41, 40, 39, 41];
    const after = [46, 48, 47, 49, 50, 48];
    const analysis = analyzeRunChart(pts([...baseline, ...after]), { direction: "HIGHER_IS_BETTER", baselineCount: 12 });
    expect(analysis.median).toBe(40.5);
    const shift = analysis.signals.find((s) => s.rule === "shift");
    // The last baseline point (41) is already above the median, so the shift starts there.
    expect(shift).toMatchObject({ start: 11, end: 17, movement: "up", improvement: true });
  });

  it("an astronomical point is flagged on its own", () => {
    const values = [10, 11, 10, 12, 11, 10, 11, 12, 10, 40, 11, 10];
    const analysis = analyzeRunChart(pts(values), { direction: "LOWER_IS_BETTER" });
    const astro = analysis.signals.filter((s) => s.rule === "astronomical");
    expect(astro).toEqual([{ rule: "astronomical", start: 9, end: 9, movement: "up", improvement: false }]);
  });

  it("points inside a shift are reported by the shift, not again as astronomical", () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 40, 42, 40, 42, 40, 42];
    const analysis = analyzeRunChart(pts(values), { direction: "HIGHER_IS_BETTER", baselineCount: 8 });
    expect(analysis.signals.map((s) => s.rule)).toEqual(["shift"]);
  });

  it("no data, no median and no signals", () => {
    expect(analyzeRunChart([], { direction: "HIGHER_IS_BETTER" })).toMatchObject({ median: null, signals: [] });
  });
});

describe("aim trajectory (straight line from baseline to target)", () => {
  const baseline = { value: 20, date: new Date("2026-01-01") };
  const target = { value: 60, date: new Date("2027-01-01") };
  it("half way through the year, half way to the target is on track", () => {
    const r = aimTrajectory({ baseline, target, latest: { value: 41, date: new Date("2026-07-02") }, direction: "HIGHER_IS_BETTER" });
    expect(r.expected).toBeCloseTo(40, 0);
    expect(r.onTrack).toBe(true);
    expect(r.achieved).toBe(false);
  });
  it("behind the line is off track; lower-is-better aims mirror it", () => {
    expect(aimTrajectory({ baseline, target, latest: { value: 30, date: new Date("2026-07-02") }, direction: "HIGHER_IS_BETTER" }).onTrack).toBe(false);
    const down = aimTrajectory({ baseline: { value: 30, date: baseline.date }, target: { value: 10, date: target.date }, latest: { value: 18, date: new Date("2026-07-02") }, direction: "LOWER_IS_BETTER" });
    expect(down.onTrack).toBe(true);
  });
  it("reaching the target counts as achieved", () => {
    expect(aimTrajectory({ baseline, target, latest: { value: 61, date: new Date("2026-10-01") }, direction: "HIGHER_IS_BETTER" }).achieved).toBe(true);
  });
});
