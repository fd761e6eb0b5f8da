/** The hub's directory rows as HSDS 3.0 objects (ids are the rows' UUIDs). */
import { DateTime } from "luxon";
import { uuidFromName } from "../ids";
import { termForCode } from "./taxonomy";

const STATUS = { ACTIVE: "active", INACTIVE: "inactive", DEFUNCT: "defunct", TEMPORARILY_CLOSED: "temporarily closed" } as const;
const LANGUAGE_NAMES: Record<string, string> = { en: "English", es: "Spanish", vi: "Vietnamese", ase: "American Sign Language", ar: "Arabic", zh: "Chinese", ru: "Russian", fr: "French" };

type Schedule = { id: string; freq: string; byday: string; bymonthday: string | null; opensAt: string | null; closesAt: string | null; timezone: string | null; validFrom: Date | null; validTo: Date | null; description: string | null };
type Location = { id: string; organizationId: string | null; name: string; description: string; locationType: string; latitude: number | null; longitude: number | null; address1: string | null; city: string | null; stateProvince: string | null; postalCode: string | null; transportation: string | null };
type Phone = { id: string; number: string; extension: string | null; type: string | null; description: string | null };
type Organization = { id: string; name: string; description: string; email: string | null; website: string | null; phone?: string | null };
export type ServiceRow = {
  id: string; organizationId: string; name: string; alternateName: string | null; description: string; url: string | null; email: string | null; status: keyof typeof STATUS;
  eligibilityDescription: string | null; minimumAge: number | null; maximumAge: number | null; feesDescription: string | null; applicationProcess: string | null;
  languages: string[]; sdohCodes: string[]; capacityStatus: string | null; capacityAvailable: number | null; capacityMaximum: number | null; capacityUnit: string | null; capacityUpdatedAt: Date | null;
  lastConfirmedAt: Date | null; updatedAt: Date;
};

const compact = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== "")) as T;
const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function hsdsSchedule(s: Schedule, link: { service_id?: string; location_id?: string; service_at_location_id?: string }, zone: string) {
  const offsetHours = DateTime.now().setZone(s.timezone ?? zone).offset / 60;
  return compact({
    id: s.id, ...link, freq: s.freq === "MONTHLY" ? "MONTHLY" : "WEEKLY", byday: s.byday || "MO,TU,WE,TH,FR,SA,SU", bymonthday: s.bymonthday, opens_at: s.opensAt, closes_at: s.closesAt,
    timezone: offsetHours, valid_from: date(s.validFrom), valid_to: date(s.validTo), description: s.description ?? undefined,
    notes: s.closesAt && s.opensAt && s.closesAt <= s.opensAt ? "Closes the next day." : undefined,
  });
}

export function hsdsPhone(p: Phone, link: { service_id?: string; location_id?: string }) {
  return compact({ id: p.id, ...link, number: p.number, extension: p.extension, type: p.type, description: p.description });
}

export function hsdsLanguages(codes: string[], link: { service_id?: string; location_id?: string }) {
  const owner = link.service_id ?? link.location_id ?? "";
  return codes.map((code) => compact({ id: uuidFromName(`hsds:language:${owner}:${code}`), ...link, name: LANGUAGE_NAMES[code] ?? code, code }));
}

export function hsdsAttributes(codes: string[], linkId: string, entity: "service" | "location") {
  return codes.flatMap((code) => {
    const term = termForCode(code);
    if (!term) return [];
    return [{ id: uuidFromName(`hsds:attribute:${linkId}:${code}`), link_id: linkId, taxonomy_term_id: term.id, link_type: "sdoh_category", link_entity: entity, value: code, taxonomy_term: term }];
  });
}

export function hsdsLocation(l: Location, extras: { schedules?: Schedule[]; phones?: Phone[] } = {}, zone = "America/Denver") {
  return compact({
    id: l.id, location_type: ["physical", "postal", "virtual"].includes(l.locationType) ? l.locationType : "physical", organization_id: l.organizationId, name: l.name,
    description: l.description, transportation: l.transportation, latitude: l.latitude, longitude: l.longitude,
    addresses: l.address1 && l.city && l.postalCode
      ? [{ id: uuidFromName(`hsds:address:${l.id}`), location_id: l.id, address_1: l.address1, city: l.city, state_province: l.stateProvince ?? "CO", postal_code: l.postalCode, country: "US", address_type: "physical" }]
      : [],
    schedules: (extras.schedules ?? []).map((s) => hsdsSchedule(s, { location_id: l.id }, zone)),
    phones: (extras.phones ?? []).map((p) => hsdsPhone(p, { location_id: l.id })),
  });
}

export function hsdsOrganization(o: Organization) {
  return compact({ id: o.id, name: o.name, description: o.description || o.name, email: o.email, website: o.website });
}

/** The one-to-one fields of a service (the /services list shape). */
export function hsdsServiceSummary(s: ServiceRow) {
  return compact({
    id: s.id, organization_id: s.organizationId, name: s.name, alternate_name: s.alternateName, description: s.description, url: s.url, email: s.email, status: STATUS[s.status],
    application_process: s.applicationProcess, fees_description: s.feesDescription, eligibility_description: s.eligibilityDescription,
    minimum_age: s.minimumAge, maximum_age: s.maximumAge, assured_date: date(s.lastConfirmedAt), last_modified: s.updatedAt.toISOString(),
  });
}

/** A fully nested service. `service_capacity` follows the HSDS 3.1 draft (an extension in 3.0). */
export function hsdsService(
  s: ServiceRow & { organization: Organization; schedules: Schedule[]; phones: Phone[]; atLocations: { id: string; location: Location & { schedules: Schedule[]; phones: Phone[] }; schedules: Schedule[] }[] },
  zone: string,
) {
  return {
    ...hsdsServiceSummary(s),
    organization: hsdsOrganization(s.organization),
    phones: s.phones.map((p) => hsdsPhone(p, { service_id: s.id })),
    schedules: s.schedules.filter((x) => !("serviceAtLocationId" in x) || !(x as { serviceAtLocationId?: string | null }).serviceAtLocationId).map((x) => hsdsSchedule(x, { service_id: s.id }, zone)),
    languages: hsdsLanguages(s.languages, { service_id: s.id }),
    attributes: hsdsAttributes(s.sdohCodes, s.id, "service"),
    service_at_locations: s.atLocations.map((sal) => compact({
      id: sal.id, service_id: s.id, location_id: sal.location.id,
      schedules: sal.schedules.map((x) => hsdsSchedule(x, { service_at_location_id: sal.id }, zone)),
      location: hsdsLocation(sal.location, { schedules: sal.location.schedules, phones: sal.location.phones }, zone),
    })),
    service_capacity: s.capacityStatus
      ? [compact({ id: uuidFromName(`hsds:capacity:${s.id}`), service_id: s.id, status: s.capacityStatus.toLowerCase().replace(/_/g, "-"), available: s.capacityAvailable, maximum: s.capacityMaximum, unit: s.capacityUnit ? { name: s.capacityUnit } : null, updated: s.capacityUpdatedAt?.toISOString() })]
      : [],
  };
}

export function hsdsPage<T>(contents: T[], { total, page, perPage }: { total: number; page: number; perPage: number }) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents };
}
