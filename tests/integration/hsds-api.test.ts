/**
 * The HSDS 3.0 API on a real database, every response validated against the official schemas:
 * paging shape, query parameters, public vs coalition-only records, API keys, bad input.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { beforeAll, describe, expect, it } from "vitest";
import * as rootModule from "~/routes/api.hsds._index";
import * as servicesModule from "~/routes/api.hsds.services._index";
import * as serviceModule from "~/routes/api.hsds.services.$id";
import * as organizationsModule from "~/routes/api.hsds.organizations._index";
import * as organizationModule from "~/routes/api.hsds.organizations.$id";
import * as taxonomiesModule from "~/routes/api.hsds.taxonomies._index";
import * as taxonomyModule from "~/routes/api.hsds.taxonomies.$id";
import * as termsModule from "~/routes/api.hsds.taxonomy_terms._index";
import * as termModule from "~/routes/api.hsds.taxonomy_terms.$id";
import * as salsModule from "~/routes/api.hsds.service_at_locations._index";
import * as salModule from "~/routes/api.hsds.service_at_locations.$id";
import { saveServiceLocation } from "~/modules/directory/service.server";
import { createApiKey } from "~/modules/org/api-keys.server";
import { categoryTermId, domainTermId, SDOH_TAXONOMY } from "~/modules/directory/hsds/taxonomy";
import { db } from "~/utils/db.server";
import { createCoalition, createTwoOrganizationWorld } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";
import { HSDS_AVAILABLE, hsdsErrors } from "../hsds-schemas";
import { actorFor } from "../actors";
import { coalitionActorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const root = withHttpErrors(rootModule);
const services = withHttpErrors(servicesModule);
const service = withHttpErrors(serviceModule);
const organizations = withHttpErrors(organizationsModule);
const organization = withHttpErrors(organizationModule);
const taxonomies = withHttpErrors(taxonomiesModule);
const taxonomy = withHttpErrors(taxonomyModule);
const terms = withHttpErrors(termsModule);
const term = withHttpErrors(termModule);
const sals = withHttpErrors(salsModule);
const sal = withHttpErrors(salModule);

type World = Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
type Page<T = Record<string, unknown>> = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: T[] };

let world: World;
let publicId: string;
let privateId: string;
let nightId: string;
let key: string;

const call = async (route: { loader: (a: never) => Promise<Response> }, path: string, init: { headers?: Record<string, string>; params?: Record<string, string> } = {}) => {
  const request = new Request(`http://localhost${path}`, { headers: init.headers });
  return settle(() => route.loader({ request, params: init.params ?? {}, context: {} } as never));
};
const q = () => `coalition=${world.coalition.slug}`;

function expectPage(body: unknown) {
  const page = body as Page;
  for (const k of ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]) expect(page).toHaveProperty(k);
  expect(page.size).toBe(page.contents.length);
  return page;
}

beforeAll(async () => {
  world = await createTwoOrganizationWorld();
  const actor = (userId: string, organizationId: string, name: string) => coalitionActorFor(userId, organizationId, world.coalition.id, { role: "DIRECTOR", userName: "Director", organizationName: name });
  const base = { intent: "save-service" as const, description: "Groceries every week", locationName: "Parish Hall", address1: "1 Main St", city: "Pueblo", postalCode: "81003", free: true, languages: ["en", "es"] as ("en" | "es")[], byday: ["TU", "TH"] as ("TU" | "TH")[], opensAt: "10:00", closesAt: "14:00", capacityStatus: "CAPACITY" as const, capacityAvailable: 12, capacityMaximum: 40, capacityUnit: "households" };
  publicId = (await saveServiceLocation({ actor: actor(world.directorA.id, world.orgA.id, "Org A"), input: { ...base, name: "Tuesday Pantry", latitude: 38.27, longitude: -104.61, sdohCodes: ["food-insecurity"], visibility: "PUBLIC", eligibility: "Anyone" } })).service.id;
  privateId = (await saveServiceLocation({ actor: actor(world.directorB.id, world.orgB.id, "Org B"), input: { ...base, name: "Safe House Advocacy", latitude: 38.30, longitude: -104.65, postalCode: "81008", sdohCodes: ["intimate-partner-violence"], visibility: "COALITION", capacityStatus: null } })).service.id;
  nightId = (await saveServiceLocation({ actor: actor(world.directorA.id, world.orgA.id, "Org A"), input: { ...base, name: "Night Shelter", latitude: 38.20, longitude: -104.50, postalCode: "81006", sdohCodes: ["homelessness"], visibility: "PUBLIC", opensAt: "19:00", closesAt: "07:00", byday: [] } })).service.id;
  key = (await createApiKey({ actor: actorFor(world.directorB.id, world.orgB.id), name: "211 sync" })).key;
});

describe("HSDS 3.0 API", () => {
  it.skipIf(!HSDS_AVAILABLE)("(sanity) the official schemas reject what is not HSDS", () => {
    expect(hsdsErrors("compiled/service", { id: "not-a-uuid", name: "x" }).join()).toMatch(/status|uuid/);
    expect(hsdsErrors("compiled/service", { id: publicId, name: "x", status: "open" }).join()).toMatch(/allowed values/);
    expect(hsdsErrors("organization", { id: publicId, name: "x", description: "y", funding: [{}] }).join()).toMatch(/id/);
    expect(hsdsErrors("taxonomy_term", { id: publicId, name: "x" }).join()).toMatch(/description/);
  });

  it("/ answers the HSDS version", async () => {
    const result = await call(root, `/api/hsds?${q()}`);
    expect(result.body).toMatchObject({ version: "3.0" });
  });

  it.skipIf(!HSDS_AVAILABLE)("/services: public services for anyone, in the paging shape, each valid against compiled/service_list.json", async () => {
    const result = await call(services, `/api/hsds/services?${q()}`);
    expect(result.status).toBe(200);
    const page = expectPage(result.body);
    const names = page.contents.map((s) => s.name);
    expect(names).toEqual(["Night Shelter", "Tuesday Pantry"]);
    for (const s of page.contents) expect(hsdsErrors("compiled/service_list", s)).toEqual([]);
    expect(page.contents[1]).toMatchObject({ id: publicId, organization_id: world.orgA.id, status: "active", eligibility_description: "Anyone" });
  });

  it.skipIf(!HSDS_AVAILABLE)("coalition-only services need a signed-in member or a member's API key", async () => {
    const anon = await call(service, `/api/hsds/services/${privateId}?${q()}`, { params: { id: privateId } });
    expect(anon.status).toBe(404);
    const withKey = await call(service, `/api/hsds/services/${privateId}`, { params: { id: privateId }, headers: { authorization: `Bearer ${key}` } });
    expect(withKey.status).toBe(200);
    expect(hsdsErrors("compiled/service", withKey.body)).toEqual([]);
    const asA = await signedInRequester(world.careManagerA.email);
    const list = await settle(() => services.loader({ request: asA.get("/api/hsds/services"), params: {}, context: {} }));
    expect((list.body as Page).contents.map((s) => s.name)).toContain("Safe House Advocacy");
    const wrongKey = await call(services, `/api/hsds/services?${q()}`, { headers: { authorization: "Bearer chub_thisisnotarealkey12345" } });
    expect((wrongKey.body as Page).contents.map((s) => s.name)).not.toContain("Safe House Advocacy");
  });

  it.skipIf(!HSDS_AVAILABLE)("/services/{id} is a fully nested service valid against compiled/service.json, with UUIDs, SDOH attributes, schedules and capacity", async () => {
    const result = await call(service, `/api/hsds/services/${publicId}?${q()}`, { params: { id: publicId } });
    expect(hsdsErrors("compiled/service", result.body)).toEqual([]);
    const body = result.body as { organization: { id: string }; service_at_locations: { location: { latitude: number; addresses: unknown[] } }[]; schedules: { byday: string; opens_at: string }[]; attributes: { taxonomy_term_id: string }[]; languages: { code: string }[]; service_capacity: { available: number }[] };
    expect(body.organization.id).toBe(world.orgA.id);
    expect(body.service_at_locations[0].location).toMatchObject({ latitude: 38.27, addresses: [expect.objectContaining({ postal_code: "81003", country: "US" })] });
    expect(body.schedules[0]).toMatchObject({ byday: "TU,TH", opens_at: "10:00", closes_at: "14:00" });
    expect(body.attributes.map((a) => a.taxonomy_term_id)).toEqual([categoryTermId("food-insecurity")]);
    expect(body.languages.map((l) => l.code)).toEqual(["en", "es"]);
    expect(body.service_capacity[0]).toMatchObject({ available: 12, maximum: 40 });
    const full = await call(services, `/api/hsds/services?${q()}&full=true`);
    for (const s of (full.body as Page).contents) expect(hsdsErrors("compiled/service", s)).toEqual([]);
  });

  it("paging: page and per_page, with first/last page flags", async () => {
    const second = expectPage((await call(services, `/api/hsds/services?${q()}&per_page=1&page=2`)).body);
    expect(second).toMatchObject({ total_items: 2, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    const beyond = expectPage((await call(services, `/api/hsds/services?${q()}&per_page=1&page=9`)).body);
    expect(beyond).toMatchObject({ size: 0, empty: true });
  });

  it("filters by search, taxonomy_term_id (category or domain), organization_id and modified_after", async () => {
    const names = async (extra: string) => (expectPage((await call(services, `/api/hsds/services?${q()}&${extra}`)).body).contents.map((s) => s.name));
    expect(await names("search=pantry")).toEqual(["Tuesday Pantry"]);
    expect(await names(`taxonomy_term_id=${categoryTermId("homelessness")}`)).toEqual(["Night Shelter"]);
    expect(await names(`taxonomy_term_id=${domainTermId("economic-stability")}`)).toEqual(["Night Shelter", "Tuesday Pantry"]);
    expect(await names(`organization_id=${world.orgB.id}`)).toEqual([]);
    expect(await names(`modified_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await names("modified_after=2020-01-01")).toHaveLength(2);
  });

  it.skipIf(!HSDS_AVAILABLE)("/organizations and /organizations/{id} are valid HSDS organizations", async () => {
    const page = expectPage((await call(organizations, `/api/hsds/organizations?${q()}`)).body);
    expect(page.contents.map((o) => o.id)).toEqual(expect.arrayContaining([world.orgA.id, world.orgB.id]));
    for (const o of page.contents) expect(hsdsErrors("compiled/organization_list", o)).toEqual([]);
    const one = await call(organization, `/api/hsds/organizations/${world.orgA.id}?${q()}`, { params: { id: world.orgA.id } });
    expect(hsdsErrors("organization", one.body)).toEqual([]);
    expect((one.body as { locations: unknown[] }).locations.length).toBe(2);
  });

  it.skipIf(!HSDS_AVAILABLE)("publishes the SDOH codes as a taxonomy: HP2030 domains with Gravity categories under them", async () => {
    const list = expectPage((await call(taxonomies, `/api/hsds/taxonomies?${q()}`)).body);
    expect(list.contents).toHaveLength(1);
    for (const t of list.contents) expect(hsdsErrors("taxonomy", t)).toEqual([]);
    expect((await call(taxonomy, `/api/hsds/taxonomies/${SDOH_TAXONOMY.id}?${q()}`, { params: { id: SDOH_TAXONOMY.id } })).status).toBe(200);
    const top = expectPage((await call(terms, `/api/hsds/taxonomy_terms?${q()}&top_only=true&per_page=100`)).body);
    expect(top.contents.map((t) => t.name)).toContain("Economic Stability");
    const children = expectPage((await call(terms, `/api/hsds/taxonomy_terms?${q()}&parent_id=${domainTermId("economic-stability")}`)).body);
    expect(children.contents.map((t) => t.code)).toContain("food-insecurity");
    for (const t of [...top.contents, ...children.contents]) expect(hsdsErrors("taxonomy_term", t)).toEqual([]);
    const one = await call(term, `/api/hsds/taxonomy_terms/${categoryTermId("stress")}?${q()}`, { params: { id: categoryTermId("stress") } });
    expect(one.body).toMatchObject({ code: "stress", parent_id: domainTermId("social-and-community-context") });
  });

  it.skipIf(!HSDS_AVAILABLE)("/service_at_locations with postcode and proximity (nearest first), each valid against compiled/service_at_location_list.json", async () => {
    const all = expectPage((await call(sals, `/api/hsds/service_at_locations?${q()}`)).body);
    expect(all.total_items).toBe(2);
    for (const s of all.contents) expect(hsdsErrors("compiled/service_at_location_list", s)).toEqual([]);
    const byZip = expectPage((await call(sals, `/api/hsds/service_at_locations?${q()}&postcode=81006`)).body);
    expect(byZip.contents.map((s) => (s.service as { name: string }).name)).toEqual(["Night Shelter"]);
    const near = expectPage((await call(sals, `/api/hsds/service_at_locations?${q()}&proximity=38.21,-104.51,30`)).body);
    expect(near.contents.map((s) => (s.service as { name: string }).name)).toEqual(["Night Shelter", "Tuesday Pantry"]);
    const tight = expectPage((await call(sals, `/api/hsds/service_at_locations?${q()}&proximity=38.21,-104.51,3`)).body);
    expect(tight.contents).toHaveLength(1);
    const id = String(all.contents[0].id);
    const one = await call(sal, `/api/hsds/service_at_locations/${id}?${q()}`, { params: { id } });
    expect(hsdsErrors("compiled/service", one.body)).toEqual([]);
    const hidden = await db.serviceAtLocation.findFirstOrThrow({ where: { serviceId: privateId } });
    expect((await call(sal, `/api/hsds/service_at_locations/${hidden.id}?${q()}`, { params: { id: hidden.id } })).status).toBe(404);
  });

  it.each([
    ["page=0", /page starts at 1/],
    ["per_page=100000", /per_page is 1 to 500/],
    ["taxonomy_term_id=food", /taxonomy_term_id must be a UUID/],
    ["taxonomy_term_id=3f7b145d-84af-42d7-8fae-eaca714b02b2", /Unknown taxonomy_term_id/],
    ["modified_after=yesterday", /modified_after must be an ISO 8601/],
    ["organization_id=42", /organization_id must be a UUID/],
  ])("a bad %s answers 400 with a clear message", async (query, message) => {
    const result = await call(services, `/api/hsds/services?${q()}&${query}`);
    expect(result.status).toBe(400);
    expect((result.body as { error: string }).error).toMatch(message);
  });

  it("bad proximity and unknown ids", async () => {
    expect((await call(sals, `/api/hsds/service_at_locations?${q()}&proximity=91,0,5`)).status).toBe(400);
    expect((await call(service, `/api/hsds/services/nope?${q()}`, { params: { id: "nope" } })).status).toBe(404);
    await createCoalition(); // with several coalitions, an anonymous caller must say which
    expect((await call(service, `/api/hsds/services/${nightId}`, { params: { id: nightId } })).status).toBe(400);
    expect((await call(service, `/api/hsds/services/${nightId}`, { params: { id: nightId } })).body).toMatchObject({ error: expect.stringMatching(/coalition=/) });
    void anonymousGet;
  });
});
