/**
 * Bad input at the edge (issue #13, "Server errors on bad input: 0", ADR 060): each distinct cause
 * the security review found answers 400/404/415 naming the field, and writes nothing. Routes are
 * called through `withHttpErrors`, exactly as server/index.ts serves them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { withHttpErrors, withHttpErrorsBuild } from "~/utils/http-errors.server";
import * as roomModule from "~/routes/_app.conferences.$conferenceId._index";
import * as summaryModule from "~/routes/_app.conferences.$conferenceId.summary";
import * as vignetteModule from "~/routes/_app.conferences.$conferenceId.vignette";
import * as conferencesModule from "~/routes/_app.conferences._index";
import * as aimsModule from "~/routes/_app.aims._index";
import * as measureModule from "~/routes/_app.aims.measures.$measureId";
import * as auditModule from "~/routes/_app.audit";
import * as workspaceModule from "~/routes/_app.partners_.workspace";
import * as newAimModule from "~/routes/_app.aims.new";
import * as authorizeModule from "~/routes/_app.clients.$clientId.authorize";
import * as clientsNewModule from "~/routes/_app.clients.new";
import * as importModule from "~/routes/api.directory.import";
import * as switchModule from "~/routes/organization.switch";
import * as languageModule from "~/routes/settings.language";
import * as assetsModule from "~/routes/api.assets";
import * as hsdsServicesModule from "~/routes/api.hsds.services._index";
import * as hsdsServiceModule from "~/routes/api.hsds.services.$id";
import * as consentModule from "~/routes/api.fhir.r4.Consent.$id";
import * as consentsModule from "~/routes/api.fhir.r4.Consent._index";
import * as taskModule from "~/routes/api.fhir.r4.Task.$id";
import * as tasksModule from "~/routes/api.fhir.r4.Task._index";
import { createApiKey } from "~/modules/org/api-keys.server";
import { createMeasure } from "~/modules/aims/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { actorFor, createClient, isoDay } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";
import { coalitionActorFor } from "../actors";

const room = withHttpErrors(roomModule);
const summary = withHttpErrors(summaryModule);
const vignette = withHttpErrors(vignetteModule);
const conferences = withHttpErrors(conferencesModule);
const aims = withHttpErrors(aimsModule);
const measure = withHttpErrors(measureModule);
const audit = withHttpErrors(auditModule);
const workspace = withHttpErrors(workspaceModule);
const newAim = withHttpErrors(newAimModule);
const authorize = withHttpErrors(authorizeModule);
const clientsNew = withHttpErrors(clientsNewModule);
const assets = withHttpErrors(assetsModule);
const importApi = withHttpErrors(importModule);
const organizationSwitch = withHttpErrors(switchModule);
const language = withHttpErrors(languageModule);
const hsdsServices = withHttpErrors(hsdsServicesModule);
const hsdsService = withHttpErrors(hsdsServiceModule);
const consent = withHttpErrors(consentModule);
const consents = withHttpErrors(consentsModule);
const task = withHttpErrors(taskModule);
const tasks = withHttpErrors(tasksModule);

type Route = { loader?: (a: never) => unknown; action?: (a: never) => unknown };
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;
const load = (route: Route, request: Request, params?: Record<string, string>) => settle(async () => route.loader!(args(request, params)));
const act = (route: Route, request: Request, params?: Record<string, string>) => settle(async () => route.action!(args(request, params)));
const fieldsOf = (body: unknown) => Object.keys((body as { fieldErrors?: Record<string, unknown> }).fieldErrors ?? {});
const NUL = "\u0000";
const BAD_DATES = ["0000-01-01", "9999-99-99", "-000001-01-01"];

async function world() {
  const w = await createTwoOrganizationWorld();
  const a = await signedInRequester(w.directorA.email);
  const scheduled = await settle(async () =>
    conferencesModule.action(args(a.post("/conferences", { intent: "schedule", title: "Edge review", startsAt: "2030-03-01T09:00", agenda: "", audience: "organizations", organizationIds: w.orgB.id }))),
  );
  const conferenceId = scheduled.headers.get("location")!.split("/").pop()!;
  return { ...w, a, conferenceId };
}

describe("route params", () => {
  it("a conference id that is not a UUID is a 404 on the room, summary and vignette (loaders and actions), and ?id=x on the vignette is a 400 naming id", async () => {
    const w = await world();
    for (const bad of ["not-a-uuid", "00000000-0000-0000-0000-00000000000g", `x${NUL}`]) {
      for (const route of [room, summary, vignette]) expect((await load(route, w.a.get(`/conferences/${encodeURIComponent(bad)}`), { conferenceId: bad })).status).toBe(404);
      expect((await act(summary, w.a.post(`/conferences/x/summary`, { intent: "hide", seq: "1" }), { conferenceId: bad })).status).toBe(404);
      expect((await act(vignette, w.a.post(`/conferences/x/vignette`, { intent: "share", vignetteId: w.orgA.id }), { conferenceId: bad })).status).toBe(404);
    }
    const query = await load(vignette, w.a.get(`/conferences/${w.conferenceId}/vignette?id=x`), { conferenceId: w.conferenceId });
    expect(query.status).toBe(400);
    expect(fieldsOf(query.body)).toEqual(["id"]);
    expect((await load(room, w.a.get(`/conferences/${w.conferenceId}`), { conferenceId: w.conferenceId })).status).toBe(200);
  });

  it("POST /aims/measures/xyz is a 404, not an unhandled ZodError", async () => {
    const w = await createTwoOrganizationWorld();
    const convener = await signedInRequester(w.convener.email);
    expect((await act(measure, convener.post("/aims/measures/xyz", { intent: "annotate", period: "2026-01-01", kind: "EVENT", label: "Storm" }), { measureId: "xyz" })).status).toBe(404);
    expect((await load(measure, convener.get("/aims/measures/xyz"), { measureId: "xyz" })).status).toBe(404);
  });
});

describe("form bodies", () => {
  it("a NUL or another control character in any text field is a 400 naming the field, and nothing is written", async () => {
    const w = await world();
    const convener = await signedInRequester(w.convener.email);
    const careManager = await signedInRequester(w.careManagerA.email);
    const [wins, clients, decisions] = await Promise.all([db.win.count(), db.client.count(), db.coalitionDecision.count()]);
    const cases: [Route, Request, string][] = [
      [aims, w.a.post("/aims", { intent: "post-win", title: `Food${NUL}bank`, story: "A story about food" }), "title"],
      [clientsNew, careManager.post("/clients/new", { intent: "register", name: "Ana Ruiz", birthDate: "1990-01-01", preferredLanguage: "en", notes: `a\u0001b` }), "notes"],
      [workspace, convener.post("/partners/workspace", { intent: "add-decision", decision: `Meet${NUL} monthly`, method: "CONSENSUS", decidedOn: "2026-01-05", present: "Everyone" }), "decision"],
      [conferences, w.a.post("/conferences", { intent: "schedule", title: `T${NUL}`, startsAt: "2030-03-01T09:00", audience: "organizations", organizationIds: w.orgB.id }), "title"],
    ];
    for (const [route, request, field] of cases) {
      const result = await act(route, request);
      expect(result.status, field).toBe(400);
      expect(fieldsOf(result.body)).toEqual([field]);
    }
    expect([await db.win.count(), await db.client.count(), await db.coalitionDecision.count()]).toEqual([wins, clients, decisions]);
  });

  it("a form action posted as JSON, as garbage multipart or with no Content-Type answers 415/400, writes nothing, and says why in the request's language", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    const before = await db.win.count();
    const post = (headers: Record<string, string>, body: string, path = "/aims") => new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: director.cookie, ...headers }, body });
    const json = await act(aims, post({ "content-type": "application/json" }, JSON.stringify({ title: "A win", story: "x" })));
    expect(json.status).toBe(415);
    expect((json.body as { formError: string }).formError).toMatch(/form/);
    const none = await act(aims, post({}, "title=A%20win"));
    expect([400, 415]).toContain(none.status);
    const garbage = await act(aims, post({ "content-type": "multipart/form-data; boundary=xyz" }, "--abc\r\nnot a part\r\n"));
    expect(garbage.status).toBe(400);
    const bare = await act(aims, new Request("http://localhost/aims", { method: "POST", headers: { cookie: director.cookie } }));
    expect(bare.status).toBe(400);
    expect(fieldsOf(bare.body)).toEqual(expect.arrayContaining(["title", "story"]));
    for (const [route, path] of [[organizationSwitch, "/organization/switch"], [language, "/settings/language"]] as const) {
      const result = await act(route, post({ "content-type": "application/json" }, JSON.stringify({ organizationId: w.orgA.id, language: "es" }), path));
      expect(result.status, path).toBe(415);
    }
    const spanish = await act(aims, post({ "content-type": "application/json" }, "{}", "/aims?lng=es"));
    expect((spanish.body as { formError: string }).formError).toMatch(/formulario/);
    expect(await db.win.count()).toBe(before);
  });

  it("invalid dates (0000-01-01, 9999-99-99, -000001-01-01) in the partners workspace and the authorization form are 400s naming the field", async () => {
    const w = await createTwoOrganizationWorld();
    const convener = await signedInRequester(w.convener.email);
    const careManager = await signedInRequester(w.careManagerA.email);
    const clientId = await createClient(actorFor(w.careManagerA.id, w.orgA.id));
    const [decisions, authorizations] = [await db.coalitionDecision.count(), await db.consentAuthorization.count()];
    for (const date of BAD_DATES) {
      const decided = await act(workspace, convener.post("/partners/workspace", { intent: "add-decision", decision: "Meet monthly", method: "CONSENSUS", decidedOn: date, present: "Everyone" }));
      expect(decided.status, date).toBe(400);
      expect(fieldsOf(decided.body)).toEqual(["decidedOn"]);
      const agreement = await act(workspace, convener.post("/partners/workspace", { intent: "add-agreement", organizationId: w.orgB.id, kind: "MOU", signedOn: date }));
      expect(agreement.status, date).toBe(400);
      expect(fieldsOf(agreement.body)).toContain("signedOn");
      const authorized = await act(
        authorize,
        careManager.post(`/clients/${clientId}/authorize`, {
          intent: "record", form: "GENERAL", categories: "SOCIAL_NEEDS", recipientIds: w.orgB.id, purpose: "Food help", language: "en", effectiveDate: date, expiresOn: isoDay(90),
          ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on", signerKind: "CLIENT", signerName: "Route Person", signatureMethod: "TYPED", signatureTyped: "Route Person",
        }),
        { clientId },
      );
      expect(authorized.status, date).toBe(400);
      expect(fieldsOf(authorized.body)).toContain("effectiveDate");
    }
    expect([await db.coalitionDecision.count(), await db.consentAuthorization.count()]).toEqual([decisions, authorizations]);
  });

  it("dates the database refuses (schedule, create-aim, annotate) are 400s through the mapper's safety net, and nothing is written", async () => {
    // Their schemas' bounds belong to the aims/conference bounds work; until a schema names the
    // field, PostgreSQL's datetime refusal (22008) is still bad input, never a 500.
    const w = await world();
    const convener = await signedInRequester(w.convener.email);
    const actor = coalitionActorFor(w.convener.id, w.orgA.id, w.coalition.id);
    const measureRow = await createMeasure({ actor, input: { name: "Edge measure", description: "", type: "OUTCOME", unit: "people", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 12, reporterIds: [] } });
    const counts = () => Promise.all([db.conference.count(), db.aim.count(), db.measureAnnotation.count()]);
    const before = await counts();
    for (const date of ["0000-01-01", "-000001-01-01"]) {
      const schedule = await act(conferences, w.a.post("/conferences", { intent: "schedule", title: "Edge", startsAt: `${date}T09:00`, agenda: "", audience: "organizations", organizationIds: w.orgB.id }));
      expect(schedule.status, `schedule ${date}`).toBe(400);
      const aim = await act(newAim, convener.post("/aims/new", { intent: "create-aim", statement: "Cut food insecurity by half", population: "Families", measureId: measureRow.id, baselineValue: "10", baselineDate: date, targetValue: "5", targetDate: "2030-01-01" }));
      expect(aim.status, `create-aim ${date}`).toBe(400);
      const annotate = await act(measure, convener.post(`/aims/measures/${measureRow.id}`, { intent: "annotate", period: date, kind: "EVENT", label: "Storm week" }), { measureId: measureRow.id });
      expect(annotate.status, `annotate ${date}`).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it("hiding a message with a huge seq is a 400 naming seq", async () => {
    const w = await world();
    const result = await act(summary, w.a.post(`/conferences/${w.conferenceId}/summary`, { intent: "hide", seq: "99999999999999999999" }), { conferenceId: w.conferenceId });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["seq"]);
  });
});

describe("JSON bodies", () => {
  it("a directory import row with a NUL in a text field is rejected naming the field, without the database's error text, and nothing is saved", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    const post = (records: unknown[]) =>
      act(importApi, new Request("http://localhost/api/directory/import", { method: "POST", headers: { cookie: director.cookie, "content-type": "application/json" }, body: JSON.stringify({ records }) }));
    const result = await post([
      { id: "n1", name: `Food${NUL}bank` },
      { id: "n2", name: "Pantry", description: `Open${NUL}` },
      { id: `n${NUL}3`, name: "Pantry" },
    ]);
    expect(result.status).toBe(200);
    const rows = (result.body as { results: { outcome: string; reason: string }[] }).results;
    expect(rows.map((r) => r.outcome)).toEqual(["rejected", "rejected", "rejected"]);
    expect(rows.map((r) => r.reason.split(":")[0])).toEqual(["name", "description", "id"]);
    for (const row of rows) expect(row.reason).not.toMatch(/Database error|22021/);
    expect(await db.directoryService.count({ where: { coalitionId: w.coalition.id } })).toBe(0);
  });
});

describe("search params", () => {
  it("audit filters: NUL, invalid dates and an overflowing `before` are 400s naming the filter", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    const cases: [string, string][] = [
      [`action=x${encodeURIComponent(NUL)}`, "action"],
      [`subject=${encodeURIComponent(`a${NUL}`)}`, "subject"],
      ...BAD_DATES.flatMap((d): [string, string][] => [[`from=${d}`, "from"], [`to=${d}`, "to"]]),
      ["before=99999999999999999999999", "before"],
    ];
    for (const [query, field] of cases) {
      const result = await load(audit, director.get(`/audit?${query}`));
      expect(result.status, query).toBe(400);
      expect(fieldsOf(result.body), query).toEqual([field]);
    }
    const spanish = await load(audit, director.get("/audit?from=9999-99-99&lng=es"));
    expect((spanish.body as { error: string }).error).toMatch(/Revise estos campos: from/);
    expect((await load(audit, director.get("/audit?from=2026-01-01&before=12"))).status).toBe(200);
  });

  it("q, search and coalition with a NUL are 400s naming the parameter (map API, HSDS)", async () => {
    const w = await createTwoOrganizationWorld();
    const slug = w.coalition.slug;
    for (const [route, query, field] of [
      [assets, `/api/assets?bbox=-106,39,-104,41&coalition=${slug}&q=a%00b`, "q"],
      [assets, `/api/assets?bbox=-106,39,-104,41&coalition=${slug}%00`, "coalition"],
      [hsdsServices, `/api/hsds/services?coalition=${slug}&search=%00`, "search"],
      [hsdsServices, `/api/hsds/services?coalition=%00`, "coalition"],
    ] as const) {
      const result = await load(route, new Request(`http://localhost${query}`));
      expect(result.status, query).toBe(400);
      expect(fieldsOf(result.body), query).toEqual([field]);
    }
  });

  it("HSDS: page=1e23 and modified_after out of the calendar are 400s naming the parameter; a malformed id is a 404", async () => {
    const w = await createTwoOrganizationWorld();
    const slug = w.coalition.slug;
    const cases: [string, string][] = [
      ["page=1e23", "page"],
      ["per_page=1e23", "per_page"],
      ...["0000-01-01", "-000001-01-01", "0000-01-01T00:00:00Z", "9999-12-31"].map((d): [string, string] => [`modified_after=${d}`, "modified_after"]),
    ];
    for (const [query, field] of cases) {
      const result = await load(hsdsServices, new Request(`http://localhost/api/hsds/services?coalition=${slug}&${query}`));
      expect(result.status, query).toBe(400);
      expect(fieldsOf(result.body), query).toEqual([field]);
    }
    expect((await load(hsdsServices, new Request(`http://localhost/api/hsds/services?coalition=${slug}&page=2&modified_after=2026-01-01`))).status).toBe(200);
    expect((await load(hsdsService, new Request(`http://localhost/api/hsds/services/abc?coalition=${slug}`), { id: "abc" })).status).toBe(404);
  });
});

describe("FHIR", () => {
  it("Consent/000…0, Consent?patient=------…, Task/abc%00 and a crafted _cursor are 404/400 OperationOutcomes, with nothing audited for ids that name nothing", async () => {
    const w = await createTwoOrganizationWorld();
    const { key } = await createApiKey({ actor: actorFor(w.directorB.id, w.orgB.id), name: "edge" });
    const get = (path: string) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } });
    const zeros = "0".repeat(36);
    const auditBefore = await db.auditEvent.count();
    const cases: [Route, string, Record<string, string> | undefined, number][] = [
      [consent, `/api/fhir/r4/Consent/${zeros}`, { id: zeros }, 404],
      [consents, `/api/fhir/r4/Consent?patient=${"-".repeat(36)}`, undefined, 400],
      [task, "/api/fhir/r4/Task/abc%00", { id: `abc${NUL}` }, 404],
      [tasks, `/api/fhir/r4/Task?_cursor=${Buffer.from(`+275760-09-13T00:00:00.000Z|${w.orgA.id}`).toString("base64url")}`, undefined, 400],
      [tasks, `/api/fhir/r4/Task?_cursor=${Buffer.from(`0000-01-01T00:00:00.000Z|${w.orgA.id}`).toString("base64url")}`, undefined, 400],
      [tasks, "/api/fhir/r4/Task?_lastUpdated=ge0000-01-01", undefined, 400],
    ];
    for (const [route, path, params, status] of cases) {
      const result = await load(route, get(path), params);
      expect(result.status, path).toBe(status);
      expect((result.body as { resourceType: string }).resourceType, path).toBe("OperationOutcome");
    }
    expect(await db.auditEvent.count({ where: { id: { notIn: [] }, action: { in: ["referral.fhir_read_refused", "consent.fhir_read_refused"] } } })).toBe(0);
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(auditBefore);
  });
});

describe("the mapper is applied structurally", () => {
  it("every route module of the app gets a wrapped loader and action from withHttpErrorsBuild", async () => {
    const modules = import.meta.glob("/app/routes/*.tsx", { eager: true }) as Record<string, Record<string, unknown>>;
    const routes = Object.fromEntries(Object.entries(modules).map(([file, module]) => [file, { id: file, path: file, module }])) as unknown as ServerBuild["routes"];
    const build = withHttpErrorsBuild({ routes } as ServerBuild);
    expect(Object.keys(build.routes).length).toBeGreaterThan(50);
    for (const [file, { module }] of Object.entries(build.routes)) {
      const original = modules[file];
      for (const name of ["loader", "action"] as const) {
        if (original[name]) expect((module as unknown as Record<string, unknown>)[name], `${file} ${name}`).not.toBe(original[name]);
      }
    }
  });

  it("server/index.ts serves the wrapped build in production and in development", () => {
    const source = readFileSync("server/index.ts", "utf8");
    expect(source).toMatch(/build = withHttpErrorsBuild\(\(await import\(/);
    expect(source).toMatch(/ssrLoadModule\("virtual:remix\/server-build"\) as Promise<ServerBuild>\)\.then\(withHttpErrorsBuild\)/);
  });
});
