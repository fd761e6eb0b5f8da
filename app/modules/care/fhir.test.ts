/**
 * The FHIR CarePlan/Goal API (issue #15, ADR 102) through its route loaders, on a real database:
 * the shapes against the required and must-support elements of US Core CarePlan and SDOHCC-Goal
 * (written out below, as the Task and Consent tests write theirs), the consent rule of the plan page
 * (the owner; a partner named by a current "Care plan and goals" authorization, recorded as a
 * disclosure; unnamed, revoked, expired, Part 2 only: nothing), search parameters, paging, 400s
 * naming the parameter, and API-key authentication.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createApiKey } from "~/modules/org/api-keys.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import { revokeAuthorization } from "~/modules/consent/service.server";
import * as planReadRoute from "~/routes/api.fhir.r4.CarePlan.$id";
import * as planSearchRoute from "~/routes/api.fhir.r4.CarePlan._index";
import * as goalReadRoute from "~/routes/api.fhir.r4.Goal.$id";
import * as goalSearchRoute from "~/routes/api.fhir.r4.Goal._index";
import { createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { settle } from "../../../tests/helpers";
import { achieveGoal, addGoal, changeGoal, enrollClient, setAsideGoal } from "./service.server";
import { graduateClient, recordReadiness } from "./graduation.server";
import {
  SDOHCC_GOAL_PROFILE,
  US_CORE_CAREPLAN_PROFILE,
  parseCareSearch,
  toFhirCarePlan,
  toFhirGoal,
  type FhirCarePlan,
  type FhirGoal,
  type FhirSearchBundle,
} from "./fhir.server";

// ---------------------------------------------------------------------------------------------
// The profiles' constraints the hub must meet (US Core 6.1 CarePlan; SDOHCC-Goal on US Core Goal).

const XHTML_DIV = /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">[\s\S]*<\/div>$/;
type Check = (r: Record<string, unknown>) => boolean;
const codingIn = (system: string, codes: readonly string[]) => (cc: unknown) =>
  ((cc as { coding?: { system?: string; code?: string }[] })?.coding ?? []).some((c) => c.system === system && codes.includes(c.code ?? ""));
const PROFILES: Record<string, Record<string, Check>> = {
  [US_CORE_CAREPLAN_PROFILE]: {
    "text 1..1, text.status from narrative-status (generated|extensions|additional|empty), text.div xhtml": (r) => {
      const text = r.text as { status?: string; div?: string } | undefined;
      return !!text && ["generated", "extensions", "additional", "empty"].includes(text.status ?? "") && XHTML_DIV.test(text.div ?? "");
    },
    "status 1..1 from request-status": (r) => ["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"].includes(r.status as string),
    "intent 1..1 from care-plan-intent": (r) => ["proposal", "plan", "order", "option", "directive"].includes(r.intent as string),
    "category:AssessPlan 1..1 (careplan-category#assess-plan)": (r) =>
      (r.category as unknown[]).filter(codingIn("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", ["assess-plan"])).length === 1,
    "subject 1..1 Reference(US Core Patient)": (r) => /^Patient\/[0-9a-f-]{36}$/.test((r.subject as { reference?: string })?.reference ?? ""),
  },
  [SDOHCC_GOAL_PROFILE]: {
    "lifecycleStatus 1..1 from goal-status": (r) => ["proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error", "rejected"].includes(r.lifecycleStatus as string),
    "achievementStatus (SDOHCC must-support) from goal-achievement": (r) =>
      codingIn("http://terminology.hl7.org/CodeSystem/goal-achievement", ["in-progress", "improving", "worsening", "no-change", "achieved", "sustaining", "not-achieved", "no-progress", "not-attainable"])(r.achievementStatus),
    "description 1..1 (text allowed: the binding is preferred)": (r) => typeof (r.description as { text?: string })?.text === "string" && (r.description as { text: string }).text.length > 0,
    "subject 1..1 Reference(US Core Patient)": (r) => /^Patient\/[0-9a-f-]{36}$/.test((r.subject as { reference?: string })?.reference ?? ""),
    "start[x] or target.due[x] (US Core must-support: one of them)": (r) => /^\d{4}-\d{2}-\d{2}$/.test((r.startDate as string) ?? ""),
  },
};
function violations(resource: { meta: { profile: string[] } }) {
  const checks = PROFILES[resource.meta.profile[0]];
  if (!checks) return [`no constraints known for ${resource.meta.profile[0]}`];
  return Object.entries(checks).filter(([, check]) => !check(resource as unknown as Record<string, unknown>)).map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------

const planRead = withHttpErrors(planReadRoute);
const planSearch = withHttpErrors(planSearchRoute);
const goalRead = withHttpErrors(goalReadRoute);
const goalSearch = withHttpErrors(goalSearchRoute);
const get = (path: string, key?: string) => new Request(`http://localhost${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const readPlan = (id: string, key?: string) => settle(() => planRead.loader({ request: get(`/api/fhir/r4/CarePlan/${id}`, key), params: { id }, context: {} }));
const readGoal = (id: string, key?: string) => settle(() => goalRead.loader({ request: get(`/api/fhir/r4/Goal/${id}`, key), params: { id }, context: {} }));
const searchPlans = (query: string, key?: string) => settle(() => planSearch.loader({ request: get(`/api/fhir/r4/CarePlan?${query}`, key), params: {}, context: {} }));
const searchGoals = (query: string, key?: string) => settle(() => goalSearch.loader({ request: get(`/api/fhir/r4/Goal?${query}`, key), params: {}, context: {} }));
const entries = <R,>(body: unknown) => (body as FhirSearchBundle<R>).entry.map((e) => e.resource);

async function world() {
  const w = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const cm = actorFor(w.careManagerA.id, w.orgA.id);
  const key = async (organizationId: string, userId: string) => (await createApiKey({ actor: actorFor(userId, organizationId), name: "fhir care test" })).key;
  return { ...w, orgC, cm, keyA: await key(w.orgA.id, w.directorA.id), keyB: await key(w.orgB.id, w.directorB.id), keyC: await key(orgC.id, w.directorB.id) };
}
type World = Awaited<ReturnType<typeof world>>;

/** An enrolled client with three goals: one active, one achieved, one changed into a new active one. */
async function clientWithPlan(w: World, name = "Fhir Plan Person") {
  const clientId = await createClient(w.cm, { name });
  await enrollClient({ actor: w.cm, clientId, input: { program: "Enhanced care" } });
  const church = await addGoal({ actor: w.cm, clientId, input: { text: "Get back to church on Sundays" } });
  const kids = await addGoal({ actor: w.cm, clientId, input: { text: "See my grandchildren every week" } });
  const job = await addGoal({ actor: w.cm, clientId, input: { text: "Find work" } });
  await achieveGoal({ actor: w.cm, clientId, input: { goalId: kids.goalId, note: "Team note: never shared" } });
  const newJob = await changeGoal({ actor: w.cm, clientId, input: { goalId: job.goalId, text: "Find part-time work near home" } });
  const plan = await db.carePlan.findUniqueOrThrow({ where: { clientId } });
  return { clientId, planId: plan.id, goals: { church: church.goalId, kids: kids.goalId, job: job.goalId, newJob: newJob.goalId } };
}

