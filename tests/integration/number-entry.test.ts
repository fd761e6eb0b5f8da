/**
 * Issue #14 defect 4: a measure value is read in the page's language and kept to its unit's
 * bounds. "12,5" on a Spanish page is 12.5 (it used to be saved as 125); "12,5" on an English page
 * is refused, not read as 125; −5 households and 12.5 households are refused; a percentage is
 * 0–100. The same rules hold for a CSV import. Posted through `withHttpErrors`, as the server does.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as measureModule from "~/routes/_app.aims.measures.$measureId";
import { createMeasure } from "~/modules/aims/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { coalitionActorFor } from "../actors";

const measurePage = withHttpErrors(measureModule);
const act = (request: Request, measureId: string) => settle(async () => measurePage.action!({ request, params: { measureId }, context: {} } as never));
const errorsOf = (body: unknown) => body as { formError?: string; fieldErrors?: Record<string, string[]> };
const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
};

async function world() {
  const w = await createTwoOrganizationWorld();
  const actor = coalitionActorFor(w.convener.id, w.orgA.id, w.coalition.id);
  const base = { description: "", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", baselinePoints: 6, reporterIds: [w.orgA.id] } as const satisfies Record<string, unknown>;
  const households = await createMeasure({ actor, input: { ...base, reporterIds: [w.orgA.id], name: `Households fed ${Date.now()}`, type: "OUTCOME", unit: "households", aggregation: "SUM" } });
  const percent = await createMeasure({ actor, input: { ...base, reporterIds: [w.orgA.id], name: `Screened ${Date.now()}`, type: "PROCESS", unit: "%", aggregation: "MEAN" } });
  return { ...w, households, percent, director: await signedInRequester(w.directorA.email) };
}

const values = (measureId: string) => db.measureValue.findMany({ where: { measureId } }).then((rows) => rows.map((r) => r.value));

describe("measure values are read in the page's language and kept to the unit", () => {
  it("'12,5' on a Spanish page is 12.5 %, and '1.234' households is 1234", async () => {
    const w = await world();
    const period = lastMonth();
    expect((await act(w.director.post(`/aims/measures/${w.percent.id}?lng=es`, { intent: "enter-value", period, value: "12,5" }), w.percent.id)).status).toBe(200);
    expect(await values(w.percent.id)).toEqual([12.5]);
    expect((await act(w.director.post(`/aims/measures/${w.households.id}?lng=es`, { intent: "enter-value", period, value: "1.234" }), w.households.id)).status).toBe(200);
    expect(await values(w.households.id)).toEqual([1234]);
  });

  it("'12,5' on an English page is refused, never saved as 125", async () => {
    const w = await world();
    const result = await act(w.director.post(`/aims/measures/${w.percent.id}?lng=en`, { intent: "enter-value", period: lastMonth(), value: "12,5" }), w.percent.id);
    expect(result.status).toBe(400);
    expect(errorsOf(result.body).fieldErrors?.value).toEqual(["Enter a number written like 1,234.5."]);
    expect(await values(w.percent.id)).toEqual([]);
  });

  it.each([
    ["es", "households", "-5", "Un número entero de households, 0 o más, p. ej. 1234."],
    ["es", "households", "12,5", "Un número entero de households, 0 o más, p. ej. 1234."],
    ["en", "households", "−5", "A whole number of households, 0 or more, e.g. 1,234."],
    ["es", "percent", "100,5", "Un porcentaje de 0 a 100, p. ej. 12,5."],
    ["en", "percent", "-1", "A percentage from 0 to 100, e.g. 12.5."],
  ] as const)("%s: a %s value of %s is refused in the reader's language", async (lng, which, value, message) => {
    const w = await world();
    const measure = which === "households" ? w.households : w.percent;
    const result = await act(w.director.post(`/aims/measures/${measure.id}?lng=${lng}`, { intent: "enter-value", period: lastMonth(), value }), measure.id);
    expect(result.status).toBe(400);
    expect(errorsOf(result.body).fieldErrors?.value).toEqual([message]);
    expect(await values(measure.id)).toEqual([]);
  });

  it("CSV import: a negative count and '12,5' are rejected rows; nothing is written for them", async () => {
    const w = await world();
    const month = lastMonth().slice(0, 7);
    const form = new FormData();
    form.set("intent", "import");
    form.set("file", new File([`period,value\n${month},-5\n${month},"12,5"\n`], "values.csv", { type: "text/csv" }));
    const request = new Request(`http://localhost/aims/measures/${w.households.id}`, { method: "POST", headers: { cookie: w.director.cookie }, body: form });
    const result = await act(request, w.households.id);
    expect(result.status).toBe(200);
    const report = (result.body as { report: { row: number; status: string; message?: string }[] }).report;
    expect(report.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(report[0]!.message).toMatch(/^value "-5" is not a whole number between 0 and/);
    expect(report[1]!.message).toMatch(/^value "12,5" is not a number/);
    expect(await values(w.households.id)).toEqual([]);
  });

  it("CSV import on a Spanish page: every rejected row says why in Spanish, naming the column and the cell as written (#14 defect 2)", async () => {
    const w = await world();
    const month = lastMonth().slice(0, 7);
    const future = `${new Date().getUTCFullYear() + 1}-01`;
    const form = new FormData();
    form.set("intent", "import");
    form.set("file", new File([`period,value\n${month},-5\n${month},"12,5"\n${month},3\n${month},4\nMarch,2\n${future},1\n,1\n`], "valores.csv", { type: "text/csv" }));
    const request = new Request(`http://localhost/aims/measures/${w.households.id}?lng=es`, { method: "POST", headers: { cookie: w.director.cookie }, body: form });
    const result = await act(request, w.households.id);
    expect(result.status).toBe(200);
    const report = (result.body as { report: { row: number; status: string; message?: string }[] }).report;
    expect(report.map((r) => [r.row, r.status])).toEqual([[2, "rejected"], [3, "rejected"], [4, "created"], [5, "rejected"], [6, "rejected"], [7, "rejected"], [8, "rejected"]]);
    expect(report[0]!.message).toMatch(/^value "-5" no es un número entero entre 0 y [\d,]+ \(la unidad es "households"\)$/);
    expect(report[1]!.message).toBe('value "12,5" no es un número escrito como 1234.5');
    expect(report[3]!.message).toBe("Este período aparece dos veces en el archivo");
    expect(report[4]!.message).toBe('el período "March" no es un período entre 1900 y 2100 (use 2026-03, 2026-Q1 o 2026-03-01)');
    expect(report[5]!.message).toBe("Este período aún no ha comenzado");
    expect(report[6]!.message).toBe("period está vacío");
    expect(await values(w.households.id)).toEqual([3]);
  });

  it("CSV import without a file, on a Spanish page: the form and the field say so in Spanish (#14 defect 2)", async () => {
    const w = await world();
    const form = new FormData();
    form.set("intent", "import");
    const request = new Request(`http://localhost/aims/measures/${w.households.id}?lng=es`, { method: "POST", headers: { cookie: w.director.cookie }, body: form });
    const result = await act(request, w.households.id);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ intent: "import", formError: "Elija un archivo CSV para importar.", fieldErrors: { file: ["Elija un archivo"] } });
  });
});
