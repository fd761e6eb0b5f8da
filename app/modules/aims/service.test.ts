import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { createAim, createMeasure, enterValue, importValuesCsv, postWin, updateMeasure } from "./service.server";
import { getAimsOverview, getCelebrations, getDueValues, getMeasureChart } from "./queries.server";
import { coalitionActorFor } from "../../../tests/actors";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function setup() {
  const world = await createTwoOrganizationWorld();
  const convener = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
  const partnerA = coalitionActorFor(world.directorA.id, world.orgA.id, world.coalition.id);
  const partnerB = coalitionActorFor(world.directorB.id, world.orgB.id, world.coalition.id);
  const measure = await createMeasure({
    actor: convener,
    input: { name: `Households connected to food ${Date.now()}`, description: "", type: "OUTCOME", unit: "households", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 6, reporterIds: [world.orgA.id, world.orgB.id] },
  });
  return { world, convener, partnerA, partnerB, measure };
}

describe("measures and values", () => {
  it("partners enter their own values; the coalition series sums them per period", async () => {
    const { partnerA, partnerB, measure, world } = await setup();
    await enterValue({ actor: partnerA, measureId: measure.id, period: d("2026-01-01"), value: 10 });
    await enterValue({ actor: partnerB, measureId: measure.id, period: d("2026-01-01"), value: 5 });
    const again = await enterValue({ actor: partnerA, measureId: measure.id, period: d("2026-01-01"), value: 12 });
    expect(again.created).toBe(false);
    const chart = (await getMeasureChart(measure.id, world.coalition.id))!;
    expect(chart.points).toEqual([{ period: "2026-01-01", value: 17, reporters: 2 }]);
    const audits = await db.auditEvent.findMany({ where: { action: { in: ["aims.value_entered", "aims.value_updated"] }, organizationId: world.orgA.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["aims.value_entered", "aims.value_updated"]);
  });

  it("a partner cannot enter values for a measure it is not asked to report, nor for a period that is not the measure's", async () => {
    const { convener, partnerA, world } = await setup();
    const onlyB = await createMeasure({ actor: convener, input: { name: `B only ${Date.now()}`, description: "", type: "PROCESS", unit: "visits", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 12, reporterIds: [world.orgB.id] } });
    await expect(enterValue({ actor: partnerA, measureId: onlyB.id, period: d("2026-01-01"), value: 1 })).rejects.toMatchObject({ status: 403 });
    const { measure } = await setup();
    await expect(enterValue({ actor: { ...partnerA, coalitionId: measure.coalitionId }, measureId: measure.id, period: d("2026-01-01"), value: 1 })).rejects.toMatchObject({ status: 403 });
    const own = await createMeasure({ actor: convener, input: { name: `A monthly ${Date.now()}`, description: "", type: "PROCESS", unit: "visits", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 12, reporterIds: [world.orgA.id] } });
    await expect(enterValue({ actor: partnerA, measureId: own.id, period: d("2026-01-15"), value: 1 })).rejects.toMatchObject({ status: 400 });
    await expect(enterValue({ actor: partnerA, measureId: own.id, period: d("2099-01-01"), value: 1 })).rejects.toMatchObject({ status: 400 });
    expect(await db.measureValue.count({ where: { measureId: own.id } })).toBe(0);
  });

  it("another coalition's measure does not exist for a partner (404)", async () => {
    const first = await setup();
    const second = await setup();
    await expect(enterValue({ actor: second.partnerA, measureId: first.measure.id, period: d("2026-01-01"), value: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it("a unit cannot change once values exist", async () => {
    const { convener, partnerA, measure } = await setup();
    await updateMeasure({ actor: convener, measureId: measure.id, input: { name: measure.name, description: "x", unit: "families" } });
    await enterValue({ actor: partnerA, measureId: measure.id, period: d("2026-02-01"), value: 3 });
    await expect(updateMeasure({ actor: convener, measureId: measure.id, input: { name: measure.name, description: "x", unit: "people" } })).rejects.toMatchObject({ status: 400 });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).unit).toBe("families");
  });

  it("CSV import: a per-row report, bad rows rejected and not written, re-import updates", async () => {
    const { partnerA, measure } = await setup();
    const csv = "period,value\n2026-01,10\n2026-02,abc\nMarch,4\n2026-03,7\n2026-03,8\n2099-01,1\n";
    const report = await importValuesCsv({ actor: partnerA, measureId: measure.id, csv });
    expect(report.map((r) => [r.row, r.status])).toEqual([[2, "created"], [3, "rejected"], [4, "rejected"], [5, "created"], [6, "rejected"], [7, "rejected"]]);
    expect(report[1].message).toMatch(/not a number/);
    expect(report[4].message).toMatch(/twice/);
    expect(await db.measureValue.count({ where: { measureId: measure.id } })).toBe(2);
    const again = await importValuesCsv({ actor: partnerA, measureId: measure.id, csv: "Period,Value\n2026-01,11\n" });
    expect(again).toEqual([{ row: 2, status: "updated", period: "2026-01-01" }]);
    const refused = await importValuesCsv({ actor: partnerA, measureId: measure.id, csv: "when,amount\n2026-01,1" }).catch((e: Error) => e);
    expect(translateMessage(refused instanceof Error ? refused.message : "", translatorForLocale("en"))).toMatch(/header row/);
  });
});

describe("aims", () => {
  it("refuses a target date before the baseline date, and tracks an aim against its straight line", async () => {
    const { convener, partnerA, measure, world } = await setup();
    await expect(createAim({ actor: convener, input: { statement: "Connect 100 more households to food", population: "households", measureId: measure.id, baselineValue: 10, baselineDate: d("2026-06-01"), targetValue: 100, targetDate: d("2026-01-01"), domains: [], contributorIds: [] } })).rejects.toMatchObject({ status: 400 });
    const aim = await createAim({ actor: convener, input: { statement: "Connect 100 households a month to food by Dec 2026", population: "households with food insecurity", measureId: measure.id, baselineValue: 20, baselineDate: d("2026-01-01"), targetValue: 100, targetDate: d("2026-12-01"), domains: ["economic-stability"], contributorIds: [world.orgA.id] } });
    for (const [period, value] of [["2026-01-01", 20], ["2026-02-01", 30], ["2026-03-01", 60]] as const) await enterValue({ actor: partnerA, measureId: measure.id, period: d(period), value });
    const [overview] = (await getAimsOverview(world.coalition.id)).filter((a) => a.id === aim.id);
    expect(overview.latest?.value).toBe(60);
    expect(overview.trajectory.onTrack).toBe(true);
    expect(overview.contributors.map((c) => c.id)).toEqual([world.orgA.id]);
    const celebrations = await getCelebrations(world.coalition.id);
    expect(celebrations).toContainEqual(expect.objectContaining({ kind: "aim-milestone", aimId: aim.id, milestone: 50 }));
  });

  it("lists what a partner still owes for the last periods", async () => {
    const { partnerA, measure, world } = await setup();
    const now = d("2026-05-10");
    await enterValue({ actor: partnerA, measureId: measure.id, period: d("2026-04-01"), value: 3 });
    const due = (await getDueValues({ organizationId: world.orgA.id, coalitionId: world.coalition.id, now })).filter((x) => x.measureId === measure.id);
    expect(due.map((x) => x.period)).toEqual(["2026-02-01", "2026-03-01"]);
  });

  it("a shift after a change shows on the chart and is celebrated", async () => {
    const { partnerA, measure, world } = await setup();
    const values = [40, 42, 39, 41, 43, 40, 48, 49, 50, 51, 52, 50];
    for (const [i, value] of values.entries()) await enterValue({ actor: partnerA, measureId: measure.id, period: new Date(Date.UTC(2025, i, 1)), value });
    const chart = (await getMeasureChart(measure.id, world.coalition.id))!;
    expect(chart.analysis.median).toBe(40.5);
    expect(chart.analysis.signals.find((s) => s.rule === "shift")).toMatchObject({ start: 6, end: 11, improvement: true });
    await postWin({ actor: partnerA, title: "First family housed", story: "A family of four moved in after three months of joint work." });
    // The latest points both shift above the median and trend upward: either signal is worth saying.
    expect(await getCelebrations(world.coalition.id)).toContainEqual(expect.objectContaining({ kind: "improvement-signal", measureId: measure.id }));
  });
});
