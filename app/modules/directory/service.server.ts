/**
 * Directory writes: a director's services and locations, any partner's informal assets, and the
 * organization's SDOH "rainbow". Each write and its audit event share one transaction, and the
 * map's read model (Asset) is rebuilt in the same transaction.
 */
import type { z } from "zod";
import { db, Prisma } from "~/utils/db.server";
import { recordNotFound } from "~/utils/app-error";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { buildServiceLocationAsset, schedulesFor } from "./asset-builder";
import type { InformalAssetSchema, ServiceLocationSchema } from "./schemas";
import type { Actor } from "~/modules/auth/actor";

type Tx = Prisma.TransactionClient;

async function coalitionTimeZone(tx: Tx, coalitionId: string) {
  return (await tx.coalition.findUnique({ where: { id: coalitionId }, select: { timeZone: true } }))?.timeZone ?? "America/Denver";
}

/** Re-derives the map rows of every location a service is offered at. */
export async function rebuildAssetsForService(tx: Tx, serviceId: string) {
  const service = await tx.directoryService.findUniqueOrThrow({
    where: { id: serviceId },
    include: { organization: { select: { name: true } }, schedules: true, phones: { take: 1 }, atLocations: { include: { location: { include: { schedules: true } } }, orderBy: { createdAt: "asc" } } },
  });
  const timeZone = await coalitionTimeZone(tx, service.coalitionId);
  for (const sal of service.atLocations) {
    const { latitude, longitude } = sal.location;
    // An unplaced location (no coordinates, no usable address) stays off the map until someone places it.
    if (latitude === null || longitude === null) {
      await tx.asset.deleteMany({ where: { serviceAtLocationId: sal.id } });
      continue;
    }
    const salSchedules = await tx.directorySchedule.findMany({ where: { serviceAtLocationId: sal.id } });
    const rules = schedulesFor(sal.id, service.id, sal.locationId, [...salSchedules, ...service.schedules, ...sal.location.schedules]);
    const data = buildServiceLocationAsset({ salId: sal.id, service, location: { ...sal.location, latitude, longitude }, organizationName: service.organization.name, schedules: rules, phone: service.phones[0]?.number ?? null, timeZone });
    const { id, ...rest } = data;
    await tx.asset.upsert({ where: { id }, create: data, update: rest });
  }
}

function scheduleFrom(input: { byday: string[]; opensAt?: string; closesAt?: string }) {
  if (!input.opensAt || !input.closesAt) return null;
  return { freq: "WEEKLY", byday: input.byday.join(","), opensAt: input.opensAt, closesAt: input.closesAt };
}

export async function addInformalAsset({ actor, input }: { actor: Actor<"coalition">; input: z.infer<typeof InformalAssetSchema> }) {
  return db.$transaction(async (tx) => {
    const schedule = scheduleFrom(input);
    const asset = await tx.asset.create({
      data: {
        coalitionId: actor.coalitionId, organizationId: actor.organizationId, kind: input.kind, visibility: input.visibility,
        name: input.name, description: input.description, latitude: input.latitude, longitude: input.longitude, address: input.address || null,
        sdohCodes: input.sdohCodes, languages: input.languages.length ? input.languages : ["en"], free: true,
        schedules: schedule ? [schedule] : [], timeZone: await coalitionTimeZone(tx, actor.coalitionId),
        searchText: [input.name, input.description, input.address, actor.organizationName, actor.userName].filter(Boolean).join(" ").toLowerCase(),
        vouchedByUserId: actor.userId, vouchedByName: actor.userName, vouchedByOrganization: actor.organizationName, vouchNote: input.vouchNote,
        createdById: actor.userId, lastConfirmedAt: new Date(),
      },
    });
    await recordAuditEvent({ action: "directory.informal_asset_added", subjectType: "Asset", subjectId: asset.id, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { kind: input.kind, visibility: input.visibility }, request: actor.request }, tx);
    return asset;
  });
}

/**
 * Creates or updates one of the director's services and one of its locations: the one named by
 * `locationId`, a new one ("new"), or the first (none given). The service's details (needs,
 * hours, capacity…) apply at every location; each location keeps its own place and address.
 */
