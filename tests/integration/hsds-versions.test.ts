/**
 * #21: HSDS packages as real producers send them — 1.x, 2.x, an Ohana export, 3.0 JSON — from
 * fixtures written for this issue (tests/fixtures/hsds/…): every service's location and placement
 * (exact / approximate / unplaced), phones at every level, contacts, eligibility and fit facts,
 * the report's ignored list, a dry run that writes nothing, and a re-import that changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import { db } from "~/utils/db.server";
import * as importRouteModule from "~/routes/api.directory.import";
import * as dataRouteModule from "~/routes/_app.map_.data";
import * as assetsRouteModule from "~/routes/api.assets";
import * as assetRouteModule from "~/routes/api.assets.$assetId";
import { readCsvPackage, readJsonPackage, tableNameOf, bydayOf, type CsvTables } from "~/modules/directory/hsds/csv-package";
import type { ImportOutcome } from "~/modules/directory/hsds/import.server";
import { centroidOf } from "~/modules/directory/placement.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";

const importRoute = withHttpErrors(importRouteModule);
const dataRoute = withHttpErrors(dataRouteModule);
const assetsRoute = withHttpErrors(assetsRouteModule);
const assetRoute = withHttpErrors(assetRouteModule);
const FIXTURES = path.resolve(__dirname, "../fixtures/hsds");

function readFixture(name: string): { tables: CsvTables; datapackage?: unknown } {
  const dir = path.join(FIXTURES, name);
  const tables: CsvTables = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".csv"))) tables[tableNameOf(file)] = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, file), "utf8"), { header: true, skipEmptyLines: true }).data;
  const dp = path.join(dir, "datapackage.json");
  return { tables, datapackage: fs.existsSync(dp) ? JSON.parse(fs.readFileSync(dp, "utf8")) : undefined };
}

type Requester = Awaited<ReturnType<typeof signedInRequester>>;
async function importAll(as: Requester, records: unknown[], extra: Record<string, unknown> = {}) {
  const request = new Request("http://localhost/api/directory/import", { method: "POST", headers: { cookie: as.cookie, "content-type": "application/json" }, body: JSON.stringify({ records, ...extra }) });
  const result = await settle(() => importRoute.action({ request, params: {}, context: {} }));
  expect(result.status).toBe(200);
  return (result.body as { results: ImportOutcome[] }).results;
}

/** What a convener would check after an import, one entry per service, stable for comparison. */
async function snapshot(coalitionId: string) {
  const services = await db.directoryService.findMany({
    where: { coalitionId }, orderBy: { externalId: "asc" },
    include: {
      organization: { select: { name: true, phone: true, website: true } }, phones: { orderBy: { number: "asc" } }, schedules: { orderBy: { byday: "asc" } },
      contacts: { include: { phones: true } },
      atLocations: { orderBy: { createdAt: "asc" }, include: { asset: { select: { approximate: true, deletedAt: true } }, location: { include: { phones: true, contacts: { include: { phones: true } } } } } },
    },
  });
  return services.map((s) => ({
    id: s.externalId, name: s.name, status: s.status, organization: s.organization, updatedAt: s.updatedAt.toISOString(),
    eligibility: s.eligibilityDescription, minimumAge: s.minimumAge, maximumAge: s.maximumAge, fees: s.feesDescription, languages: s.languages, serviceAreas: s.serviceAreas, requiredDocuments: s.requiredDocuments, sdohCodes: s.sdohCodes,
    phones: s.phones.map((p) => p.number), schedules: s.schedules.map((x) => `${x.byday} ${x.opensAt}-${x.closesAt}`),
    contacts: s.contacts.map((c) => ({ name: c.name, title: c.title, email: c.email, phones: c.phones.map((p) => p.number) })),
    locations: s.atLocations.map((a) => ({
      id: a.location.externalId, name: a.location.name, placement: a.location.placement, latitude: a.location.latitude, longitude: a.location.longitude, address: a.location.address1, postalCode: a.location.postalCode,
      onMap: a.asset && !a.asset.deletedAt ? { approximate: a.asset.approximate } : null, phones: a.location.phones.map((p) => p.number), contacts: a.location.contacts.map((c) => ({ name: c.name, title: c.title, email: c.email })),
    })),
  }));
}

