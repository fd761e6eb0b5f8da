/**
 * Directory writes through the routes: informal assets (any partner, coalition-only by default,
 * vouched), a director's services (isolated by organization), the rainbow and coverage.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as mapRouteModule from "~/routes/_app.map";
import * as servicesRouteModule from "~/routes/_app.map_.services";
import * as rainbowRouteModule from "~/routes/_app.map_.rainbow";
import * as coverageRouteModule from "~/routes/_app.map_.coverage";
import * as assetsApiModule from "~/routes/api.assets";
import { createTwoOrganizationWorld } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const mapRoute = withHttpErrors(mapRouteModule);
const servicesRoute = withHttpErrors(servicesRouteModule);
const rainbowRoute = withHttpErrors(rainbowRouteModule);
const coverageRoute = withHttpErrors(coverageRouteModule);
const assetsApi = withHttpErrors(assetsApiModule);

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (requester: Awaited<ReturnType<typeof signedInRequester>>, path: string, fields: [string, string][]) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: requester.cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });

const informal = (overrides: Record<string, string> = {}): [string, string][] => Object.entries({
  intent: "add-informal", kind: "TRUSTED_PERSON", name: "Doña Carmen", description: "Helps neighbours with forms", latitude: "38.2512", longitude: "-104.6011",
  vouchNote: "Our promotoras have worked with her for years", opensAt: "10:00", closesAt: "14:00", ...overrides,
}).concat([["sdohCodes", "language-access"], ["sdohCodes", "social-connection"], ["byday", "SA"], ["languages", "es"]]);

describe("informal assets", () => {
  it("a care manager adds one by coordinates: coalition-only by default, vouched by them, audited, on the map for members only", async () => {
    const world = await createTwoOrganizationWorld();
    const asCm = await signedInRequester(world.careManagerA.email);
    const result = await settle(() => mapRoute.action(args(post(asCm, "/map", informal({ name: `Doña Carmen ${world.coalition.slug}` })))));
    expect(result.status).toBe(200);
    const { assetId } = result.body as { assetId: string };
    const asset = await db.asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ kind: "TRUSTED_PERSON", visibility: "COALITION", vouchedByName: "Care Manager A", vouchedByOrganization: "Org A", coalitionId: world.coalition.id, sdohCodes: ["language-access", "social-connection"], languages: ["es"] });
    expect(asset.schedules).toEqual([{ freq: "WEEKLY", byday: "SA", opensAt: "10:00", closesAt: "14:00" }]);
    expect(await db.auditEvent.count({ where: { action: "directory.informal_asset_added", subjectId: assetId, actorUserId: world.careManagerA.id } })).toBe(1);

    const box = "bbox=-104.61,38.25,-104.60,38.26";
    const asB = await signedInRequester(world.directorB.email);
    const member = (await settle(() => assetsApi.loader(args(asB.get(`/api/assets?${box}`))))).body as { features: { id: string }[] };
    expect(member.features.map((f) => f.id)).toContain(assetId);
    const anonymous = (await settle(() => assetsApi.loader(args(anonymousGet(`/api/assets?${box}&coalition=${world.coalition.slug}`))))).body as { features: { id: string }[] };
    expect(anonymous.features.map((f) => f.id)).not.toContain(assetId);
  });

  it("bad input answers 400 with field messages and writes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asCm = await signedInRequester(world.careManagerA.email);
    const before = await db.asset.count({ where: { coalitionId: world.coalition.id } });
    const result = await settle(() => mapRoute.action(args(post(asCm, "/map", informal({ latitude: "95", longitude: "abc", vouchNote: "", kind: "CASTLE" }).filter(([k]) => k !== "sdohCodes")))));
    expect(result.status).toBe(400);
    const errors = (result.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors.latitude?.[0]).toMatch(/−90 to 90/);
    expect(errors.longitude?.[0]).toMatch(/longitude/i);
    expect(errors.vouchNote?.[0]).toMatch(/vouches/);
    expect(errors.kind?.[0]).toMatch(/kind of asset/);
    expect(errors.sdohCodes?.[0]).toMatch(/at least one need/);
    const unknownCode = await settle(() => mapRoute.action(args(post(asCm, "/map", [...informal(), ["sdohCodes", "lonely-hearts"]]))));
    expect(unknownCode.status).toBe(400);
    // A form sent without its point is refused: a blank coordinate was read as 0 and saved off the coast of Africa.
    const noPoint = await settle(() => mapRoute.action(args(post(asCm, "/map", informal({ latitude: "", longitude: " " })))));
    expect(noPoint.status).toBe(400);
    const pointErrors = (noPoint.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect([pointErrors.latitude?.[0], pointErrors.longitude?.[0]]).toEqual(["Enter a latitude", "Enter a longitude"]);
    expect(await db.asset.count({ where: { coalitionId: world.coalition.id } })).toBe(before);
  });

  it("signed-out visitors cannot add one", async () => {
    const request = new Request("http://localhost/map", { method: "POST", body: new URLSearchParams(informal()) });
    expect((await settle(() => mapRoute.action(args(request)))).status).toBe(302);
  });
});

describe("a director's services and locations", () => {
  const service = (overrides: Record<string, string> = {}): [string, string][] => Object.entries({
    intent: "save-service", name: "Tuesday Pantry", description: "Groceries", locationName: "Parish hall", latitude: "38.27", longitude: "-104.61",
    address1: "1 Main St", city: "Pueblo", postalCode: "81003", visibility: "PUBLIC", capacityStatus: "WAITLIST", capacityAvailable: "0", capacityMaximum: "40", capacityUnit: "households",
    opensAt: "19:00", closesAt: "07:00", ...overrides,
  }).concat([["sdohCodes", "food-insecurity"], ["languages", "en"], ["languages", "es"], ["byday", "TU"]]);

  it("creates a service at a location (placed by coordinates), which the map shows, then edits it", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const created = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service()))));
    expect(created.status).toBe(200);
    const { serviceId } = created.body as { serviceId: string };
    const asset = await db.asset.findFirstOrThrow({ where: { serviceId } });
    expect(asset).toMatchObject({ kind: "SERVICE_LOCATION", visibility: "PUBLIC", latitude: 38.27, longitude: -104.61, capacityStatus: "WAITLIST", capacityMaximum: 40, organizationId: world.orgA.id });
    expect(asset.schedules).toEqual([{ freq: "WEEKLY", byday: "TU", bymonthday: null, opensAt: "19:00", closesAt: "07:00", timezone: null, validFrom: null, validTo: null }]);

    const edited = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, name: "Thursday Pantry", visibility: "COALITION", latitude: "38.28" })))));
    expect(edited.status).toBe(200);
    expect(await db.asset.findFirstOrThrow({ where: { serviceId } })).toMatchObject({ name: "Thursday Pantry — Parish hall", visibility: "COALITION", latitude: 38.28 });
    expect(await db.directoryService.count({ where: { organizationId: world.orgA.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { subjectId: serviceId, action: { in: ["directory.service_created", "directory.service_updated"] } } })).toBe(2);

    const page = (await settle(() => servicesRoute.loader(args(asA.get("/map/services"))))).body as { services: { id: string; name: string }[] };
    expect(page.services.map((s) => s.name)).toEqual(["Thursday Pantry"]);
  });

  it("organization B's director cannot edit A's service (404, unchanged) and does not see it in their list; care managers cannot edit at all", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const { serviceId } = (await settle(() => servicesRoute.action(args(post(asA, "/map/services", service()))))).body as { serviceId: string };
    const asB = await signedInRequester(world.directorB.email);
    const attempt = await settle(() => servicesRoute.action(args(post(asB, "/map/services", service({ serviceId, name: "Hijacked" })))));
    expect(attempt.status).toBe(404);
    expect((await db.directoryService.findUniqueOrThrow({ where: { id: serviceId } })).name).toBe("Tuesday Pantry");
    const listB = (await settle(() => servicesRoute.loader(args(asB.get("/map/services"))))).body as { services: { id: string }[] };
    expect(listB.services.map((s) => s.id)).not.toContain(serviceId);

    const asCm = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => servicesRoute.loader(args(asCm.get("/map/services"))))).status).toBe(403);
    expect((await settle(() => servicesRoute.action(args(post(asCm, "/map/services", service({ name: "CM service" })))))).status).toBe(403);
    expect(await db.directoryService.count({ where: { name: "CM service" } })).toBe(0);
  });

  it("edits each location of a service on its own: adds a second, moves it, and leaves the first where it was", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const { serviceId } = (await settle(() => servicesRoute.action(args(post(asA, "/map/services", service()))))).body as { serviceId: string };
    const first = (await db.serviceAtLocation.findFirstOrThrow({ where: { serviceId } })).locationId;

    const added = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, locationId: "new", locationName: "East annex", latitude: "38.25", longitude: "-104.55", address1: "9 East St" })))));
    expect(added.status).toBe(200);
    const links = await db.serviceAtLocation.findMany({ where: { serviceId }, orderBy: { createdAt: "asc" }, include: { location: true } });
    expect(links.map((l) => l.location.name)).toEqual(["Parish hall", "East annex"]);
    const second = links[1].locationId;

    // Edit the second location (and the service's name): the first keeps its place and address.
    const moved = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, locationId: second, name: "Food Pantry", locationName: "East annex", latitude: "38.26", longitude: "-104.56", address1: "10 East St" })))));
    expect(moved.status).toBe(200);
    expect(await db.directoryLocation.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ name: "Parish hall", latitude: 38.27, longitude: -104.61, address1: "1 Main St" });
    expect(await db.directoryLocation.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ name: "East annex", latitude: 38.26, longitude: -104.56, address1: "10 East St" });
    const assets = await db.asset.findMany({ where: { serviceId }, orderBy: { name: "asc" } });
    expect(assets.map((a) => [a.name, a.latitude, a.longitude])).toEqual([["Food Pantry — East annex", 38.26, -104.56], ["Food Pantry — Parish hall", 38.27, -104.61]]);

    // The first location is still editable on its own.
    await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, locationId: first, name: "Food Pantry", latitude: "38.2701" })))));
    expect((await db.directoryLocation.findUniqueOrThrow({ where: { id: first } })).latitude).toBe(38.2701);
    expect((await db.directoryLocation.findUniqueOrThrow({ where: { id: second } })).latitude).toBe(38.26);

    // The page lists both locations for the form to choose from.
    const page = (await settle(() => servicesRoute.loader(args(asA.get(`/map/services?edit=${serviceId}&location=${second}`))))).body as { services: { id: string; locations: { id: string }[] }[] };
    expect(page.services.find((s) => s.id === serviceId)!.locations.map((l) => l.id)).toEqual([first, second]);
  });

  it("refuses a location that is not one of the service's (another service's, or B's) with 404 and changes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const { serviceId } = (await settle(() => servicesRoute.action(args(post(asA, "/map/services", service()))))).body as { serviceId: string };
    const asB = await signedInRequester(world.directorB.email);
    const { serviceId: serviceB } = (await settle(() => servicesRoute.action(args(post(asB, "/map/services", service({ locationName: "B's hall" })))))).body as { serviceId: string };
    const locationB = (await db.serviceAtLocation.findFirstOrThrow({ where: { serviceId: serviceB } })).locationId;
    const attempt = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, locationId: locationB, locationName: "Taken over", latitude: "38.3" })))));
    expect(attempt.status).toBe(404);
    expect(await db.directoryLocation.findUniqueOrThrow({ where: { id: locationB } })).toMatchObject({ name: "B's hall", latitude: 38.27 });
    expect((await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ serviceId, locationId: "not-a-uuid" }))))))).toMatchObject({ status: 400 });
  });

  it("rejects out-of-range coordinates and a bad ZIP with 400 and writes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const result = await settle(() => servicesRoute.action(args(post(asA, "/map/services", service({ latitude: "138", postalCode: "8100" })))));
    expect(result.status).toBe(400);
    expect((result.body as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({ latitude: [expect.stringMatching(/−90 to 90/)], postalCode: [expect.stringMatching(/5-digit/)] });
    expect(await db.directoryService.count({ where: { organizationId: world.orgA.id } })).toBe(0);
  });
});

describe("the rainbow and coverage", () => {
  it("a director colours the rainbow; the convener's coverage counts it; care managers and directors cannot see coverage", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const saved = await settle(() => rainbowRoute.action(args(post(asA, "/map/rainbow", [["intent", "save-areas"], ["codes", "food-insecurity"], ["codes", "stress"]]))));
    expect(saved.status).toBe(200);
    expect((await db.organizationSdohArea.findMany({ where: { organizationId: world.orgA.id } })).map((a) => a.code).sort()).toEqual(["food-insecurity", "stress"]);
    await settle(() => rainbowRoute.action(args(post(asA, "/map/rainbow", [["intent", "save-areas"], ["codes", "stress"]]))));
    expect((await db.organizationSdohArea.findMany({ where: { organizationId: world.orgA.id } })).map((a) => a.code)).toEqual(["stress"]);
    expect(await db.auditEvent.count({ where: { action: "directory.sdoh_areas_set", organizationId: world.orgA.id } })).toBe(2);

    const bad = await settle(() => rainbowRoute.action(args(post(asA, "/map/rainbow", [["intent", "save-areas"], ["codes", "vibes"]]))));
    expect(bad.status).toBe(400);
    expect((await db.organizationSdohArea.findMany({ where: { organizationId: world.orgA.id } })).map((a) => a.code)).toEqual(["stress"]);

    const asCm = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => rainbowRoute.action(args(post(asCm, "/map/rainbow", [["intent", "save-areas"], ["codes", "homelessness"]]))))).status).toBe(403);
    const cmView = (await settle(() => rainbowRoute.loader(args(asCm.get("/map/rainbow"))))).body as { codes: string[]; can: { edit: boolean } };
    expect(cmView).toMatchObject({ codes: ["stress"], can: { edit: false } });

    expect((await settle(() => coverageRoute.loader(args(asA.get("/map/coverage"))))).status).toBe(403);
    const asConvener = await signedInRequester(world.convener.email);
    const coverage = (await settle(() => coverageRoute.loader(args(asConvener.get("/map/coverage"))))).body as { coverage: { id: string; partners: number; categories: { code: string; partners: number; level: string }[] }[] };
    const social = coverage.coverage.find((d) => d.id === "social-and-community-context")!;
    expect(social.partners).toBe(1);
    expect(social.categories.find((c) => c.code === "stress")).toMatchObject({ partners: 1, level: "thin" });
    expect(social.categories.find((c) => c.code === "elder-abuse")).toMatchObject({ partners: 0, level: "gap" });
  });
});
