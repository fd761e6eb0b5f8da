/**
 * The convener's review list (#21, ADR 094): imported locations placed from an address (geocoded
 * or at a ZIP/city centre) or not placed at all, and the correction a person types. A correction
 * is kept by later imports of the same file (placement CORRECTED).
 */
import { db } from "~/utils/db.server";
import { recordNotFound } from "~/utils/app-error";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { rebuildAssetsForService } from "./service.server";
import type { Actor } from "~/modules/auth/actor";

const REVIEW_LIMIT = 200;

/** Conveners see the coalition's; a director sees their organization's. */
const scope = (actor: Actor<"coalition">) => ({ coalitionId: actor.coalitionId, deletedAt: null, ...(actor.permissions.has("coalition:admin") ? {} : { organizationId: actor.organizationId }) });

export async function listLocationsToReview(actor: Actor<"coalition">) {
  const where = { ...scope(actor), placement: { in: ["GEOCODED", "APPROXIMATE", "UNPLACED"] as ("GEOCODED" | "APPROXIMATE" | "UNPLACED")[] } };
  const [rows, total] = await Promise.all([
    db.directoryLocation.findMany({
      where, orderBy: [{ placement: "desc" }, { name: "asc" }], take: REVIEW_LIMIT,
      select: { id: true, name: true, placement: true, latitude: true, longitude: true, address1: true, city: true, stateProvince: true, postalCode: true, organization: { select: { name: true } }, services: { select: { service: { select: { name: true } } }, take: 5 } },
    }),
    db.directoryLocation.count({ where }),
  ]);
  return {
    total,
    locations: rows.map((l) => ({
      id: l.id, name: l.name, placement: l.placement as "GEOCODED" | "APPROXIMATE" | "UNPLACED", latitude: l.latitude, longitude: l.longitude,
      address: [l.address1, l.city, [l.stateProvince, l.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
      organization: l.organization?.name ?? null, services: l.services.map((s) => s.service.name),
    })),
  };
}

export async function correctLocationPlacement({ actor, input }: { actor: Actor<"coalition">; input: { locationId: string; latitude: number; longitude: number } }) {
  return db.$transaction(async (tx) => {
    const location = await tx.directoryLocation.findFirst({ where: { id: input.locationId, ...scope(actor) }, select: { id: true, placement: true, services: { select: { serviceId: true } } } });
    if (!location) throw recordNotFound("location");
    await tx.directoryLocation.update({ where: { id: location.id }, data: { latitude: input.latitude, longitude: input.longitude, placement: "CORRECTED" } });
    for (const { serviceId } of location.services) await rebuildAssetsForService(tx, serviceId);
    await recordAuditEvent({ action: "directory.location_placed", subjectType: "DirectoryLocation", subjectId: location.id, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { before: location.placement }, request: actor.request }, tx);
    return { id: location.id };
  });
}
