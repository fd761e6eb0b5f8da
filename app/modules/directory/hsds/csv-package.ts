/**
 * An HSDS data package of any version the field still sends (1.x, 2.x, the Ohana API export, 3.0;
 * CSV with or without datapackage.json, or JSON) → nested service records in the 3.0 JSON shape,
 * so one importer handles all of them, plus the list of every table and column the hub does not
 * keep ("ignored: …"): nothing is dropped without a word. Pure (runs in the browser before upload,
 * and in tests). See docs/decisions/094-hsds-versions-and-approximate-locations.md.
 */
import { restoreCell } from "~/utils/csv";
import { languageCode } from "./languages";

export type CsvTables = Partial<Record<string, Record<string, string>[]>>;
export type HsdsVersion = "1.x" | "2.x" | "3.0" | "ohana";
type Rec = Record<string, unknown>;
export type PackageReading = { version: HsdsVersion; services: Rec[]; ignored: string[] };

/** File name → table name: the plural/singular spellings of each version meet on one name. */
const ALIASES: Record<string, string> = { service_at_locations: "service_at_location", services_at_location: "service_at_location", services_at_locations: "service_at_location" };
export function tableNameOf(fileName: string): string {
  const base = fileName.toLowerCase().replace(/^.*[\\/]/, "").replace(/\.csv$/, "");
  return ALIASES[base] ?? base;
}

/** Per table, the columns the hub keeps (every version's spelling). Anything else is reported as ignored. */
const KEPT: Record<string, readonly string[]> = {
  organizations: ["id", "name", "description", "email", "url", "website"],
  services: ["id", "organization_id", "location_id", "name", "alternate_name", "description", "url", "website", "email", "status", "application_process", "fees", "fees_description", "eligibility", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "languages", "service_areas", "required_documents"],
  locations: ["id", "organization_id", "name", "description", "location_type", "latitude", "longitude", "transportation"],
  addresses: ["id", "location_id", "address_type", "address_1", "address_2", "city", "state_province", "postal_code"],
  physical_addresses: ["id", "location_id", "address_1", "address_2", "city", "state_province", "postal_code"],
  phones: ["id", "organization_id", "location_id", "service_id", "contact_id", "number", "extension", "type", "number_type", "description"],
  contacts: ["id", "organization_id", "location_id", "service_id", "service_at_location_id", "name", "title", "department", "email"],
  schedules: ["id", "service_id", "location_id", "service_at_location_id", "freq", "byday", "bymonthday", "opens_at", "closes_at", "valid_from", "valid_to", "description"],
  regular_schedules: ["id", "service_id", "location_id", "service_at_location_id", "weekday", "freq", "byday", "bymonthday", "opens_at", "closes_at", "valid_from", "valid_to", "description"],
  service_at_location: ["id", "service_id", "location_id"],
  languages: ["id", "service_id", "language", "name", "code"],
  eligibility: ["id", "service_id", "eligibility", "minimum_age", "maximum_age"],
  service_areas: ["id", "service_id", "service_area", "name"],
  required_documents: ["id", "service_id", "document"],
  cost_options: ["id", "service_id", "option", "amount", "currency", "amount_description"],
  taxonomy_terms: ["id", "code", "name"],
  attributes: ["id", "link_id", "taxonomy_term_id", "value"],
  taxonomy: ["id", "name"],
  services_taxonomy: ["id", "service_id", "taxonomy_id"],
};

/** Tables only some versions have, each naming its version. */
const MARKERS: { version: HsdsVersion; tables?: string[]; columns?: [string, string][] }[] = [
  { version: "ohana", tables: ["mail_addresses"], columns: [["phones", "number_type"], ["services", "keywords"], ["locations", "short_desc"]] },
  { version: "3.0", tables: ["schedules", "addresses", "cost_options", "taxonomy_terms", "url", "organization_identifiers", "service_capacity", "unit"], columns: [["services", "eligibility_description"], ["services", "fees_description"]] },
  { version: "2.x", columns: [["regular_schedules", "byday"], ["regular_schedules", "freq"], ["regular_schedules", "dtstart"], ["regular_schedules", "valid_from"], ["services", "minimum_age"]], tables: ["attributes", "metadata"] },
];

const present = (tables: CsvTables, table: string, column: string) => (tables[table] ?? []).some((row) => row[column] !== undefined && row[column] !== "");