describe("FHIR CarePlan and Goal mapping (pure)", () => {
  const at = new Date("2026-11-02T10:00:00Z");
  it("every enrollment status is a CarePlan that meets US Core CarePlan", () => {
    for (const status of ["ENROLLED", "GRADUATED", "DECLINED_FOR_NOW", "NOT_A_GOOD_FIT", null] as const) {
      const plan = toFhirCarePlan({
        id: crypto.randomUUID(), clientId: crypto.randomUUID(), createdAt: at, updatedAt: at, lastReviewedOn: null,
        organization: { id: crypto.randomUUID(), name: "Hospital" },
        enrollment: status ? { status, enrolledOn: at, graduatedOn: status === "GRADUATED" ? new Date("2027-03-01T00:00:00Z") : null } : null,
        goals: [{ id: crypto.randomUUID(), status: "ACTIVE", priority: 2 }, { id: crypto.randomUUID(), status: "ACHIEVED", priority: 1 }],
      });
      expect(violations(plan)).toEqual([]);
      expect(plan.status).toBe({ ENROLLED: "active", GRADUATED: "completed", DECLINED_FOR_NOW: "on-hold", NOT_A_GOOD_FIT: "revoked", null: "unknown" }[String(status)]);
      if (status === "GRADUATED") expect(plan.period).toEqual({ start: "2026-11-02", end: "2027-03-01" });
    }
  });

  it("every goal status is a Goal that meets SDOHCC-Goal; never deleted, so never entered-in-error", () => {
    const statuses = { ACTIVE: ["active", "in-progress"], ACHIEVED: ["completed", "achieved"], CHANGED: ["cancelled", "not-achieved"], SET_ASIDE: ["on-hold", "no-progress"] } as const;
    for (const [status, [lifecycle, achievement]] of Object.entries(statuses)) {
      const goal = toFhirGoal({ id: crypto.randomUUID(), clientId: crypto.randomUUID(), text: "Cook for my kids", status: status as keyof typeof statuses, priority: 1, statusChangedOn: status === "ACTIVE" ? null : at, replacedById: null, createdAt: at, updatedAt: at });
      expect(violations(goal)).toEqual([]);
      expect([goal.lifecycleStatus, goal.achievementStatus.coding?.[0].code]).toEqual([lifecycle, achievement]);
    }
  });

  it("the constraint table catches what the profiles require (a check that can fail)", () => {
    const broken = { resourceType: "CarePlan", meta: { profile: [US_CORE_CAREPLAN_PROFILE] }, status: "done", intent: "plan", category: [], subject: { reference: "Client/1" } };
    expect(violations(broken)).toHaveLength(4);
  });

  it("search parameters: unknown or malformed ones are refused with their name", () => {
    const parse = (resource: "CarePlan" | "Goal", q: string) => parseCareSearch(resource, new URLSearchParams(q));
    expect(parse("CarePlan", "owner=x")).toMatchObject({ ok: false, param: "owner" });
    expect(parse("CarePlan", "status=done")).toMatchObject({ ok: false, param: "status" });
    expect(parse("CarePlan", "lifecycle-status=active")).toMatchObject({ ok: false, param: "lifecycle-status" });
    expect(parse("Goal", "status=active")).toMatchObject({ ok: false, param: "status" });
    expect(parse("Goal", "patient=Patient/not-a-uuid")).toMatchObject({ ok: false, param: "patient" });
    expect(parse("Goal", `patient=${crypto.randomUUID()}&patient=${crypto.randomUUID()}`)).toMatchObject({ ok: false, param: "patient" });
    expect(parse("Goal", "_count=201")).toMatchObject({ ok: false, param: "_count" });
    expect(parse("Goal", "_cursor=garbage")).toMatchObject({ ok: false, param: "_cursor" });
    const id = crypto.randomUUID();
    expect(parse("Goal", `patient=Patient/${id}&lifecycle-status=active,completed&_count=5`)).toEqual({ ok: true, search: { patientId: id, statuses: [["active", "completed"]], count: 5, cursor: null } });
  });
});

