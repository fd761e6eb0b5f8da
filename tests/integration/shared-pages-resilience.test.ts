/**
 * Issue #13, finding 2: one partner's bad number or date must not take the coalition's shared
 * pages down. The forms and the CSV import refuse out-of-range numbers and dates (400, the field
 * or the row and column named, nothing written); and a bad row that is ALREADY stored (written
 * here straight into the database, past every schema) takes down only the card that reads it:
 * the page answers 200, that card is flagged, the others are intact.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as homeModule from "~/routes/_app.home";
import * as aimsIndexModule from "~/routes/_app.aims._index";
import * as newAimModule from "~/routes/_app.aims.new";
import * as measurePageModule from "~/routes/_app.aims.measures.$measureId";
import * as conferencesModule from "~/routes/_app.conferences._index";
import * as workspaceModule from "~/routes/_app.partners_.workspace";
import { createAim, createMeasure } from "~/modules/aims/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { coalitionActorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const home = withHttpErrors(homeModule);
const aimsIndex = withHttpErrors(aimsIndexModule);
const newAim = withHttpErrors(newAimModule);
const measurePage = withHttpErrors(measurePageModule);
const conferences = withHttpErrors(conferencesModule);
const workspace = withHttpErrors(workspaceModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
};

async function world() {
  const w = await createTwoOrganizationWorld();
  const convenerActor = coalitionActorFor(w.convener.id, w.orgA.id, w.coalition.id);
  const measure = await createMeasure({
    actor: convenerActor,
    input: { name: `Households housed ${Date.now()}`, description: "", type: "OUTCOME", unit: "households", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 6, reporterIds: [w.orgA.id, w.orgB.id] },
  });
  const healthy = await createMeasure({
    actor: convenerActor,
    input: { name: `Visits kept ${Date.now()}`, description: "", type: "PROCESS", unit: "visits", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 6, reporterIds: [w.orgA.id] },
  });
  const aimInput = { population: "Families in Pueblo", baselineValue: 10, baselineDate: new Date("2025-01-01T00:00:00Z"), targetValue: 50, targetDate: new Date("2027-01-01T00:00:00Z"), domains: [], contributorIds: [] };
  await createAim({ actor: convenerActor, input: { ...aimInput, statement: "House 50 households by 2027", measureId: measure.id } });
  await createAim({ actor: convenerActor, input: { ...aimInput, statement: "Keep 50 visits a month by 2027", measureId: healthy.id } });
  const [a, b, convener] = await Promise.all([signedInRequester(w.directorA.email), signedInRequester(w.directorB.email), signedInRequester(w.convener.email)]);
  return { ...w, measure, healthy, a, b, convenerRequester: convener };
}

/** Two partners' values of 1e308: their sum overflows double precision (the review's payload). */
async function storeOverflowingValues(w: Awaited<ReturnType<typeof world>>) {
  const period = lastMonth();
  for (const org of [w.orgA, w.orgB]) {
    await db.$executeRaw`INSERT INTO "MeasureValue" ("id", "measureId", "organizationId", "scope", "periodStart", "value", "updatedAt") VALUES (gen_random_uuid(), ${w.measure.id}::uuid, ${org.id}::uuid, ${org.id}, ${period}::date, ${1e308}::float8, now())`;
  }
  await db.$executeRaw`INSERT INTO "MeasureValue" ("id", "measureId", "organizationId", "scope", "periodStart", "value", "updatedAt") VALUES (gen_random_uuid(), ${w.healthy.id}::uuid, ${w.orgA.id}::uuid, ${w.orgA.id}, ${period}::date, ${42}::float8, now())`;
}

