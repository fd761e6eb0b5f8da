/**
 * Builds the map's read model (one Asset row per service at a location) from the HSDS tables.
 * Pure, so the seed, the import and the editing services all denormalize the same way.
 */
import type { ScheduleRule } from "./open-now";

export type ServiceForAsset = {
  id: string; coalitionId: string; organizationId: string; name: string; description: string; url: string | null;
  status: string; eligibilityDescription: string | null; minimumAge: number | null; maximumAge: number | null; free: boolean;
  languages: string[]; sdohCodes: string[]; visibility: "PUBLIC" | "COALITION";
  capacityStatus: "CAPACITY" | "NO_CAPACITY" | "WAITLIST" | "ADDITIONAL_ASSESSMENT_REQUIRED" | null;
  capacityAvailable: number | null; capacityMaximum: number | null; capacityUnit: string | null; capacityUpdatedAt: Date | null;
  lastConfirmedAt: Date | null; deletedAt: Date | null;
};
export type LocationForAsset = {
  id: string; name: string; latitude: number; longitude: number; placement?: string; address1: string | null; city: string | null;
  postalCode: string | null; visibility: "PUBLIC" | "COALITION"; deletedAt: Date | null;
};
export type ScheduleForAsset = ScheduleRule & { serviceId?: string | null; locationId?: string | null; serviceAtLocationId?: string | null };

/** The schedules that apply to a service at a location: its own, else the service's, else the location's. */
export function schedulesFor(salId: string, serviceId: string, locationId: string, schedules: readonly ScheduleForAsset[]): ScheduleRule[] {
  const pick = (list: ScheduleForAsset[]) => list.map(({ freq, byday, bymonthday, opensAt, closesAt, timezone, validFrom, validTo }) => ({
    freq, byday, bymonthday, opensAt, closesAt, timezone,
    validFrom: validFrom ? new Date(validFrom).toISOString() : null, validTo: validTo ? new Date(validTo).toISOString() : null,
  }));
  const own = schedules.filter((s) => s.serviceAtLocationId === salId);
  if (own.length) return pick(own);
  const service = schedules.filter((s) => s.serviceId === serviceId && !s.serviceAtLocationId);
  if (service.length) return pick(service);
  return pick(schedules.filter((s) => s.locationId === locationId && !s.serviceAtLocationId));
}

export function buildServiceLocationAsset({ salId, service, location, organizationName, schedules, phone, timeZone }: {
  salId: string; service: ServiceForAsset; location: LocationForAsset; organizationName: string; schedules: ScheduleRule[]; phone: string | null; timeZone: string;
}) {
  const address = [location.address1, location.city].filter(Boolean).join(", ") || null;
  const name = service.name === location.name || !location.name ? service.name : `${service.name} — ${location.name}`;
  return {
    id: salId,
    coalitionId: service.coalitionId,
    organizationId: service.organizationId,
    kind: "SERVICE_LOCATION" as const,
    // The stricter of the two: a public service at a coalition-only location is coalition-only.
    visibility: service.visibility === "COALITION" || location.visibility === "COALITION" ? ("COALITION" as const) : ("PUBLIC" as const),
    name,
    description: service.description,
    latitude: location.latitude,
    longitude: location.longitude,
    approximate: location.placement === "GEOCODED" || location.placement === "APPROXIMATE",
    address,
    postalCode: location.postalCode,
    phone,
    url: service.url,
    sdohCodes: service.sdohCodes,
    languages: service.languages,
    free: service.free,
    eligibility: service.eligibilityDescription,
    minimumAge: service.minimumAge,
    maximumAge: service.maximumAge,
    capacityStatus: service.capacityStatus,
    capacityAvailable: service.capacityAvailable,
    capacityMaximum: service.capacityMaximum,
    capacityUnit: service.capacityUnit,
    capacityUpdatedAt: service.capacityUpdatedAt,
    lastConfirmedAt: service.lastConfirmedAt,
    schedules,
    timeZone,
    searchText: [service.name, location.name, service.description, organizationName, address, location.postalCode].filter(Boolean).join(" ").toLowerCase(),
    serviceId: service.id,
    locationId: location.id,
    serviceAtLocationId: salId,
    deletedAt: service.deletedAt ?? location.deletedAt ?? (service.status === "DEFUNCT" || service.status === "INACTIVE" ? new Date() : null),
  };
}
