/** Directory exports: HSDS JSON (full services), an HSDS tabular package (CSV per table) and GeoJSON. */
import { db } from "~/utils/db.server";
import { toCsv, type CsvValue } from "~/utils/csv";
import type { DirectoryViewer } from "../viewer.server";
import { searchAssets } from "../queries.server";
import { hsdsService } from "./serialize";

export const CSV_TABLES = ["organizations", "services", "locations", "service_at_location", "schedules", "phones", "addresses", "languages", "attributes", "taxonomies", "taxonomy_terms"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const visible = (viewer: DirectoryViewer) => (viewer.member ? {} : { visibility: "PUBLIC" as const });

export async function exportServices(viewer: DirectoryViewer) {
  const zone = (await db.coalition.findUnique({ where: { id: viewer.coalitionId }, select: { timeZone: true } }))?.timeZone ?? "America/Denver";
  const rows = await db.directoryService.findMany({
    where: { coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: {
      organization: true, schedules: { where: { serviceAtLocationId: null } }, phones: true,
      atLocations: { where: { location: { deletedAt: null, ...visible(viewer) } }, orderBy: { createdAt: "asc" }, include: { schedules: true, location: { include: { schedules: { where: { serviceAtLocationId: null } }, phones: true } } } },
    },
  });
  return rows.map((r) => hsdsService(r, zone));
}

/** Flattens full services into the HSDS tables (same columns as the official CSV example). */
export function servicesToTables(services: Awaited<ReturnType<typeof exportServices>>) {
  const tables: Record<CsvTable, Record<string, unknown>[]> = Object.fromEntries(CSV_TABLES.map((t) => [t, []])) as never;
  const seen = new Set<string>();
  const once = (table: CsvTable, row: Record<string, unknown>) => {
    const key = `${table}:${row.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    tables[table].push(row);
  };
  for (const s of services) {
    const { organization, phones, schedules, languages, attributes, service_at_locations, service_capacity: _capacity, ...service } = s;
    once("organizations", organization);
    once("services", service);
    for (const p of phones) once("phones", p);
    for (const x of schedules) once("schedules", x);
    for (const l of languages) once("languages", l);
    for (const a of attributes) {
      const { taxonomy_term, ...attribute } = a;
      once("attributes", attribute);
      once("taxonomy_terms", taxonomy_term);
      once("taxonomies", { id: taxonomy_term.taxonomy_id, name: taxonomy_term.taxonomy, description: "SDOH categories", uri: taxonomy_term.term_uri?.split("#")[0] });
    }
    for (const sal of service_at_locations) {
      const { location, schedules: salSchedules, ...link } = sal as typeof sal & { schedules?: Record<string, unknown>[] };
      once("service_at_location", link);
      for (const x of salSchedules ?? []) once("schedules", x);
      if (location) {
        const { addresses, schedules: locSchedules, phones: locPhones, ...loc } = location as typeof location & { addresses?: Record<string, unknown>[]; schedules?: Record<string, unknown>[]; phones?: Record<string, unknown>[] };
        once("locations", loc);
        for (const a of addresses ?? []) once("addresses", a);
        for (const x of locSchedules ?? []) once("schedules", x);
        for (const p of locPhones ?? []) once("phones", p);
      }
    }
  }
  return tables;
}

/** One HSDS table as CSV, formulas neutralised (the shared writer, ADR 069); nested values as JSON. */
export function tableToCsv(rows: Record<string, unknown>[]) {
  return toCsv(rows as Record<string, CsvValue>[]);
}

export function dataPackage(origin: string) {
  return {
    name: "coalition-hub-directory",
    title: "Coalition Hub directory (HSDS 3.0 tabular package)",
    profile: "tabular-data-package",
    resources: CSV_TABLES.map((t) => ({ name: t, path: `${origin}/api/directory/export/${t}.csv`, format: "csv", mediatype: "text/csv", profile: "tabular-data-resource" })),
  };
}

export async function exportGeoJson(viewer: DirectoryViewer) {
  return searchAssets({ viewer, query: { bbox: { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 }, limit: 100_000, open_now: false } });
}
