/** Reads for the director's "Our services" page. */
import { db } from "~/utils/db.server";

export async function listOrganizationServices(organizationId: string, coalitionId: string) {
  const services = await db.directoryService.findMany({
    where: { organizationId, coalitionId, deletedAt: null },
    orderBy: { name: "asc" },
    include: {
      schedules: { where: { serviceAtLocationId: null }, take: 1 },
      atLocations: { orderBy: { createdAt: "asc" }, include: { location: true } },
    },
  });
  return services.map((s) => ({
    id: s.id, name: s.name, description: s.description, sdohCodes: s.sdohCodes, languages: s.languages, eligibility: s.eligibilityDescription ?? "",
    free: s.free, visibility: s.visibility, capacityStatus: s.capacityStatus ?? "", capacityAvailable: s.capacityAvailable, capacityMaximum: s.capacityMaximum, capacityUnit: s.capacityUnit ?? "",
    schedule: s.schedules[0] ? { byday: s.schedules[0].byday.split(",").filter(Boolean), opensAt: s.schedules[0].opensAt ?? "", closesAt: s.schedules[0].closesAt ?? "" } : null,
    locations: s.atLocations.map((a) => ({ id: a.location.id, name: a.location.name, latitude: a.location.latitude, longitude: a.location.longitude, address1: a.location.address1 ?? "", city: a.location.city ?? "", postalCode: a.location.postalCode ?? "" })),
  }));
}
export type OrganizationService = Awaited<ReturnType<typeof listOrganizationServices>>[number];