describe("numbers and dates are bounded at the schema", () => {
  it("a measure value of 1e308, Infinity or 1e13 is a 400 naming the field, and nothing is written", async () => {
    const w = await world();
    const period = lastMonth().toISOString().slice(0, 10);
    for (const value of ["1e308", "Infinity", "1e13", "-1e13", "NaN"]) {
      const result = await settle(() => measurePage.action(args(w.a.post(`/aims/measures/${w.measure.id}`, { intent: "enter-value", period, value }), { measureId: w.measure.id })));
      expect(result.status, value).toBe(400);
      expect(Object.keys((result.body as { fieldErrors: object }).fieldErrors)).toEqual(["value"]);
    }
    const fine = await settle(() => measurePage.action(args(w.a.post(`/aims/measures/${w.measure.id}`, { intent: "enter-value", period, value: "1,250" }), { measureId: w.measure.id })));
    expect(fine.status).toBe(200);
    expect((await db.measureValue.findMany({ where: { measureId: w.measure.id } })).map((v) => v.value)).toEqual([1250]);
  });

  it("a period outside the calendar is a 400, not a database error", async () => {
    const w = await world();
    for (const period of ["0000-01-01", "9999-99-99", "-000001-01-01", "+275760-09-13"]) {
      const result = await settle(() => measurePage.action(args(w.a.post(`/aims/measures/${w.measure.id}`, { intent: "enter-value", period, value: "3" }), { measureId: w.measure.id })));
      expect(result.status, period).toBe(400);
      const annotated = await settle(() => measurePage.action(args(w.convenerRequester.post(`/aims/measures/${w.measure.id}`, { intent: "annotate", period, kind: "PDSA", label: "Tried a new intake" }), { measureId: w.measure.id })));
      expect(annotated.status, period).toBe(400);
    }
    expect(await db.measureValue.count({ where: { measureId: w.measure.id } })).toBe(0);
    expect(await db.measureAnnotation.count({ where: { measureId: w.measure.id } })).toBe(0);
  });

  it("CSV import: a row with an out-of-range value is rejected naming its row and column, and is not written", async () => {
    const w = await world();
    const period = lastMonth().toISOString().slice(0, 7);
    const csv = `period,value\n${period},1e308\n`;
    const form = new FormData();
    form.set("intent", "import");
    form.set("file", new File([csv], "values.csv", { type: "text/csv" }));
    const request = new Request(`http://localhost/aims/measures/${w.measure.id}`, { method: "POST", headers: { cookie: w.a.cookie }, body: form });
    const result = await settle(() => measurePage.action(args(request, { measureId: w.measure.id })));
    expect(result.status).toBe(200);
    const report = (result.body as { report: { row: number; status: string; message?: string }[] }).report;
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ row: 2, status: "rejected" });
    expect(report[0]!.message).toMatch(/^value "1e308" is not a number/);
    expect(await db.measureValue.count({ where: { measureId: w.measure.id } })).toBe(0);
  });

  it("an aim's baseline and target are bounded numbers and its dates real dates within 1900-2100", async () => {
    const w = await world();
    const base = { intent: "create-aim", statement: "House 80 households by 2028", population: "Families", measureId: w.measure.id, baselineValue: "10", baselineDate: "2025-01-01", targetValue: "80", targetDate: "2028-01-01" };
    const before = await db.aim.count({ where: { coalitionId: w.coalition.id } });
    for (const [field, value] of [["baselineValue", "1e308"], ["targetValue", "-Infinity"], ["targetValue", "2e12"], ["baselineDate", "0000-01-01"], ["targetDate", "9999-12-31"], ["targetDate", "2028-02-30"]] as const) {
      const result = await settle(() => newAim.action(args(w.convenerRequester.post("/aims/new", { ...base, [field]: value }))));
      expect(result.status, `${field}=${value}`).toBe(400);
      expect((result.body as { fieldErrors: Record<string, unknown> }).fieldErrors[field], `${field}=${value}`).toBeDefined();
    }
    expect(await db.aim.count({ where: { coalitionId: w.coalition.id } })).toBe(before);
  });

  it("a conference at +275760-09-13 (or any date outside 1900-2100) is a 400 and is not scheduled", async () => {
    const w = await world();
    const before = await db.conference.count();
    for (const startsAt of ["+275760-09-13", "+275760-09-13T00:00", "0000-01-01T09:00", "2101-01-01T09:00", "1899-12-31T09:00"]) {
      const result = await settle(() => conferences.action(args(w.a.post("/conferences", { intent: "schedule", title: "Quarterly review", startsAt, agenda: "", audience: "coalition" }))));
      expect(result.status, startsAt).toBe(400);
      expect(Object.keys((result.body as { fieldErrors: object }).fieldErrors), startsAt).toContain("startsAt");
    }
    expect(await db.conference.count()).toBe(before);
  });

  it("the partnership workspace refuses dates outside 1900-2100 (analysis, agreement, decision, next step) and writes nothing", async () => {
    const w = await world();
    const forms = (date: string): Record<string, string>[] => [
      { intent: "add-analysis", heldOn: date, group: "Hospital leadership", support: "SUPPORT", influence: "HIGH", actionSteps: "" },
      { intent: "add-agreement", organizationId: w.orgB.id, kind: "MOU", signedOn: date, renewsOn: "", notes: "" },
      { intent: "add-decision", decision: "Adopt the shared template", method: "CONSENSUS", decidedOn: date, present: "All partners" },
      { intent: "add-next-step", what: "Call the hospital", ownerName: "Ana", ownerOrganizationId: w.orgB.id, dueDate: date, aboutOrganizationId: "" },
    ];
    for (const date of ["0000-01-01", "9999-99-99", "-000001-01-01", "2101-01-01", "2026-02-30"]) {
      for (const fields of forms(date)) {
        const result = await settle(() => workspace.action(args(w.convenerRequester.post("/partners/workspace", fields))));
        expect(result.status, `${fields.intent} ${date}`).toBe(400);
      }
    }
    const where = { coalitionId: w.coalition.id };
    expect([await db.stakeholderAnalysis.count({ where }), await db.partnerAgreement.count({ where }), await db.coalitionDecision.count({ where }), await db.nextStep.count({ where })]).toEqual([0, 0, 0, 0]);
    for (const fields of forms("2026-03-02")) expect((await settle(() => workspace.action(args(w.convenerRequester.post("/partners/workspace", fields))))).status, fields.intent).toBe(200);
  });
});