/** The version named by datapackage.json (a `profile`, an `hsds_version`, or a resource schema's version), if any. */
function versionFromDatapackage(datapackage: unknown): HsdsVersion | null {
  if (!datapackage || typeof datapackage !== "object") return null;
  const d = datapackage as Rec;
  const hint = [d.hsds_version, d.profile, d.title, d.name].filter((v): v is string => typeof v === "string").join(" ").toLowerCase();
  const match = /(?:hsds|human services data)[^0-9]*([123])\.\d/.exec(hint) ?? /^([123])\.\d/.exec(String(d.hsds_version ?? ""));
  if (!match) return null;
  return match[1] === "3" ? "3.0" : match[1] === "2" ? "2.x" : "1.x";
}

export function detectVersion(tables: CsvTables, datapackage?: unknown): HsdsVersion {
  const named = versionFromDatapackage(datapackage);
  if (named) return named;
  for (const marker of MARKERS) {
    if (marker.tables?.some((t) => tables[t]?.length)) return marker.version;
    if (marker.columns?.some(([t, c]) => present(tables, t, c))) return marker.version;
  }
  // Ohana's export links every service to one location and its organization only through that location.
  if (present(tables, "services", "location_id") && !present(tables, "services", "organization_id") && present(tables, "locations", "organization_id") && !tables.service_at_location?.length) return "ohana";
  return "1.x";
}

// A cell the hub's export (or a spreadsheet) prefixed with a quote to stop a formula gets its value back first (ADR 069).
const clean = (row: Record<string, string>): Rec => Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== "" && v !== "" && v !== undefined && v !== null).map(([k, v]) => [k, typeof v === "string" ? restoreCell(v).trim() : v]));
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);
/** "English, Spanish; French" → ["English", "Spanish", "French"] (Ohana and 1.x keep lists in one cell). */
const list = (v: unknown) => (str(v) ?? "").split(/[,;|]/).map((x) => x.trim()).filter(Boolean);

const DAYS: Record<string, string> = { monday: "MO", tuesday: "TU", wednesday: "WE", thursday: "TH", friday: "FR", saturday: "SA", sunday: "SU", mon: "MO", tue: "TU", tues: "TU", wed: "WE", thu: "TH", thur: "TH", thurs: "TH", fri: "FR", sat: "SA", sun: "SU", mo: "MO", tu: "TU", we: "WE", th: "TH", fr: "FR", sa: "SA", su: "SU", "1": "MO", "2": "TU", "3": "WE", "4": "TH", "5": "FR", "6": "SA", "7": "SU", "0": "SU" };
const ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/** A 1.x/2.x `weekday` ("Monday", "Mon-Fri", "1" = Monday … "7" = Sunday, ISO 8601) → RRULE byday; unknown → undefined. */
export function bydayOf(weekday: string): string | undefined {
  const days: string[] = [];
  for (const part of weekday.toLowerCase().split(/[,;/&]|\band\b/).map((p) => p.trim()).filter(Boolean)) {
    const range = part.split(/\s*(?:-|–|to|through)\s*/);
    if (range.length === 2 && DAYS[range[0]] && DAYS[range[1]]) {
      const [from, to] = [ORDER.indexOf(DAYS[range[0]]), ORDER.indexOf(DAYS[range[1]])];
      for (let i = from; ; i = (i + 1) % 7) { days.push(ORDER[i]); if (i === to) break; }
    } else if (DAYS[part]) days.push(DAYS[part]);
    else return undefined;
  }
  return days.length ? [...new Set(days)].join(",") : undefined;
}

function scheduleOf(row: Rec): Rec {
  const { weekday, ...rest } = row;
  if (rest.byday || !weekday) return rest;
  const byday = bydayOf(String(weekday));
  // An unreadable weekday is kept as the schedule's description rather than guessed.
  return byday ? { ...rest, freq: rest.freq ?? "WEEKLY", byday } : { ...rest, description: [rest.description, `weekday: ${String(weekday)}`].filter(Boolean).join(" · ") };
}

function ignoredOf(tables: CsvTables): string[] {
  const ignored: string[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    if (!rows?.length) continue;
    const kept = KEPT[table];
    if (!kept) { ignored.push(`${table} (${rows.length})`); continue; }
    const columns = new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k && r[k] !== "" && r[k] !== undefined)));
    for (const c of columns) if (!kept.includes(c)) ignored.push(`${table}.${c}`);
  }
  return ignored.sort();
}