export async function saveServiceLocation({ actor, input }: { actor: Actor<"coalition">; input: z.infer<typeof ServiceLocationSchema> }) {
  return db.$transaction(async (tx) => {
    const existing = input.serviceId
      ? await tx.directoryService.findFirst({ where: { id: input.serviceId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, deletedAt: null }, include: { atLocations: { orderBy: { createdAt: "asc" }, select: { locationId: true } } } })
      : null;
    if (input.serviceId && !existing) throw recordNotFound("service");
    // A location of this service only (deny by default: another service's location looks absent).
    if (input.locationId && input.locationId !== "new" && !existing?.atLocations.some((l) => l.locationId === input.locationId)) throw recordNotFound("location");
    const capacity = input.capacityStatus
      ? { capacityStatus: input.capacityStatus, capacityAvailable: input.capacityAvailable ?? null, capacityMaximum: input.capacityMaximum ?? null, capacityUnit: input.capacityUnit || null, capacityUpdatedAt: new Date() }
      : { capacityStatus: null, capacityAvailable: null, capacityMaximum: null, capacityUnit: null, capacityUpdatedAt: null };
    const serviceData = {
      name: input.name, description: input.description, sdohCodes: input.sdohCodes, languages: input.languages.length ? input.languages : ["en"],
      eligibilityDescription: input.eligibility || null, free: input.free, visibility: input.visibility, lastConfirmedAt: new Date(), ...capacity,
    };
    const service = existing
      ? await tx.directoryService.update({ where: { id: existing.id }, data: serviceData })
      : await tx.directoryService.create({ data: { ...serviceData, coalitionId: actor.coalitionId, organizationId: actor.organizationId } });
    const locationData = {
      name: input.locationName, latitude: input.latitude, longitude: input.longitude, address1: input.address1 || null, city: input.city || null,
      stateProvince: "CO", postalCode: input.postalCode ?? null, visibility: input.visibility,
    };
    const locationId = input.locationId === "new" ? undefined : (input.locationId ?? existing?.atLocations[0]?.locationId);
    // Typed or dragged coordinates on an imported approximate/unplaced location are a person's correction: a re-import keeps them.
    const before = locationId ? await tx.directoryLocation.findUnique({ where: { id: locationId }, select: { placement: true } }) : null;
    const location = locationId
      ? await tx.directoryLocation.update({ where: { id: locationId }, data: { ...locationData, placement: !before || before.placement === "EXACT" ? "EXACT" : "CORRECTED" } })
      : await tx.directoryLocation.create({ data: { ...locationData, coalitionId: actor.coalitionId, organizationId: actor.organizationId } });
    if (!locationId) await tx.serviceAtLocation.create({ data: { serviceId: service.id, locationId: location.id } });
    await tx.directorySchedule.deleteMany({ where: { serviceId: service.id, serviceAtLocationId: null } });
    const schedule = scheduleFrom(input);
    if (schedule) await tx.directorySchedule.create({ data: { ...schedule, serviceId: service.id } });
    await rebuildAssetsForService(tx, service.id);
    // Another service offered at the same place (HSDS locations can be shared) moves with it.
    const neighbours = await tx.serviceAtLocation.findMany({ where: { locationId: location.id, serviceId: { not: service.id } }, select: { serviceId: true } });
    for (const { serviceId } of neighbours) await rebuildAssetsForService(tx, serviceId);
    await recordAuditEvent({ action: existing ? "directory.service_updated" : "directory.service_created", subjectType: "DirectoryService", subjectId: service.id, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { locationId: location.id, visibility: input.visibility }, request: actor.request }, tx);
    return { service, location };
  });
}

export async function setSdohAreas({ actor, codes }: { actor: Actor<"coalition">; codes: string[] }) {
  return db.$transaction(async (tx) => {
    const before = (await tx.organizationSdohArea.findMany({ where: { organizationId: actor.organizationId }, select: { code: true } })).map((a) => a.code);
    await tx.organizationSdohArea.deleteMany({ where: { organizationId: actor.organizationId, code: { notIn: codes } } });
    await tx.organizationSdohArea.createMany({ data: codes.map((code) => ({ organizationId: actor.organizationId, code })), skipDuplicates: true });
    await recordAuditEvent({ action: "directory.sdoh_areas_set", subjectType: "Organization", subjectId: actor.organizationId, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { before, after: codes }, request: actor.request }, tx);
    return codes;
  });
}
