/**
 * HSDS import (official examples: JSON and the CSV package; bad rows; re-import is idempotent;
 * each row atomic) and export (HSDS JSON valid against the schema, CSV package round trip, GeoJSON).
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as importRouteModule from "~/routes/api.directory.import";
import * as exportRouteModule from "~/routes/api.directory.export.$file";
import { csvPackageToServices, jsonToServices, tableNameOf, type CsvTables } from "~/modules/directory/hsds/csv-package";
import type { ImportOutcome } from "~/modules/directory/hsds/import.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { HSDS_AVAILABLE, HSDS_DIR, hsdsErrors, readHsdsExample } from "../hsds-schemas";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const importRoute = withHttpErrors(importRouteModule);
const exportRoute = withHttpErrors(exportRouteModule);

type Requester = Awaited<ReturnType<typeof signedInRequester>>;
const importBatch = async (as: Requester, body: unknown, headers: Record<string, string> = {}) => {
  const request = new Request("http://localhost/api/directory/import", { method: "POST", headers: { cookie: as.cookie, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return settle(() => importRoute.action({ request, params: {}, context: {} }));
};
const outcomes = (result: { body: unknown }) => (result.body as { results: ImportOutcome[] }).results;

function officialCsvPackage(): CsvTables {
  const dir = path.join(HSDS_DIR, "examples", "csv");
  const tables: CsvTables = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".csv"))) tables[tableNameOf(file)] = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, file), "utf8"), { header: true, skipEmptyLines: true }).data;
  return tables;
}

describe("HSDS import", () => {
  it.skipIf(!HSDS_AVAILABLE)("a convener imports the official service example; importing it again changes nothing and duplicates nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const records = jsonToServices(readHsdsExample("service_full.json"));
    const first = outcomes(await importBatch(asConvener, { records }));
    expect(first).toMatchObject([{ row: 1, outcome: "created", id: "ac148810-d857-441c-9679-408f346de14b", name: "Community Counselling" }]);
    // The example's location is at latitude 100: kept off the map, with a warning.
    expect(first[0].warnings.join(" ")).toMatch(/out-of-range coordinates \(100, 101\)/);
    const service = await db.directoryService.findFirstOrThrow({ where: { coalitionId: world.coalition.id, externalId: "ac148810-d857-441c-9679-408f346de14b" }, include: { organization: true, phones: true, schedules: true } });
    expect(service.organization.name).toBe("Example Organization Inc.");
    expect(service.phones.length).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { action: "directory.hsds_import_created", subjectId: service.id } })).toBe(1);

    const again = outcomes(await importBatch(asConvener, { records }));
    expect(again[0].outcome).toBe("unchanged");
    expect(await db.directoryService.count({ where: { coalitionId: world.coalition.id } })).toBe(1);
    expect(await db.organization.count({ where: { name: "Example Organization Inc.", slug: { startsWith: "hsds-" }, directoryServices: { some: { coalitionId: world.coalition.id } } } })).toBe(1);
  });

  it.skipIf(!HSDS_AVAILABLE)("imports the official CSV package (joined into nested services), idempotently", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const records = csvPackageToServices(officialCsvPackage());
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: "Community Counselling", service_at_locations: [expect.objectContaining({ location: expect.objectContaining({ name: "MyCity Civic Center" }) })] });
    expect(outcomes(await importBatch(asConvener, { records }))[0].outcome).toBe("created");
    expect(outcomes(await importBatch(asConvener, { records }))[0].outcome).toBe("unchanged");
    expect(await db.directoryService.count({ where: { coalitionId: world.coalition.id } })).toBe(1);
  });

  it.skipIf(!HSDS_AVAILABLE)("places imported locations with coordinates on the map, tagged from SDOH taxonomy terms", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    const record = {
      id: "ext-pantry-1", name: "Imported Pantry", status: "active", attributes: [{ taxonomy_term: { code: "food-insecurity" } }], languages: [{ code: "es" }],
      schedules: [{ freq: "WEEKLY", byday: "MO,WE", opens_at: "09:00:00", closes_at: "12:00-07:00" }],
      service_at_locations: [{ id: "sal-1", location: { id: "loc-1", name: "Eastside Hall", latitude: "38.26", longitude: -104.58, addresses: [{ address_1: "5 Elm St", city: "Pueblo", state_province: "CO", postal_code: "81001" }] } }],
    };
    const result = outcomes(await importBatch(asDirector, { records: [record], visibility: "COALITION" }));
    expect(result[0]).toMatchObject({ outcome: "created", warnings: [] });
    const asset = await db.asset.findFirstOrThrow({ where: { coalitionId: world.coalition.id, name: "Imported Pantry — Eastside Hall" } });
    expect(asset).toMatchObject({ organizationId: world.orgA.id, visibility: "COALITION", sdohCodes: ["food-insecurity"], languages: ["es"], latitude: 38.26, postalCode: "81001" });
    expect(asset.schedules).toEqual([expect.objectContaining({ byday: "MO,WE", opensAt: "09:00", closesAt: "12:00" })]);
    // Dropping the location on re-import takes it off the map.
    outcomes(await importBatch(asDirector, { records: [{ ...record, service_at_locations: [] }] }));
    expect(await db.asset.count({ where: { coalitionId: world.coalition.id, name: { startsWith: "Imported Pantry" } } })).toBe(0);
  });

  it("reports bad rows one by one and writes nothing for them, while good rows in the same batch go in", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const result = outcomes(await importBatch(asConvener, { offset: 40, records: [
      { name: "No id" },
      { id: "bad-status", name: "Odd", status: "open" },
      "not an object",
      { id: "bad-time", name: "Late", schedules: [{ opens_at: "late" }] },
      { id: "good-1", name: "Good One" },
    ] }));
    expect(result.map((r) => [r.row, r.outcome])).toEqual([[41, "rejected"], [42, "rejected"], [43, "rejected"], [44, "rejected"], [45, "created"]]);
    expect(result[0].reason).toMatch(/id: id is required/);
    expect(result[1].reason).toMatch(/status must be active/);
    expect(result[3].reason).toMatch(/HH:MM/);
    expect((await db.directoryService.findMany({ where: { coalitionId: world.coalition.id } })).map((s) => s.externalId)).toEqual(["good-1"]);
  });

  it("the report a person reads in Spanish: reasons, warnings and refusals in the page's language, HSDS field names as the file writes them (#14 defect 2)", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const spanish = { "accept-language": "es" };
    const result = outcomes(await importBatch(asConvener, { records: [
      { name: "Sin id" },
      { id: "bad-status", name: "Raro", status: "open" },
      { id: "bad-time", name: "Tarde", schedules: [{ opens_at: "late" }] },
      { id: "ok", name: "Bien", languages: [{ name: "Klingon" }] },
    ] }, spanish));
    expect(result.map((r) => [r.outcome, r.reason ?? null])).toEqual([
      ["rejected", "id: falta id"],
      ["rejected", "status: status debe ser active, inactive, defunct o temporarily closed"],
      ["rejected", "schedules.0.opens_at: opens_at/closes_at debe tener el formato HH:MM"],
      ["created", null],
    ]);
    expect(result[3].warnings).toEqual([
      "Ninguno de sus términos de taxonomía es una categoría de SDOH: etiquételo en el hub para que aparezca bajo una necesidad.",
      'El idioma "Klingon" no es uno que el hub reconozca: agréguelo a mano.',
    ]);
    const tooMany = await importBatch(asConvener, { records: Array.from({ length: 101 }, (_, i) => ({ id: `r${i}`, name: "n" })) }, spanish);
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { error: string }).error).toBe("Como máximo 100 registros por lote");
    const asCm = await signedInRequester(world.careManagerA.email);
    const refused = await importBatch(asCm, { records: [{ id: "x", name: "y" }] }, spanish);
    expect(refused.status).toBe(403);
    expect((refused.body as { error: string }).error).toBe("Solo directores y convocantes pueden importar.");
    // A partner system that names no language reads English, the documented wording.
    const english = outcomes(await importBatch(asConvener, { records: [{ name: "No id" }] }));
    expect(english[0].reason).toBe("id: id is required");
  });

  it("a director's import belongs to their organization and cannot take over another organization's record", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const asB = await signedInRequester(world.directorB.email);
    expect(outcomes(await importBatch(asA, { records: [{ id: "shared-id", name: "A's service", organization: { id: "x", name: "Someone Else" } }] }))[0].outcome).toBe("created");
    expect((await db.directoryService.findFirstOrThrow({ where: { coalitionId: world.coalition.id, externalId: "shared-id" } })).organizationId).toBe(world.orgA.id);
    const takeover = outcomes(await importBatch(asB, { records: [{ id: "shared-id", name: "B's now" }] }));
    expect(takeover[0]).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/another organization/) });
    expect((await db.directoryService.findFirstOrThrow({ where: { coalitionId: world.coalition.id, externalId: "shared-id" } })).name).toBe("A's service");
  });

  it("refuses care managers, malformed and oversized batches", async () => {
    const world = await createTwoOrganizationWorld();
    const asCm = await signedInRequester(world.careManagerA.email);
    expect((await importBatch(asCm, { records: [{ id: "x", name: "y" }] })).status).toBe(403);
    const asA = await signedInRequester(world.directorA.email);
    expect((await importBatch(asA, { records: [] })).status).toBe(400);
    expect((await importBatch(asA, { records: Array.from({ length: 101 }, (_, i) => ({ id: `r${i}`, name: "n" })) })).status).toBe(400);
    expect((await importBatch(asA, { records: [{ id: "x", name: "y" }] }, { "content-length": String(50 * 1024 * 1024) })).status).toBe(413);
    const notJson = new Request("http://localhost/api/directory/import", { method: "POST", headers: { cookie: asA.cookie, "content-type": "application/json" }, body: "{nope" });
    expect((await settle(() => importRoute.action({ request: notJson, params: {}, context: {} }))).status).toBe(400);
    expect(await db.directoryService.count({ where: { coalitionId: world.coalition.id } })).toBe(0);
  });
});

describe("export", () => {
  it.skipIf(!HSDS_AVAILABLE)("exports HSDS JSON valid against the schema, a CSV package that imports back, and GeoJSON; coalition-only only for members", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    await importBatch(asA, { records: [
      { id: "e1", name: "Export Pantry", attributes: [{ taxonomy_term: { code: "food-insecurity" } }], service_at_locations: [{ id: "s1", location: { id: "l1", name: "Hall", latitude: 38.2, longitude: -104.6, addresses: [{ address_1: "1 A St", city: "Pueblo", state_province: "CO", postal_code: "81003" }] } }] },
    ] });
    await importBatch(asA, { visibility: "COALITION", records: [{ id: "e2", name: "Private Advocacy", service_at_locations: [{ id: "s2", location: { id: "l2", name: "Office", latitude: 38.21, longitude: -104.61 } }] }] });
    const get = async (file: string, as?: Requester) => settle(() => exportRoute.loader({ request: as ? as.get(`/api/directory/export/${file}`) : new Request(`http://localhost/api/directory/export/${file}?coalition=${world.coalition.slug}`), params: { file }, context: {} }));

    const services = (await get("services.json", asA)).body as { name: string }[];
    expect(services.map((s) => s.name)).toEqual(["Export Pantry", "Private Advocacy"]);
    for (const s of services) expect(hsdsErrors("compiled/service", s)).toEqual([]);
    expect(((await get("services.json")).body as { name: string }[]).map((s) => s.name)).toEqual(["Export Pantry"]);

    const tables: CsvTables = {};
    for (const table of ["organizations", "services", "locations", "service_at_location", "addresses", "attributes", "taxonomy_terms"]) {
      const csv = (await get(`${table}.csv`, asA)).body as string;
      tables[table] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    }
    const roundTrip = csvPackageToServices(tables);
    expect(roundTrip.map((s) => s.name).sort()).toEqual(["Export Pantry", "Private Advocacy"]);
    expect(roundTrip.find((s) => s.name === "Export Pantry")).toMatchObject({ service_at_locations: [expect.objectContaining({ location: expect.objectContaining({ name: "Hall", addresses: [expect.objectContaining({ postal_code: "81003" })] }) })] });
    const pkg = (await get("datapackage.json", asA)).body as { resources: { path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toContain("http://localhost/api/directory/export/services.csv");

    const geo = (await get("assets.geojson", asA)).body as { type: string; features: { properties: { name: string } }[] };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.map((f) => f.properties.name).sort()).toEqual(["Export Pantry — Hall", "Private Advocacy — Office"]);
    expect((await get("secrets.txt", asA)).status).toBe(404);
  });

  it("neutralises spreadsheet formulas in every CSV cell (issue 13, finding 8), and the package still imports back unchanged", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const name = '=HYPERLINK("http://evil.example/x","Open")';
    const description = "@SUM(1+1)*cmd|' /C calc'!A0";
    const record = {
      id: "f1", name, description, phones: [{ id: "p1", number: "+cmd|' /C calc'!A0", extension: "-5" }],
      service_at_locations: [{ id: "fs1", location: { id: "fl1", name: "\t=1+1 Hall", latitude: 38.2, longitude: -104.6 } }],
    };
    expect(outcomes(await importBatch(asA, { records: [record] }))[0].outcome).toBe("created");
    const get = async (file: string) => settle(() => exportRoute.loader({ request: asA.get(`/api/directory/export/${file}`), params: { file }, context: {} }));

    const tables: CsvTables = {};
    for (const table of ["organizations", "services", "phones", "locations", "service_at_location"]) {
      const csv = (await get(`${table}.csv`)).body as string;
      const raw = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;
      // A cell that is only a number (coordinates) is safe; every other cell must not start a formula.
      for (const row of raw) for (const value of row.filter((v) => !/^-?\d+(\.\d+)?$/.test(v))) expect(["=", "+", "-", "@", "\t", "\r"], `${table}.csv cell ${JSON.stringify(value)}`).not.toContain(value[0]);
      tables[table] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    }
    expect(tables.services?.[0]?.name).toBe(`'${name}`);
    // Coordinates are numbers, written as they are.
    expect(tables.locations?.[0]?.longitude).toBe("-104.6");

    const [back] = csvPackageToServices(tables);
    expect(back).toMatchObject({ name, description, phones: [expect.objectContaining({ number: "+cmd|' /C calc'!A0", extension: "-5" })] });
    // Imported again (the export names records by the hub's ids), the text is stored exactly as first typed.
    expect(outcomes(await importBatch(asA, { records: [back] }))[0].outcome).toMatch(/created|updated/);
    const stored = await db.directoryService.findFirstOrThrow({ where: { coalitionId: world.coalition.id, externalId: String(back.id) }, include: { phones: true } });
    expect(stored).toMatchObject({ name, description, phones: [expect.objectContaining({ number: "+cmd|' /C calc'!A0", extension: "-5" })] });
  });
});