/** The tables of a package (any version) → nested 3.0-shaped service records and what was not kept. */
export function readCsvPackage(tables: CsvTables, datapackage?: unknown): PackageReading {
  const version = detectVersion(tables, datapackage);
  const ignored = ignoredOf(tables);
  const rows = (name: string) => (tables[name] ?? []).map(clean);
  const organizations = new Map(rows("organizations").map((o) => [o.id, o]));
  // 3.0 "addresses" carry a type: the physical one places the location; postal-only addresses are a fallback for the centroid.
  const addresses = [...rows("physical_addresses"), ...rows("addresses")].filter((a) => !a.address_type || a.address_type === "physical" || a.address_type === "postal");
  const schedules = [...rows("schedules"), ...rows("regular_schedules")].map(scheduleOf);
  const phones = rows("phones").map(({ number_type, ...p }): Rec => ({ ...p, type: p.type ?? number_type }));
  const contacts = rows("contacts");
  const languages = rows("languages");
  const terms = new Map(rows("taxonomy_terms").map((t) => [t.id, t]));
  const legacyTerms = new Map(rows("taxonomy").map((t) => [t.id, t]));
  const attributes = [
    ...rows("attributes"),
    ...rows("services_taxonomy").map((x) => ({ link_id: x.service_id, taxonomy_term_id: x.taxonomy_id, taxonomy_term: { id: x.taxonomy_id, code: x.taxonomy_id, name: legacyTerms.get(x.taxonomy_id)?.name } })),
  ];
  const eligibility = rows("eligibility");
  const areas = rows("service_areas");
  const documents = rows("required_documents");
  const costs = rows("cost_options");
  const locations = new Map(rows("locations").map((l) => [l.id, l]));
  const sals = rows("service_at_location");

  const phonesOf = (match: (p: Rec) => boolean) => phones.filter(match).map(({ organization_id: _o, location_id: _l, service_id: _s, contact_id: _c, ...p }) => p);
  const contactOf = (c: Rec) => ({ ...c, phones: phonesOf((p) => p.contact_id === c.id) });
  const addressOf = (a: Rec) => ({ ...a, address_1: [a.address_1, a.address_2].filter(Boolean).join(", ") || undefined, address_2: undefined });
  const location = (id: unknown) => {
    const l = locations.get(id);
    if (!l) return null;
    const own = addresses.filter((a) => a.location_id === id);
    return {
      ...l,
      addresses: [...own.filter((a) => a.address_type !== "postal"), ...own.filter((a) => a.address_type === "postal")].map(addressOf),
      schedules: schedules.filter((s) => s.location_id === id && !s.service_id && !s.service_at_location_id),
      phones: phonesOf((p) => p.location_id === id && !p.service_id && !p.contact_id),
      contacts: contacts.filter((c) => c.location_id === id && !c.service_id).map(contactOf),
    };
  };

  const services = rows("services").map((s) => {
    const links = sals.filter((x) => x.service_id === s.id);
    // 1.x and Ohana name one location on the service row itself.
    if (s.location_id && !links.some((x) => x.location_id === s.location_id)) links.push({ id: `${String(s.id)}@${String(s.location_id)}`, service_id: s.id, location_id: s.location_id });
    const orgId = s.organization_id ?? links.map((x) => locations.get(x.location_id)?.organization_id).find(Boolean);
    const organization = organizations.get(orgId);
    const salIds = new Set(links.map((x) => x.id));
    const eligibilityRows = eligibility.filter((e) => e.service_id === s.id);
    const fees = [str(s.fees_description) ?? str(s.fees), ...costs.filter((c) => c.service_id === s.id).map((c) => [c.option, [c.amount, c.currency].filter(Boolean).join(" "), c.amount_description].filter(Boolean).join(": "))].filter(Boolean);
    const { location_id: _l, fees: _f, eligibility: ohanaEligibility, website, languages: languageCell, service_areas: areaCell, required_documents: documentCell, ...service } = s;
    return {
      ...service,
      url: s.url ?? website,
      organization_id: orgId,
      organization: organization ? { ...organization, website: organization.website ?? organization.url, phones: phonesOf((p) => p.organization_id === orgId && !p.service_id && !p.location_id && !p.contact_id) } : undefined,
      fees_description: fees.length ? fees.join("\n") : undefined,
      eligibility_description: [str(s.eligibility_description), str(ohanaEligibility), ...eligibilityRows.map((e) => str(e.eligibility))].filter(Boolean).join("\n") || undefined,
      minimum_age: s.minimum_age ?? eligibilityRows.map((e) => e.minimum_age).find((v) => v !== undefined),
      maximum_age: s.maximum_age ?? eligibilityRows.map((e) => e.maximum_age).find((v) => v !== undefined),
      phones: phonesOf((p) => p.service_id === s.id && !p.contact_id),
      contacts: contacts.filter((c) => c.service_id === s.id || (c.service_at_location_id && salIds.has(c.service_at_location_id)) || (orgId && c.organization_id === orgId && !c.service_id && !c.location_id && !c.service_at_location_id)).map(contactOf),
      schedules: schedules.filter((x) => x.service_id === s.id && !x.service_at_location_id && !x.location_id),
      languages: [...languages.filter((l) => l.service_id === s.id).map((l) => ({ code: str(l.code) ?? languageCode(str(l.language) ?? str(l.name) ?? ""), name: str(l.name) ?? str(l.language) })), ...list(languageCell).map((name) => ({ code: languageCode(name), name }))],
      service_areas: [...areas.filter((a) => a.service_id === s.id).map((a) => ({ name: str(a.name) ?? str(a.service_area) })), ...list(areaCell).map((name) => ({ name }))].filter((a) => a.name),
      required_documents: [...documents.filter((d) => d.service_id === s.id).map((d) => ({ document: str(d.document) })), ...list(documentCell).map((document) => ({ document }))].filter((d) => d.document),
      attributes: attributes.filter((a) => a.link_id === s.id).map((a) => ({ ...a, taxonomy_term: a.taxonomy_term ?? terms.get(a.taxonomy_term_id) })),
      service_at_locations: links.map((x) => ({ ...x, schedules: schedules.filter((y) => y.service_at_location_id === x.id || (y.service_id === s.id && y.location_id === x.location_id && !y.service_at_location_id)), location: location(x.location_id) })),
    };
  });
  return { version, services, ignored };
}

