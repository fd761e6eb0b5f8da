/**
 * Issue #14 defect 11: a form refusing a too-long value says so in a sentence, in the person's
 * language — never zod's "String must contain at most 120 character(s)". The four forms the tour
 * found (win title, API key name, conference title, run-chart annotation) are posted through
 * `withHttpErrors`, exactly as server/index.ts serves every route, in English and in Spanish.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as aimsModule from "~/routes/_app.aims._index";
import * as apiKeysModule from "~/routes/_app.organization.api-keys";
import * as conferencesModule from "~/routes/_app.conferences._index";
import * as measureModule from "~/routes/_app.aims.measures.$measureId";
import { createMeasure } from "~/modules/aims/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { coalitionActorFor } from "../actors";

type Route = { action?: (a: never) => unknown };
const act = (route: Route, request: Request, params: Record<string, string> = {}) => settle(async () => route.action!({ request, params, context: {} } as never));
const errorsOf = (body: unknown) => body as { formError?: string; fieldErrors?: Record<string, string[]> };

const LONG = "x".repeat(5000);
const SENTENCE = {
  en: { tooLong: /^Use at most \d+ characters\.$/, fix: "Please correct the highlighted fields." },
  es: { tooLong: /^Use como máximo \d+ caracteres\.$/, fix: "Corrija los campos resaltados." },
} as const;

async function world() {
  const w = await createTwoOrganizationWorld();
  const director = await signedInRequester(w.directorA.email);
  const convener = await signedInRequester(w.convener.email);
  const measureRow = await createMeasure({
    actor: coalitionActorFor(w.convener.id, w.orgA.id, w.coalition.id),
    input: { name: "Households fed", description: "", type: "OUTCOME", unit: "households", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 12, reporterIds: [] },
  });
  return { ...w, director, convener, measureId: measureRow.id };
}

describe("limit messages are sentences in the person's language", () => {
  it.each(["en", "es"] as const)("win title, API key name, conference title and annotation (%s)", async (lng) => {
    const w = await world();
    const q = `?lng=${lng}`;
    const cases: [string, Route, Request, string, Record<string, string>?][] = [
      ["win title", withHttpErrors(aimsModule), w.director.post(`/aims${q}`, { intent: "post-win", title: LONG, story: "We fed forty families this week." }), "title"],
      ["API key name", withHttpErrors(apiKeysModule), w.director.post(`/organization/api-keys${q}`, { intent: "create-key", name: LONG }), "name"],
      ["conference title", withHttpErrors(conferencesModule), w.director.post(`/conferences${q}`, { intent: "schedule", title: LONG, startsAt: "2030-03-01T09:00", agenda: "", audience: "coalition" }), "title"],
      ["annotation", withHttpErrors(measureModule), w.convener.post(`/aims/measures/${w.measureId}${q}`, { intent: "annotate", period: "2026-01-01", kind: "EVENT", label: LONG }), "label", { measureId: w.measureId }],
    ];
    const before = await Promise.all([db.win.count(), db.apiKey.count(), db.conference.count(), db.measureAnnotation.count()]);
    for (const [what, route, request, field, params] of cases) {
      const result = await act(route, request, params);
      expect(result.status, what).toBe(400);
      const { formError, fieldErrors } = errorsOf(result.body);
      expect(fieldErrors?.[field]?.[0], what).toMatch(SENTENCE[lng].tooLong);
      expect(formError, what).toBe(SENTENCE[lng].fix);
      expect(JSON.stringify(result.body), what).not.toMatch(/String must contain|character\(s\)/);
    }
    expect(await Promise.all([db.win.count(), db.apiKey.count(), db.conference.count(), db.measureAnnotation.count()])).toEqual(before);
  });

  it("every form gets the same treatment: a missing field and a malformed choice are sentences too (es)", async () => {
    const w = await world();
    const missing = await act(withHttpErrors(aimsModule), w.director.post("/aims?lng=es", { intent: "post-win", title: "Cuarenta familias" }));
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.body).fieldErrors?.story).toEqual(["Complete este campo."]);
    const malformed = await act(withHttpErrors(apiKeysModule), w.director.post("/organization/api-keys?lng=es", { intent: "revoke-key", apiKeyId: "nope" }));
    expect(malformed.status).toBe(400);
    expect(errorsOf(malformed.body).fieldErrors?.apiKeyId).toEqual(["Elija una de las opciones ofrecidas."]);
  });
});