describe("reading packages of every HSDS version", () => {
  it("HSDS 1.x: services_at_location.csv and services.location_id both link; unknown tables and columns are listed", () => {
    const { tables } = readFixture("v1");
    const reading = readCsvPackage(tables);
    expect(reading.version).toBe("1.x");
    expect(reading.services.map((s) => [s.id, (s.service_at_locations as { location_id: string }[]).map((x) => x.location_id)])).toEqual([["s1", ["l1", "l4"]], ["s2", ["l2"]], ["s3", ["l3"]]]);
    expect(reading.ignored).toEqual(["holiday_schedules (1)", "organizations.alternate_name", "organizations.tax_status", "physical_addresses.country", "programs (1)", "services.program_id", "services.wait_time", "taxonomy.vocabulary"]);
  });

  it("HSDS 2.x by its datapackage.json or, without it, by its tables; 3.0 JSON lists the keys it does not keep", () => {
    const { tables, datapackage } = readFixture("v2");
    expect(readCsvPackage(tables, datapackage).version).toBe("2.x");
    const reading = readCsvPackage(tables);
    expect(reading.version).toBe("2.x");
    expect(reading.ignored).toEqual(expect.arrayContaining(["accessibility_for_disabilities (1)", "postal_addresses (1)", "services.interpretation_services", "services.wait_time", "regular_schedules.interval", "phones.language"]));
    expect(readCsvPackage(readFixture("ohana").tables).version).toBe("ohana");
    const v3 = readJsonPackage(JSON.parse(fs.readFileSync(path.join(FIXTURES, "v3/services.json"), "utf8")));
    expect(v3.ignored).toEqual(["location.accessibility", "organization.logo", "service.funding"]);
  });

  it("1.x weekdays become RRULE days; offline centroids place a ZIP or a city", () => {
    expect(bydayOf("Monday")).toBe("MO");
    expect(bydayOf("Mon-Fri")).toBe("MO,TU,WE,TH,FR");
    expect(bydayOf("Monday-Sunday")).toBe("MO,TU,WE,TH,FR,SA,SU");
    expect(bydayOf("7")).toBe("SU");
    expect(bydayOf("someday")).toBeUndefined();
    expect(centroidOf({ postal_code: "81003" })).toEqual({ latitude: expect.closeTo(38.27, 1), longitude: expect.closeTo(-104.6, 1) });
    expect(centroidOf({ city: "Rocky Ford", state_province: "CO" })).toEqual({ latitude: expect.closeTo(38.05, 1), longitude: expect.closeTo(-103.72, 1) });
    expect(centroidOf({ city: "Nowhere At All", state_province: "CO" })).toBeNull();
  });
});