/** Kept for callers that only need the records. */
export function csvPackageToServices(tables: CsvTables): Rec[] {
  return readCsvPackage(tables).services;
}

/** Per JSON object kind, the keys the hub keeps; other keys are reported as ignored ("service.funding"). */
const JSON_KEPT: Record<string, readonly string[]> = {
  service: ["id", "name", "alternate_name", "description", "url", "email", "status", "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "organization_id", "organization", "phones", "schedules", "languages", "attributes", "service_at_locations", "contacts", "service_areas", "required_documents", "cost_options"],
  organization: ["id", "name", "description", "email", "website", "url", "phones"],
  location: ["id", "name", "description", "location_type", "latitude", "longitude", "transportation", "addresses", "schedules", "phones", "contacts"],
  service_at_location: ["id", "location", "schedules"],
  contact: ["id", "name", "title", "department", "email", "phones"],
};

/** Accepts a service, an array of services, or an HSDS page ({ contents }) of full services (3.0 JSON). */
export function jsonToServices(value: unknown): Rec[] {
  if (Array.isArray(value)) return value as Rec[];
  if (value && typeof value === "object" && Array.isArray((value as { contents?: unknown }).contents)) return (value as { contents: Rec[] }).contents;
  if (value && typeof value === "object") return [value as Rec];
  return [];
}

export function readJsonPackage(value: unknown): PackageReading {
  const services = jsonToServices(value);
  const ignored = new Set<string>();
  const walk = (kind: string, obj: unknown) => {
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) return;
    for (const [key, v] of Object.entries(obj as Rec)) {
      const empty = v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
      if (!empty && !JSON_KEPT[kind].includes(key)) ignored.add(`${kind}.${key}`);
    }
  };
  const mapped = services.map((raw) => {
    const s = raw && typeof raw === "object" ? raw : {};
    walk("service", s);
    walk("organization", s.organization);
    const sals = Array.isArray(s.service_at_locations) ? (s.service_at_locations as Rec[]) : [];
    for (const sal of sals) { walk("service_at_location", sal); walk("location", sal?.location); for (const c of Array.isArray((sal?.location as Rec | undefined)?.contacts) ? ((sal.location as Rec).contacts as Rec[]) : []) walk("contact", c); }
    for (const c of Array.isArray(s.contacts) ? (s.contacts as Rec[]) : []) walk("contact", c);
    const costs = Array.isArray(s.cost_options) ? (s.cost_options as Rec[]) : [];
    const fees = [str(s.fees_description), ...costs.map((c) => [c.option, [c.amount, c.currency].filter(Boolean).join(" "), c.amount_description].filter(Boolean).join(": "))].filter(Boolean);
    const languages = Array.isArray(s.languages) ? (s.languages as Rec[]).map((l) => ({ ...l, code: str(l?.code) ?? languageCode(str(l?.name) ?? "") })) : s.languages;
    return { ...s, fees_description: fees.length ? fees.join("\n") : undefined, languages };
  });
  return { version: "3.0", services: mapped, ignored: [...ignored].sort() };
}
