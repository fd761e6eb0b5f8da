/**
 * An HSDS 3.0 tabular (CSV) package → nested service records, the same shape as the JSON format,
 * so one importer handles both. Pure (runs in the browser before upload, and in tests).
 */
import { restoreCell } from "~/utils/csv";

export type CsvTables = Partial<Record<string, Record<string, string>[]>>;
type Rec = Record<string, unknown>;

/** File name → table name ("service_at_location.csv" and "service_at_locations.csv" both work). */
export function tableNameOf(fileName: string): string {
  const base = fileName.toLowerCase().replace(/^.*[\\/]/, "").replace(/\.csv$/, "");
  return base === "service_at_locations" ? "service_at_location" : base;
}

// A cell the hub's export (or a spreadsheet) prefixed with a quote to stop a formula gets its value back first (ADR 069).
const clean = (row: Record<string, string>): Rec => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== "" && v !== undefined && v !== null).map(([k, v]) => [k, typeof v === "string" ? restoreCell(v).trim() : v]));

export function csvPackageToServices(tables: CsvTables): Rec[] {
  const rows = (name: string) => (tables[name] ?? []).map(clean);
  const organizations = new Map(rows("organizations").map((o) => [o.id, o]));
  const addresses = rows("addresses");
  const schedules = rows("schedules");
  const phones = rows("phones");
  const languages = rows("languages");
  const terms = new Map(rows("taxonomy_terms").map((t) => [t.id, t]));
  const attributes = rows("attributes");
  const locations = new Map(rows("locations").map((l) => [l.id, l]));
  const sals = rows("service_at_location");

  const location = (id: unknown) => {
    const l = locations.get(id);
    if (!l) return null;
    return { ...l, addresses: addresses.filter((a) => a.location_id === id), schedules: schedules.filter((s) => s.location_id === id && !s.service_id && !s.service_at_location_id), phones: phones.filter((p) => p.location_id === id && !p.service_id) };
  };

  return rows("services").map((s) => ({
    ...s,
    organization: organizations.get(s.organization_id) ?? undefined,
    phones: phones.filter((p) => p.service_id === s.id),
    schedules: schedules.filter((x) => x.service_id === s.id && !x.service_at_location_id),
    languages: languages.filter((l) => l.service_id === s.id),
    attributes: attributes.filter((a) => a.link_id === s.id).map((a) => ({ ...a, taxonomy_term: terms.get(a.taxonomy_term_id) })),
    service_at_locations: sals.filter((x) => x.service_id === s.id).map((x) => ({ ...x, schedules: schedules.filter((y) => y.service_at_location_id === x.id), location: location(x.location_id) })),
  }));
}

/** Accepts a service, an array of services, or an HSDS page ({ contents }) of full services. */
export function jsonToServices(value: unknown): Rec[] {
  if (Array.isArray(value)) return value as Rec[];
  if (value && typeof value === "object" && Array.isArray((value as { contents?: unknown }).contents)) return (value as { contents: Rec[] }).contents;
  if (value && typeof value === "object") return [value as Rec];
  return [];
}