describe("FHIR CarePlan and Goal API", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("without an API key: 401 OperationOutcome", async () => {
    const result = await readPlan(crypto.randomUUID());
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
  });

  it("the owner reads the plan and its goals, shaped by the profiles, the client's order kept, no name or team note; audited", async () => {
    const { clientId, planId, goals } = await clientWithPlan(w, "Owner Reads Person");
    const result = await readPlan(planId, w.keyA);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const plan = result.body as FhirCarePlan;
    expect(violations(plan)).toEqual([]);
    expect(plan).toMatchObject({ resourceType: "CarePlan", id: planId, status: "active", intent: "plan", subject: { reference: `Patient/${clientId}` }, author: { reference: `Organization/${w.orgA.id}` }, period: { start: isoDay(0) } });
    expect(plan.text.div).toContain("2 active goals of 4");
    // The client's order: church (1), the achieved one (2), the changed work goal (3) and the new one that took its place (3).
    expect(plan.goal.map((g) => g.reference)).toEqual([goals.church, goals.kids, goals.job, goals.newJob].map((id) => `Goal/${id}`));

    const kids = (await readGoal(goals.kids, w.keyA)).body as FhirGoal;
    expect(violations(kids)).toEqual([]);
    expect(kids).toMatchObject({ lifecycleStatus: "completed", achievementStatus: { coding: [{ code: "achieved" }] }, description: { text: "See my grandchildren every week" }, expressedBy: { reference: `Patient/${clientId}` }, statusDate: isoDay(0) });
    const old = (await readGoal(goals.job, w.keyA)).body as FhirGoal;
    expect(old).toMatchObject({ lifecycleStatus: "cancelled", statusReason: `Changed by the client: replaced by Goal/${goals.newJob}` });

    const everything = JSON.stringify([plan, kids, old]);
    expect(everything).not.toContain("Owner Reads Person");
    expect(everything).not.toContain("Team note");
    const reads = await db.auditEvent.findMany({ where: { action: "care.fhir_read", subjectId: clientId } });
    expect(reads).toHaveLength(3);
    expect(reads.every((e) => e.organizationId === w.orgA.id)).toBe(true);
    expect(JSON.stringify(reads.map((e) => e.metadata))).not.toContain("grandchildren");
  });

  it("search by patient and status; a Goal search by lifecycle-status; the owner's open search covers only its own clients", async () => {
    const { clientId, planId, goals } = await clientWithPlan(w);
    const other = await clientWithPlan(w);
    await setAsideGoal({ actor: w.cm, clientId: other.clientId, input: { goalId: other.goals.church } });

    const byPatient = await searchPlans(`patient=Patient/${clientId}`, w.keyA);
    expect(byPatient.status).toBe(200);
    expect(byPatient.body).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
    expect(entries<FhirCarePlan>(byPatient.body).map((p) => p.id)).toEqual([planId]);
    expect((await searchPlans(`patient=${clientId}&status=active`, w.keyA)).body).toMatchObject({ total: 1 });
    expect((await searchPlans(`patient=${clientId}&status=completed,on-hold`, w.keyA)).body).toMatchObject({ total: 0 });

    const active = entries<FhirGoal>((await searchGoals(`patient=${clientId}&lifecycle-status=active`, w.keyA)).body);
    expect(active.map((g) => g.id).sort()).toEqual([goals.church, goals.newJob].sort());
    expect(entries<FhirGoal>((await searchGoals(`patient=${clientId}&lifecycle-status=completed`, w.keyA)).body).map((g) => g.id)).toEqual([goals.kids]);
    expect(entries<FhirGoal>((await searchGoals(`patient=${other.clientId}&lifecycle-status=on-hold`, w.keyA)).body).map((g) => g.id)).toEqual([other.goals.church]);

    // Open search: A's plans (both here), none of B's own clients' plans.
    const cmB = actorFor(w.directorB.id, w.orgB.id, { role: "DIRECTOR" });
    const clientOfB = await createClient(cmB);
    await enrollClient({ actor: cmB, clientId: clientOfB, input: { program: "B's program" } });
    await addGoal({ actor: cmB, clientId: clientOfB, input: { text: "B's client's goal" } });
    const openA = entries<FhirCarePlan>((await searchPlans("_count=200", w.keyA)).body).map((p) => p.subject.reference);
    expect(openA).toEqual(expect.arrayContaining([`Patient/${clientId}`, `Patient/${other.clientId}`]));
    expect(openA).not.toContain(`Patient/${clientOfB}`);
    expect(entries<FhirCarePlan>((await searchPlans("_count=200", w.keyB)).body).map((p) => p.subject.reference)).toEqual([`Patient/${clientOfB}`]);
  });

  it("a graduated client's plan is completed; a status search finds it", async () => {
    const { clientId, planId } = await clientWithPlan(w);
    await recordReadiness({ actor: w.cm, clientId, input: { goalsMet: true, selfManagement: true, stableLevel: true } });
    await graduateClient({ actor: w.cm, clientId, input: { goalsAchieved: "Housing kept", whatContinues: "Clinic visits", whoToCall: "The clinic" } });
    expect(((await readPlan(planId, w.keyA)).body as FhirCarePlan).status).toBe("completed");
    expect(entries<FhirCarePlan>((await searchPlans(`patient=${clientId}&status=completed`, w.keyA)).body).map((p) => p.id)).toEqual([planId]);
  });

  it("a partner named by a current Care plan authorization reads plan and goals, each read recorded as a disclosure", async () => {
    const { clientId, planId, goals } = await clientWithPlan(w);
    await createAuthorization(w.cm, clientId, { recipientIds: [w.orgB.id], categories: ["CARE_PLAN"] });
    const plan = await readPlan(planId, w.keyB);
    expect(plan.status).toBe(200);
    expect(violations(plan.body as FhirCarePlan)).toEqual([]);
    expect((await readGoal(goals.church, w.keyB)).status).toBe(200);
    expect(entries<FhirGoal>((await searchGoals(`patient=Patient/${clientId}`, w.keyB)).body)).toHaveLength(4);
    expect(entries<FhirCarePlan>((await searchPlans(`patient=Patient/${clientId}`, w.keyB)).body).map((p) => p.id)).toEqual([planId]);
    const disclosures = await db.disclosure.findMany({ where: { clientId, recipientOrganizationId: w.orgB.id } });
    expect(disclosures.map((d) => d.channel).sort()).toEqual(["fhir.care_plan", "fhir.care_plan", "fhir.goal", "fhir.goal"]);
    expect(disclosures.every((d) => d.categories.join() === "CARE_PLAN" && d.apiKeyId)).toBe(true);
    // Not swept into an open search: the partner names the client it asks about.
    expect(entries<FhirCarePlan>((await searchPlans("_count=200", w.keyB)).body).map((p) => p.id)).not.toContain(planId);
  });

  it("unnamed, not covering the care plan, revoked, expired, Part 2 only: 404 / empty, audited, nothing disclosed", async () => {
    const { clientId, planId, goals } = await clientWithPlan(w);
    // C is named, but only for social needs; then under a Part 2 authorization for substance use records only.
    await createAuthorization(w.cm, clientId, { recipientIds: [w.orgC.id], categories: ["SOCIAL_NEEDS"] });
    await createAuthorization(w.cm, clientId, { recipientIds: [w.orgC.id], form: "PART2", categories: ["SUD_PART2"], ackPart2: "on" });
    expect((await readPlan(planId, w.keyC)).status).toBe(404);
    expect((await readGoal(goals.church, w.keyC)).status).toBe(404);
    expect((await searchGoals(`patient=${clientId}`, w.keyC)).body).toMatchObject({ total: 0, entry: [] });
    expect((await searchPlans(`patient=${clientId}`, w.keyC)).body).toMatchObject({ total: 0, entry: [] });
    // B: not named at all yet.
    expect((await readPlan(planId, w.keyB)).status).toBe(404);

    const { authorizationId } = await createAuthorization(w.cm, clientId, { recipientIds: [w.orgB.id], categories: ["CARE_PLAN"] });
    expect((await readPlan(planId, w.keyB)).status).toBe(200);
    await revokeAuthorization({ actor: w.cm, clientId, input: { authorizationId, receivedVia: "MAIL" } });
    expect((await readPlan(planId, w.keyB)).status).toBe(404);
    expect((await readGoal(goals.church, w.keyB)).status).toBe(404);

    const expiredClient = await clientWithPlan(w);
    await createAuthorization(w.cm, expiredClient.clientId, { recipientIds: [w.orgB.id], categories: ["CARE_PLAN"], effectiveDate: isoDay(-60), expiresOn: isoDay(-1) });
    expect((await readPlan(expiredClient.planId, w.keyB)).status).toBe(404);

    expect(await db.disclosure.count({ where: { clientId, recipientOrganizationId: w.orgC.id } })).toBe(0);
    expect(await db.disclosure.count({ where: { clientId: expiredClient.clientId } })).toBe(0);
    const refusals = await db.auditEvent.findMany({ where: { action: "consent.disclosure_refused", subjectId: { in: [clientId, expiredClient.clientId] } } });
    expect(JSON.stringify(refusals.map((r) => r.metadata))).toContain("revoked");
    expect(JSON.stringify(refusals.map((r) => r.metadata))).toContain("expired");
    expect(await db.auditEvent.count({ where: { action: "care.fhir_read_refused", subjectId: clientId, organizationId: w.orgA.id } })).toBeGreaterThanOrEqual(4);
  });

  it("unknown ids and ids that are not ids: 404 OperationOutcome", async () => {
    for (const result of [await readPlan(crypto.randomUUID(), w.keyA), await readGoal(crypto.randomUUID(), w.keyA), await readPlan("not-an-id", w.keyA), await readGoal("1 OR 1=1", w.keyA)]) {
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
    }
    expect((await searchPlans(`patient=${crypto.randomUUID()}`, w.keyA)).body).toMatchObject({ total: 0 });
  });

  it("bad parameters: 400 naming the parameter", async () => {
    for (const [query, param] of [["foo=1", "foo"], ["status=finished", "status"], ["patient=nobody", "patient"], ["_count=1000", "_count"]] as const) {
      const result = await searchPlans(query, w.keyA);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid", expression: [param], diagnostics: expect.stringContaining(param) }] });
    }
    expect((await searchGoals("lifecycle-status=achieved", w.keyA)).body).toMatchObject({ issue: [{ expression: ["lifecycle-status"] }] });
  });

  it("pages with next links until every match is seen once", async () => {
    const { clientId } = await clientWithPlan(w);
    const seen: string[] = [];
    let page = await searchGoals(`patient=${clientId}&_count=3`, w.keyA);
    expect(page.body).toMatchObject({ total: 4 });
    for (;;) {
      const bundle = page.body as FhirSearchBundle<FhirGoal>;
      seen.push(...bundle.entry.map((e) => e.resource.id));
      const next = bundle.link.find((l) => l.relation === "next");
      if (!next) break;
      page = await settle(() => goalSearch.loader({ request: get(next.url.replace(/^http:\/\/localhost/, ""), w.keyA), params: {}, context: {} }));
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });
});
