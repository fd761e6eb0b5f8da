/**
 * The FHIR Task/ServiceRequest API through its route loaders, on a real database: the shapes
 * against the SDOH Clinical Care IG profiles' required elements, every search parameter, paging,
 * isolation (a third organization sees nothing), and API-key authentication.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createApiKey, revokeApiKey } from "~/modules/org/api-keys.server";
import { GRAVITY_CODE_SYSTEM } from "~/modules/sdoh/roll-up";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as taskReadRoute from "~/routes/api.fhir.r4.Task.$id";
import * as taskSearchRoute from "~/routes/api.fhir.r4.Task._index";
import * as serviceRequestReadRoute from "~/routes/api.fhir.r4.ServiceRequest.$id";
import { createReferralWorld, createService, sendTestReferral } from "../../../tests/referral-factories";
import { settle, withoutRandomHex } from "../../../tests/helpers";
import { transitionReferral } from "./service.server";
import { REFERRAL_STATUSES } from "./state-machine";
import { actorFor } from "../../../tests/actors";
import {
  SDOHCC_SERVICE_REQUEST_PROFILE,
  SDOHCC_TASK_PROFILE,
  fhirInstantRange,
  parseTaskSearch,
  toFhirServiceRequest,
  toFhirTask,
  type FhirServiceRequest,
  type FhirTask,
  type FhirTaskBundle,
  type ReferralForFhir,
} from "./fhir.server";

// Behind the one mapper, as server/index.ts serves them: errors are OperationOutcomes.
const taskRead = withHttpErrors(taskReadRoute);
const taskSearch = withHttpErrors(taskSearchRoute);
const serviceRequestRead = withHttpErrors(serviceRequestReadRoute);
const get = (path: string, key?: string) => new Request(`http://localhost${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const readTask = (id: string, key?: string) => settle(() => taskRead.loader({ request: get(`/api/fhir/r4/Task/${id}`, key), params: { id }, context: {} }));
const readServiceRequest = (id: string, key?: string) => settle(() => serviceRequestRead.loader({ request: get(`/api/fhir/r4/ServiceRequest/${id}`, key), params: { id }, context: {} }));
const search = (query: string, key?: string) => settle(() => taskSearch.loader({ request: get(`/api/fhir/r4/Task?${query}`, key), params: {}, context: {} }));
const searchUrl = (url: string, key: string) => settle(() => taskSearch.loader({ request: get(url.replace(/^http:\/\/localhost/, ""), key), params: {}, context: {} }));

async function world() {
  const w = await createReferralWorld();
  const key = async (organizationId: string, userId: string) => (await createApiKey({ actor: actorFor(userId, organizationId), name: "fhir test" })).key;
  return { ...w, keyA: await key(w.orgA.id, w.directorA.id), keyB: await key(w.orgB.id, w.directorB.id), keyC: await key(w.orgC.id, w.directorB.id) };
}

const fixture = (overrides: Partial<ReferralForFhir> = {}): ReferralForFhir => ({
  id: crypto.randomUUID(),
  clientId: crypto.randomUUID(),
  status: "REQUESTED",
  statusReason: null,
  statusReasonText: null,
  outcome: null,
  outcomeText: null,
  priority: "URGENT",
  sdohCodes: ["food-insecurity", "transportation-insecurity"],
  version: 3,
  sentAt: new Date("2025-02-01T10:00:00Z"),
  createdAt: new Date("2025-02-01T10:00:00Z"),
  updatedAt: new Date("2025-02-03T12:00:00Z"),
  sender: { id: crypto.randomUUID(), name: "Hospital" },
  recipient: { id: crypto.randomUUID(), name: "Food Bank" },
  service: { name: "Weekly groceries" },
  ...overrides,
});

describe("FHIR mapping (pure)", () => {
  it.each(REFERRAL_STATUSES)("a %s referral is a Task with every element SDOHCC-TaskForReferralManagement requires", (status) => {
    const r = fixture({ status, statusReason: ["REJECTED", "FAILED"].includes(status) ? "NOT_ELIGIBLE" : null, statusReasonText: status === "REJECTED" ? null : "Client moved away" });
    const task = toFhirTask(r);
    expect(task.meta.profile).toEqual([SDOHCC_TASK_PROFILE]);
    expect(SDOHCC_TASK_PROFILE).toBe("http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement");
    expect(task.status).toBe(status.toLowerCase().replace(/_/g, "-"));
    expect(task.intent).toBe("order");
    expect(task.code.coding).toEqual([{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "fulfill", display: "Fulfill the focal request" }]);
    expect(task.focus).toEqual({ reference: `ServiceRequest/${r.id}` });
    expect(task.for).toEqual({ reference: `Patient/${r.clientId}` });
    expect(task.authoredOn).toBe("2025-02-01T10:00:00.000Z");
    expect(task.lastModified).toBe("2025-02-03T12:00:00.000Z");
    expect(task.requester).toEqual({ reference: `Organization/${r.sender.id}`, display: "Hospital" });
    expect(task.owner).toEqual({ reference: `Organization/${r.recipient.id}`, display: "Food Bank" });
    expect(task.priority).toBe("urgent");
    if (["REJECTED", "CANCELLED", "ON_HOLD", "FAILED"].includes(status)) expect(task.statusReason?.text).toMatch(/\w/);
    else expect(task.statusReason).toBeUndefined();
  });

  it("statusReason carries the coded reason and its explanation; output carries the completed outcome", () => {
    expect(toFhirTask(fixture({ status: "REJECTED", statusReason: "NOT_A_GOOD_FIT", statusReasonText: "Serves families only" })).statusReason).toEqual({
      coding: [{ system: "urn:coalition-hub:referral-reason", code: "not-a-good-fit", display: "Not a good fit" }],
      text: "Not a good fit: Serves families only",
    });
    expect(toFhirTask(fixture({ status: "CANCELLED", statusReasonText: "Sent by mistake" })).statusReason).toEqual({ text: "Sent by mistake" });
    const done = toFhirTask(fixture({ status: "COMPLETED", outcome: "GOT_HELP", outcomeText: "Two weeks of groceries" }));
    expect(done.output).toEqual([
      { type: { coding: [{ system: "urn:coalition-hub:referral-outcome", code: "outcome", display: "Referral outcome" }] }, valueCodeableConcept: { coding: [{ system: "urn:coalition-hub:referral-outcome", code: "got-help", display: "Got help" }], text: "Two weeks of groceries" } },
    ]);
    expect(toFhirTask(fixture({ status: "IN_PROGRESS" })).output).toBeUndefined();
  });

  it("a ServiceRequest with the elements SDOHCC-ServiceRequest (on US Core) requires, its status following the Task", () => {
    const r = fixture();
    const sr = toFhirServiceRequest(r);
    expect(sr).toMatchObject({
      resourceType: "ServiceRequest",
      id: r.id,
      meta: { profile: [SDOHCC_SERVICE_REQUEST_PROFILE], versionId: "3" },
      status: "active",
      intent: "order",
      priority: "urgent",
      code: { text: "Weekly groceries" },
      subject: { reference: `Patient/${r.clientId}` },
      authoredOn: "2025-02-01T10:00:00.000Z",
      requester: { reference: `Organization/${r.sender.id}` },
      performer: [{ reference: `Organization/${r.recipient.id}`, display: "Food Bank" }],
    });
    expect(SDOHCC_SERVICE_REQUEST_PROFILE).toBe("http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest");
    expect(sr.category).toEqual([
      { coding: [{ system: GRAVITY_CODE_SYSTEM, code: "food-insecurity", display: "Food Insecurity" }] },
      { coding: [{ system: GRAVITY_CODE_SYSTEM, code: "transportation-insecurity", display: "Transportation Insecurity" }] },
    ]);
    const statusOf = (status: ReferralForFhir["status"]) => toFhirServiceRequest(fixture({ status })).status;
    expect([statusOf("REQUESTED"), statusOf("ACCEPTED"), statusOf("IN_PROGRESS"), statusOf("ON_HOLD")]).toEqual(["active", "active", "active", "active"]);
    expect(statusOf("COMPLETED")).toBe("completed");
    expect([statusOf("REJECTED"), statusOf("FAILED"), statusOf("CANCELLED")]).toEqual(["revoked", "revoked", "revoked"]);
    expect(statusOf("ENTERED_IN_ERROR")).toBe("entered-in-error");
    expect(toFhirServiceRequest(fixture({ service: null })).code.text).toBe("Help with: Food Insecurity, Transportation Insecurity");
  });

  it("FHIR dates name intervals at their precision", () => {
    expect(fhirInstantRange("2025")).toEqual({ start: new Date("2025-01-01T00:00:00Z"), end: new Date("2026-01-01T00:00:00Z") });
    expect(fhirInstantRange("2025-12")).toEqual({ start: new Date("2025-12-01T00:00:00Z"), end: new Date("2026-01-01T00:00:00Z") });
    expect(fhirInstantRange("2025-02-28")).toEqual({ start: new Date("2025-02-28T00:00:00Z"), end: new Date("2025-03-01T00:00:00Z") });
    expect(fhirInstantRange("2025-02-28T10:00:00+02:00")).toEqual({ start: new Date("2025-02-28T08:00:00Z"), end: new Date("2025-02-28T08:00:01Z") });
    expect(fhirInstantRange("2025-02-28T10:00:00.250Z")?.start.toISOString()).toBe("2025-02-28T10:00:00.250Z");
    for (const bad of ["2025-02-30", "2025-13", "2025-02-28T10:00:00", "yesterday", "2025-1-1"]) expect(fhirInstantRange(bad)).toBeNull();
  });

  it("unknown or malformed search parameters are refused, not ignored", () => {
    const parse = (q: string) => parseTaskSearch(new URLSearchParams(q));
    expect(parse("patient=Patient/x")).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown search parameter "patient"/) });
    expect(parse("status=bogus").ok).toBe(false);
    expect(parse("owner=Organization/not-a-uuid").ok).toBe(false);
    expect(parse("_lastUpdated=2025-01-01T00:00:00").ok).toBe(false);
    expect(parse("_lastUpdated=ne2025-01-01").ok).toBe(false);
    expect(parse("_count=201").ok).toBe(false);
    expect(parse("_count=-1").ok).toBe(false);
    expect(parse("_cursor=garbage").ok).toBe(false);
    expect(parse("status=accepted,in-progress&status=accepted")).toMatchObject({ ok: true, search: { status: [["ACCEPTED", "IN_PROGRESS"], ["ACCEPTED"]] } });
  });
});

describe("FHIR Task and ServiceRequest API", () => {
  it("without a key, or with a revoked key: 401 with an OperationOutcome", async () => {
    const w = await world();
    const referral = await sendTestReferral(w);
    expect((await readTask(referral.id)).status).toBe(401);
    const { apiKey, key } = await createApiKey({ actor: actorFor(w.directorA.id, w.orgA.id), name: "to revoke" });
    expect((await readTask(referral.id, key)).status).toBe(200);
    await revokeApiKey({ actor: actorFor(w.directorA.id, w.orgA.id), apiKeyId: apiKey.id });
    const refused = await search("", key);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
    expect((await readServiceRequest(referral.id, key)).status).toBe(401);
  });

  it("sender and recipient read the Task and ServiceRequest; nothing about the client but its id; audited with the key", async () => {
    const w = await world();
    const service = await createService(w.orgB.id, w.coalition.id, { name: "Saturday pantry" });
    const referral = await sendTestReferral(w, { serviceId: service.id, priority: "URGENT" });
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } });
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "COMPLETED", version: 2, outcome: "GOT_HELP", outcomeText: "Enrolled in the pantry" } });

    for (const key of [w.keyA, w.keyB]) {
      const result = await readTask(referral.id, key);
      expect(result.status).toBe(200);
      expect(result.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
      const task = result.body as FhirTask;
      expect(task).toMatchObject({
        resourceType: "Task",
        id: referral.id,
        meta: { profile: [SDOHCC_TASK_PROFILE], versionId: "3" },
        status: "completed",
        intent: "order",
        priority: "urgent",
        focus: { reference: `ServiceRequest/${referral.id}` },
        for: { reference: `Patient/${w.clientId}` },
        requester: { reference: `Organization/${w.orgA.id}`, display: w.orgA.name },
        owner: { reference: `Organization/${w.orgB.id}`, display: w.orgB.name },
        output: [{ valueCodeableConcept: { coding: [{ code: "got-help" }], text: "Enrolled in the pantry" } }],
      });
      const sr = (await readServiceRequest(referral.id, key)).body as FhirServiceRequest;
      expect(sr).toMatchObject({ resourceType: "ServiceRequest", status: "completed", code: { text: "Saturday pantry" }, category: [{ coding: [{ system: GRAVITY_CODE_SYSTEM, code: "food-insecurity" }] }] });
      const json = withoutRandomHex(JSON.stringify(task) + JSON.stringify(sr));
      for (const secret of ["Rosalind", "Featherstonehaugh", "1961", "555-0100", "Elm St", "groceries this week"]) expect(json).not.toContain(secret);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "referral.fhir_read", subjectId: referral.id, organizationId: w.orgB.id }, orderBy: { seq: "desc" } });
    expect(audit.metadata).toMatchObject({ resource: "ServiceRequest", apiKeyId: expect.any(String) });
  });

  it("a third organization, an unknown id and a malformed id all get 404 (and the refusal is audited)", async () => {
    const w = await world();
    const referral = await sendTestReferral(w);
    for (const id of [referral.id, crypto.randomUUID(), "not-a-uuid"]) {
      const task = await readTask(id, w.keyC);
      expect(task.status).toBe(404);
      expect(task.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
      expect((await readServiceRequest(id, w.keyC)).status).toBe(404);
    }
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "referral.fhir_read_refused", organizationId: w.orgC.id }, orderBy: { seq: "desc" } });
    expect(refusal.metadata).toMatchObject({ apiKeyId: expect.any(String) });
    expect(((await search("", w.keyC)).body as FhirTaskBundle).total).toBe(0);
  });

  it("searches by owner, requester, status (comma = any) and _lastUpdated ranges, alone and combined", async () => {
    const w = await world();
    const one = await sendTestReferral(w);
    const two = await sendTestReferral(w);
    const three = await sendTestReferral(w);
    await transitionReferral({ actor: w.receiver, referralId: two.id, input: { to: "ACCEPTED", version: 1 } });
    await transitionReferral({ actor: w.receiver, referralId: three.id, input: { to: "REJECTED", version: 1, reason: "NO_CAPACITY" } });
    const at = (iso: string) => new Date(iso);
    await db.referral.update({ where: { id: one.id }, data: { updatedAt: at("2025-01-10T09:00:00Z") } });
    await db.referral.update({ where: { id: two.id }, data: { updatedAt: at("2025-01-20T09:00:00Z") } });
    await db.referral.update({ where: { id: three.id }, data: { updatedAt: at("2025-01-31T23:59:59Z") } });
    const ids = async (query: string, key = w.keyA) => {
      const result = await search(query, key);
      expect(result.status).toBe(200);
      return (result.body as FhirTaskBundle).entry.map((e) => e.resource.id);
    };
    const mine = [one.id, two.id, three.id];
    const own = (list: string[]) => list.filter((id) => mine.includes(id));

    expect(own(await ids(""))).toEqual(mine); // oldest change first
    expect(await ids(`owner=Organization/${w.orgB.id}&_lastUpdated=ge2025-01-01&_lastUpdated=lt2025-02-01`)).toEqual(mine);
    expect(await ids(`owner=${w.orgC.id}`)).toEqual([]);
    expect(own(await ids(`requester=Organization/${w.orgA.id}`))).toEqual(mine);
    expect(await ids(`requester=Organization/${w.orgB.id}`)).toEqual([]);
    expect(own(await ids("status=accepted"))).toEqual([two.id]);
    expect(own(await ids("status=requested,rejected"))).toEqual([one.id, three.id]);
    expect(own(await ids("status=requested,rejected&status=rejected"))).toEqual([three.id]);
    expect(await ids(`status=accepted&owner=Organization/${w.orgB.id}&requester=Organization/${w.orgA.id}&_lastUpdated=ge2025-01-20T09:00:00Z&_lastUpdated=le2025-01-20`)).toEqual([two.id]);
    // Prefix semantics at the value's precision: gt a day is after the whole day, le includes it.
    expect(own(await ids("_lastUpdated=gt2025-01-20&_lastUpdated=lt2025-02"))).toEqual([three.id]);
    expect(own(await ids("_lastUpdated=le2025-01-31&_lastUpdated=ge2025"))).toEqual(mine);
    expect(own(await ids("_lastUpdated=lt2025-01-31T23:59:59Z&_lastUpdated=gt2025-01-10T09:00:00Z"))).toEqual([two.id]);
    expect(own(await ids("_lastUpdated=2025-01-10"))).toEqual([one.id]);
    // The recipient sees the same referrals; the third organization none of them.
    expect(own(await ids(`requester=Organization/${w.orgA.id}`, w.keyB))).toEqual(mine);
    expect(await ids(`owner=Organization/${w.orgB.id}`, w.keyC)).toEqual([]);
    expect((await search("subject=Patient/x", w.keyA)).status).toBe(400);
    expect((await search("status=open", w.keyA)).body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid" }] });
  });

  it("pages with _count and next links until every match has been seen once", async () => {
    const w = await world();
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push((await sendTestReferral(w)).id);
    const first = await search(`owner=Organization/${w.orgB.id}&_count=2`, w.keyB);
    let bundle = first.body as FhirTaskBundle;
    expect(bundle.total).toBe(5);
    const seen = bundle.entry.map((e) => e.resource.id);
    expect(seen).toHaveLength(2);
    let pages = 1;
    while (bundle.link.some((l) => l.relation === "next")) {
      const next = bundle.link.find((l) => l.relation === "next")!.url;
      expect(next).toContain("_count=2");
      bundle = (await searchUrl(next, w.keyB)).body as FhirTaskBundle;
      seen.push(...bundle.entry.map((e) => e.resource.id));
      pages += 1;
    }
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...sent].sort());
    expect(bundle.link.map((l) => l.relation)).toEqual(["self"]);
    const countOnly = (await search(`owner=Organization/${w.orgB.id}&_count=0`, w.keyB)).body as FhirTaskBundle;
    expect(countOnly).toMatchObject({ total: 5, entry: [] });
    // The page's entries point at their Task.
    expect(first.body).toMatchObject({ entry: [{ fullUrl: `http://localhost/api/fhir/r4/Task/${seen[0]}`, search: { mode: "match" } }, {}] });
  });

  it("a search is audited with the key and what it returned", async () => {
    const w = await world();
    const referral = await sendTestReferral(w);
    await search("status=requested", w.keyB);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "referral.fhir_search", organizationId: w.orgB.id }, orderBy: { seq: "desc" } });
    expect(event.metadata).toMatchObject({ apiKeyId: expect.any(String), query: "?status=requested", returned: [referral.id], total: 1 });
  });
});