describe("importing them", () => {
  it("1.x: every service reaches its location, placed exactly, approximately or not at all; phones, contacts, eligibility kept; re-import changes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const { services } = readCsvPackage(readFixture("v1").tables);

    const dry = await importAll(asConvener, services, { dryRun: true });
    expect(dry.map((r) => [r.id, r.outcome, r.locations.map((l) => l.placement)])).toEqual([["s1", "created", ["EXACT", "APPROXIMATE"]], ["s2", "created", ["APPROXIMATE"]], ["s3", "created", ["UNPLACED"]]]);
    expect(await db.directoryService.count({ where: { coalitionId: world.coalition.id } })).toBe(0);
    expect(await db.directoryLocation.count({ where: { coalitionId: world.coalition.id } })).toBe(0);

    const first = await importAll(asConvener, services);
    expect(first.map((r) => r.outcome)).toEqual(["created", "created", "created"]);
    const after = await snapshot(world.coalition.id);
    const [pantry, meals, mobile] = after;
    expect(pantry).toMatchObject({
      id: "s1", organization: { name: "Arkansas Valley Food Network", phone: "719-555-0100", website: "https://avfn.example" },
      eligibility: "Residents of Pueblo County", fees: "Free", languages: ["en", "es"], serviceAreas: ["Pueblo", "81001"], sdohCodes: ["food-insecurity"],
      phones: ["719-555-0102"], schedules: ["MO 09:00-12:00", "WE 09:00-12:00"],
      contacts: [{ name: "Ana Ruiz", title: "Pantry coordinator", email: "ana@avfn.example", phones: ["719-555-0103"] }],
      locations: [
        { id: "l1", placement: "EXACT", latitude: 38.2544, longitude: -104.6091, address: "5 Elm St", phones: ["719-555-0101"], onMap: { approximate: false } },
        { id: "l4", placement: "APPROXIMATE", latitude: expect.closeTo(38.05, 1), address: "1 Main St", onMap: { approximate: true } },
      ],
    });
    expect(meals).toMatchObject({ id: "s2", languages: ["vi"], schedules: ["MO,TU,WE,TH,FR 11:30-13:00"], locations: [{ id: "l2", placement: "APPROXIMATE", address: "200 W 4th St, Suite 2", postalCode: "81003", onMap: { approximate: true } }] });
    expect(mobile).toMatchObject({ id: "s3", locations: [{ id: "l3", placement: "UNPLACED", latitude: null, longitude: null, onMap: null }] });

    const again = await importAll(asConvener, services);
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await snapshot(world.coalition.id)).toEqual(after);
  });

  it("2.x: regular_schedules and physical_addresses; out-of-range coordinates fall back to the address; required documents and ages kept", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const { tables, datapackage } = readFixture("v2");
    const results = await importAll(asConvener, readCsvPackage(tables, datapackage).services);
    expect(results.map((r) => r.outcome)).toEqual(["created", "created"]);
    expect(results[0].warnings.join(" ")).toMatch(/out-of-range coordinates \(123.4, -104.6\)/);
    const [checkup, dental] = await snapshot(world.coalition.id);
    expect(checkup).toMatchObject({
      organization: { name: "Valley Family Clinic", website: "https://clinic.example" }, eligibility: "Children under 18", minimumAge: 0, maximumAge: 17, fees: "Sliding scale",
      requiredDocuments: ["Immunization record", "Proof of address"], languages: ["en", "es"], phones: ["719-555-0201"], schedules: ["MO,TU,TH 08:00-17:00"],
      locations: [
        { id: "loc-main", placement: "APPROXIMATE", address: "400 Grand Ave", phones: ["719-555-0200"], onMap: { approximate: true } },
        { id: "loc-far", placement: "APPROXIMATE", address: "12 Oak St", onMap: { approximate: true } },
      ],
    });
    // The location's own hours (weekday "Saturday") are kept on the location.
    expect(await db.directorySchedule.findFirst({ where: { location: { externalId: "loc-main" }, serviceId: null } })).toMatchObject({ byday: "SA", opensAt: "09:00" });
    expect(dental).toMatchObject({ status: "INACTIVE", locations: [{ id: "loc-main", onMap: null }] });
  });

  it("Ohana: organizations resolve through locations; phones stay at their level; contacts of services and locations", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const results = await importAll(asConvener, readCsvPackage(readFixture("ohana").tables).services);
    expect(results.map((r) => r.outcome)).toEqual(["created", "created", "created"]);
    const [shelter, caseManagement, eviction] = await snapshot(world.coalition.id);
    expect(shelter).toMatchObject({
      organization: { name: "Hope Housing", phone: "719-555-0301" }, eligibility: "Adults 18 and over", fees: "None", languages: ["en", "es"], serviceAreas: ["Pueblo", "Pueblo West"], requiredDocuments: ["Photo ID"],
      phones: ["719-555-0302"], contacts: [{ name: "Marco Diaz", title: "Shelter manager", email: "marco@hope.example", phones: ["719-555-0303"] }],
      locations: [{ id: "100", placement: "EXACT", phones: ["719-555-0300"], onMap: { approximate: false } }],
    });
    expect(caseManagement).toMatchObject({ organization: { name: "Hope Housing" }, locations: [{ id: "101", placement: "APPROXIMATE", address: "22 Union Ave, Floor 2" }] });
    // Its only address is a mailing address: listed as ignored, so the office is kept unplaced.
    expect(eviction).toMatchObject({ organization: { name: "Legal Aid of the Plains", phone: "719-555-0304" }, requiredDocuments: ["Eviction notice", "Lease"], schedules: ["TU 13:00-16:00"], locations: [{ id: "200", placement: "UNPLACED", onMap: null, contacts: [{ name: "Lee Park", title: "Paralegal" }] }] });
    expect(await db.organization.count({ where: { name: { startsWith: "Provider of" } } })).toBe(0);
  });

  it("3.0 JSON: contacts, service areas, required documents, cost options; a virtual location with no address is listed unplaced", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const { services } = readJsonPackage(JSON.parse(fs.readFileSync(path.join(FIXTURES, "v3/services.json"), "utf8")));
    const results = await importAll(asConvener, services);
    expect(results.map((r) => [r.outcome, r.locations.map((l) => l.placement)])).toEqual([["created", ["APPROXIMATE"]], ["created", ["UNPLACED"]]]);
    const [line, ride] = await snapshot(world.coalition.id);
    expect(ride).toMatchObject({
      organization: { name: "Prairie Transit", phone: "719-555-0400" }, eligibility: "Medicaid members", minimumAge: 18, languages: ["es", "en"], serviceAreas: ["Otero County"], requiredDocuments: ["Medicaid card"],
      fees: "Per ride: 2 USD", phones: ["719-555-0401"], contacts: [{ name: "Jo Smith", title: "Dispatcher", phones: ["719-555-0402"] }],
      locations: [{ id: "v3-loc", placement: "APPROXIMATE", phones: ["719-555-0403"], onMap: { approximate: true } }],
    });
    expect(line).toMatchObject({ id: "v3-phone-line", locations: [{ id: "v3-virtual", placement: "UNPLACED" }] });
  });

  it("a hostile record is rejected naming its row and field, never a server error", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const results = await importAll(asConvener, [
      { id: "x1", name: "Ages", minimum_age: 1e12 },
      { id: "x2", name: "Phones", phones: Array.from({ length: 201 }, () => ({ number: "1" })) },
      { id: "x3", name: "Long", service_areas: [{ name: "a".repeat(501) }] },
      { id: "x4", name: "Lat", service_at_locations: [{ location: { id: "l", latitude: "north", longitude: 1 } }] },
    ], { offset: 7 });
    expect(results.map((r) => [r.row, r.outcome, r.reason])).toEqual([
      [8, "rejected", "minimum_age: must be at most 130"],
      [9, "rejected", "phones: at most 200 items"],
      [10, "rejected", "service_areas.0.name: at most 500 characters"],
      [11, "rejected", expect.stringMatching(/^service_at_locations\.0\.location\.latitude: /)],
    ]);
  });

  it("approximate pins are marked on the map and in the detail; the review list takes typed coordinates, which a re-import keeps", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const asA = await signedInRequester(world.directorA.email);
    const { services } = readCsvPackage(readFixture("v1").tables);
    await importAll(asConvener, services);

    const map = await settle(() => assetsRoute.loader({ request: asConvener.get("/api/assets?bbox=-106,37,-102,40"), params: {}, context: {} }));
    const features = JSON.parse(typeof map.body === "string" ? map.body : JSON.stringify(map.body)).features as { properties: { name: string; approximate?: boolean } }[];
    expect(features.map((f) => [f.properties.name, f.properties.approximate ?? false]).sort()).toEqual([["Food Pantry — Eastside Pantry", false], ["Food Pantry — Rocky Ford Hall", true], ["Hot Meals — Westside Kitchen", true]]);
    const hall = await db.asset.findFirstOrThrow({ where: { coalitionId: world.coalition.id, name: "Food Pantry — Rocky Ford Hall" } });
    const detail = (await settle(() => assetRoute.loader({ request: asConvener.get(`/api/assets/${hall.id}`), params: { assetId: hall.id }, context: {} }))).body as { approximate: boolean; contacts: { name: string }[]; serviceAreas: string[] };
    expect(detail).toMatchObject({ approximate: true, contacts: [{ name: "Ana Ruiz" }], serviceAreas: ["Pueblo", "81001"] });

    const page = (await settle(() => dataRoute.loader({ request: asConvener.get("/map/data"), params: {}, context: {} }))).body as { review: { total: number; locations: { id: string; name: string; placement: string }[] } };
    expect(page.review.locations.map((l) => [l.name, l.placement])).toEqual([["Mobile Stop", "UNPLACED"], ["Rocky Ford Hall", "APPROXIMATE"], ["Westside Kitchen", "APPROXIMATE"]]);
    // A director of another organization sees none of the convener's imports.
    expect(((await settle(() => dataRoute.loader({ request: asA.get("/map/data"), params: {}, context: {} }))).body as typeof page).review.total).toBe(0);

    const mobile = page.review.locations.find((l) => l.name === "Mobile Stop")!;
    const bad = await settle(() => dataRoute.action({ request: asConvener.post("/map/data", { intent: "place", locationId: mobile.id, latitude: "95", longitude: "-104.6" }), params: {}, context: {} }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/latitude/);
    expect((await settle(() => dataRoute.action({ request: asA.post("/map/data", { intent: "place", locationId: mobile.id, latitude: "38.3", longitude: "-104.6" }), params: {}, context: {} }))).status).toBe(404);
    expect((await settle(() => dataRoute.action({ request: asConvener.post("/map/data", { intent: "place", locationId: mobile.id, latitude: "38.3", longitude: "-104.6" }), params: {}, context: {} }))).status).toBe(200);
    const placed = await db.asset.findFirstOrThrow({ where: { coalitionId: world.coalition.id, name: "Mobile Pantry — Mobile Stop" } });
    expect(placed).toMatchObject({ latitude: 38.3, longitude: -104.6, approximate: false });

    // The same file again, then a changed one: the typed coordinates stay.
    expect((await importAll(asConvener, services)).map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const changed = services.map((s) => (s.id === "s3" ? { ...s, description: "A truck that moves weekly" } : s));
    const again = await importAll(asConvener, changed);
    expect(again[2]).toMatchObject({ outcome: "updated", locations: [{ id: "l3", placement: "CORRECTED" }] });
    expect(await db.directoryLocation.findFirstOrThrow({ where: { coalitionId: world.coalition.id, externalId: "l3" } })).toMatchObject({ latitude: 38.3, longitude: -104.6, placement: "CORRECTED" });
  });
});