describe("one bad stored row takes down its card only", () => {
  it("overflowing stored values: home (convener and partner), /aims and the measure page answer 200 with that card flagged", async () => {
    const w = await world();
    await storeOverflowingValues(w);

    const convenerHome = await settle(() => home.loader(args(w.convenerRequester.get("/home"))));
    expect(convenerHome.status).toBe(200);
    const partnerHome = await settle(() => home.loader(args(w.b.get("/home"))));
    expect(partnerHome.status).toBe(200);
    for (const page of [convenerHome, partnerHome]) {
      const body = page.body as { dashboard: { ok: boolean }; partnerCount: number; wins: { ok: boolean } };
      expect(body.dashboard.ok).toBe(false);
      expect(body.wins.ok).toBe(true);
      expect(body.partnerCount).toBe(2);
    }

    const aims = await settle(() => aimsIndex.loader(args(w.b.get("/aims"))));
    expect(aims.status).toBe(200);
    const aimsBody = aims.body as { aims: { ok: boolean }; measures: { ok: true; data: { id: string }[] }; wins: { ok: boolean } };
    expect(aimsBody.aims.ok).toBe(false);
    expect(aimsBody.measures.ok).toBe(true);
    expect(aimsBody.measures.data.map((m) => m.id).sort()).toEqual([w.measure.id, w.healthy.id].sort());
    expect(aimsBody.wins.ok).toBe(true);

    const bad = await settle(() => measurePage.loader(args(w.b.get(`/aims/measures/${w.measure.id}`), { measureId: w.measure.id })));
    expect(bad.status).toBe(200);
    const badBody = bad.body as { measure: { id: string; name: string }; chart: { ok: boolean } };
    expect(badBody.measure).toMatchObject({ id: w.measure.id, name: w.measure.name });
    expect(badBody.chart.ok).toBe(false);

    const good = await settle(() => measurePage.loader(args(w.a.get(`/aims/measures/${w.healthy.id}`), { measureId: w.healthy.id })));
    expect(good.status).toBe(200);
    const goodBody = good.body as { chart: { ok: true; data: { points: { value: number }[] } } };
    expect(goodBody.chart.ok).toBe(true);
    expect(goodBody.chart.data.points.map((p) => p.value)).toEqual([42]);
  });

  it("a conference stored at +275760-09-13: /conferences answers 200 with the list flagged and the scheduling form intact", async () => {
    const w = await world();
    await db.$executeRaw`INSERT INTO "Conference" ("id", "coalitionId", "hostOrganizationId", "createdById", "title", "startsAt", "wholeCoalition", "updatedAt") VALUES (gen_random_uuid(), ${w.coalition.id}::uuid, ${w.orgA.id}::uuid, ${w.directorA.id}::uuid, 'Far future', '275760-09-13 00:00:00', true, now())`;
    const page = await settle(() => conferences.loader(args(w.b.get("/conferences"))));
    expect(page.status).toBe(200);
    const body = page.body as { lists: { ok: boolean }; partners: { id: string }[]; timeZone: string };
    expect(body.lists.ok).toBe(false);
    expect(body.partners.map((p) => p.id)).toEqual([w.orgA.id]);
    expect(body.timeZone).toBe("America/Denver");
  });
});
