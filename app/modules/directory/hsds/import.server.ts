/**
 * HSDS 3.0 import, one record at a time: each service (with its locations, schedules and phones)
 * is written in its own transaction, so a bad row never leaves half a record behind, and a
 * re-import matches records by their HSDS id (externalId) and updates them instead of
 * duplicating. Runs in batches sent by the browser, so an interrupted import is resumed by
 * sending the remaining batches (or the whole file again).
 */
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { isGravityCode } from "~/modules/sdoh/roll-up";
import { uuidFromName } from "../ids";
import { rebuildAssetsForService } from "../service.server";
import { codesForTermId } from "./taxonomy";
import { HsdsServiceInput, type HsdsServiceRecord } from "./import-schemas";
import type { Actor } from "~/modules/auth/actor";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";

export type ImportOutcome = { row: number; id: string | null; name: string | null; outcome: "created" | "updated" | "rejected"; reason?: string; warnings: string[] };
/** "provider": the file's organizations become directory providers (conveners); "own": every record belongs to the importer's organization (directors). */
export type ImportMode = "provider" | "own";

const STATUS = { active: "ACTIVE", inactive: "INACTIVE", defunct: "DEFUNCT", "temporarily closed": "TEMPORARILY_CLOSED" } as const;
type Tx = Prisma.TransactionClient;

function sdohCodesOf(record: HsdsServiceRecord): string[] {
  const codes = new Set<string>();
  for (const a of record.attributes) {
    for (const candidate of [a.taxonomy_term?.code, a.value]) if (candidate && isGravityCode(candidate)) codes.add(candidate);
    const byId = a.taxonomy_term_id ? codesForTermId(a.taxonomy_term_id) : null;
    if (byId?.length === 1) codes.add(byId[0]);
  }
  return [...codes];
}

const scheduleData = (s: { freq?: string; byday?: string; bymonthday?: string; opens_at?: string; closes_at?: string; valid_from?: string; valid_to?: string; description?: string; id?: string }) => {
  const date = (v?: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
  return { freq: s.freq ?? "WEEKLY", byday: (s.byday ?? "").toUpperCase().replace(/\s+/g, ""), bymonthday: s.bymonthday ?? null, opensAt: s.opens_at ?? null, closesAt: s.closes_at ?? null, validFrom: date(s.valid_from), validTo: date(s.valid_to), description: s.description ?? null, externalId: s.id ?? null };
};

async function providerOrganization(tx: Tx, actor: Actor<"coalition">, record: HsdsServiceRecord) {
  const externalId = record.organization?.id ?? record.organization_id ?? `unknown:${record.id}`;
  const slug = `hsds-${uuidFromName(`${actor.coalitionId}:organization:${externalId}`).slice(0, 18)}`;
  const data = {
    name: record.organization?.name ?? `Provider of ${record.name}`,
    description: record.organization?.description ?? "",
    email: record.organization?.email ?? null,
    website: record.organization?.website ?? null,
  };
  return tx.organization.upsert({ where: { slug }, create: { slug, kind: "OTHER", ...data }, update: data, select: { id: true } });
}

async function importOne(actor: Actor<"coalition">, mode: ImportMode, visibility: "PUBLIC" | "COALITION", record: HsdsServiceRecord): Promise<Omit<ImportOutcome, "row">> {
  const warnings: string[] = [];
  const sdohCodes = sdohCodesOf(record);
  if (sdohCodes.length === 0) warnings.push("No SDOH category among its taxonomy terms: tag it in the hub so it shows under a need.");
  const languages = [...new Set(record.languages.map((l) => l.code?.toLowerCase()).filter((c): c is string => !!c && /^[a-z]{2,3}$/.test(c)))];
  const locations = record.service_at_locations.flatMap((sal) => {
    const l = sal.location;
    if (!l) { warnings.push(`service_at_location ${sal.id ?? "?"} has no location: skipped.`); return []; }
    const lat = l.latitude, lng = l.longitude;
    if (lat === undefined || lng === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      warnings.push(`Location ${l.id} has ${lat === undefined || lng === undefined ? "no coordinates" : `out-of-range coordinates (${lat}, ${lng})`}: not placed on the map.`);
      return [];
    }
    return [{ sal, location: { ...l, latitude: lat, longitude: lng } }];
  });

  return db.$transaction(async (tx) => {
    const organizationId = mode === "own" ? actor.organizationId : (await providerOrganization(tx, actor, record)).id;
    const serviceData = {
      organizationId, name: record.name, alternateName: record.alternate_name ?? null, description: record.description ?? "", url: record.url ?? null, email: record.email ?? null,
      status: STATUS[record.status], eligibilityDescription: record.eligibility_description ?? null, minimumAge: record.minimum_age ?? null, maximumAge: record.maximum_age ?? null,
      feesDescription: record.fees_description ?? null, applicationProcess: record.application_process ?? null, languages: languages.length ? languages : ["en"], sdohCodes, visibility,
      lastConfirmedAt: record.assured_date && !Number.isNaN(Date.parse(record.assured_date)) ? new Date(record.assured_date) : null,
    };
    const existing = await tx.directoryService.findUnique({ where: { coalitionId_externalId: { coalitionId: actor.coalitionId, externalId: record.id } }, select: { id: true, organizationId: true } });
    if (existing && mode === "own" && existing.organizationId !== actor.organizationId) {
      throw new ImportRowError("This HSDS id already belongs to another organization's record.");
    }
    const service = existing
      ? await tx.directoryService.update({ where: { id: existing.id }, data: { ...serviceData, deletedAt: null } })
      : await tx.directoryService.create({ data: { ...serviceData, coalitionId: actor.coalitionId, externalId: record.id } });

    await tx.directorySchedule.deleteMany({ where: { serviceId: service.id } });
    await tx.directoryPhone.deleteMany({ where: { serviceId: service.id } });
    for (const s of record.schedules) await tx.directorySchedule.create({ data: { ...scheduleData(s), serviceId: service.id } });
    for (const p of record.phones) await tx.directoryPhone.create({ data: { serviceId: service.id, number: p.number, extension: p.extension ?? null, type: p.type ?? null, description: p.description ?? null } });

    const keep: string[] = [];
    for (const { sal, location: l } of locations) {
      const address = l.addresses?.[0];
      const locationData = {
        organizationId, name: l.name ?? record.name, description: l.description ?? "", locationType: l.location_type ?? "physical", latitude: l.latitude, longitude: l.longitude,
        address1: address?.address_1 ?? null, city: address?.city ?? null, stateProvince: address?.state_province ?? null, postalCode: address?.postal_code ?? null, transportation: l.transportation ?? null, visibility,
      };
      const location = await tx.directoryLocation.upsert({
        where: { coalitionId_externalId: { coalitionId: actor.coalitionId, externalId: l.id } },
        create: { ...locationData, coalitionId: actor.coalitionId, externalId: l.id },
        update: { ...locationData, deletedAt: null },
      });
      await tx.directorySchedule.deleteMany({ where: { locationId: location.id, serviceId: null, serviceAtLocationId: null } });
      for (const s of l.schedules ?? []) await tx.directorySchedule.create({ data: { ...scheduleData(s), locationId: location.id } });
      const link = await tx.serviceAtLocation.upsert({ where: { serviceId_locationId: { serviceId: service.id, locationId: location.id } }, create: { serviceId: service.id, locationId: location.id, externalId: sal.id ?? null }, update: { externalId: sal.id ?? null } });
      await tx.directorySchedule.deleteMany({ where: { serviceAtLocationId: link.id } });
      for (const s of sal.schedules ?? []) await tx.directorySchedule.create({ data: { ...scheduleData(s), serviceAtLocationId: link.id } });
      keep.push(link.id);
    }
    // Locations dropped from the record leave the map.
    const dropped = await tx.serviceAtLocation.findMany({ where: { serviceId: service.id, id: { notIn: keep } }, select: { id: true } });
    if (dropped.length) {
      await tx.asset.deleteMany({ where: { serviceAtLocationId: { in: dropped.map((d) => d.id) } } });
      await tx.serviceAtLocation.deleteMany({ where: { id: { in: dropped.map((d) => d.id) } } });
    }
    await rebuildAssetsForService(tx, service.id);
    await recordAuditEvent({ action: existing ? "directory.hsds_import_updated" : "directory.hsds_import_created", subjectType: "DirectoryService", subjectId: service.id, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { externalId: record.id, warnings: warnings.length }, request: actor.request }, tx);
    return { id: record.id, name: record.name, outcome: existing ? ("updated" as const) : ("created" as const), warnings };
  }, { timeout: 30_000 });
}

class ImportRowError extends Error {}

export async function importHsdsBatch({ actor, mode, visibility, offset, records }: { actor: Actor<"coalition">; mode: ImportMode; visibility: "PUBLIC" | "COALITION"; offset: number; records: unknown[] }): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = [];
  for (const [i, raw] of records.entries()) {
    const row = offset + i + 1;
    const parsed = HsdsServiceInput.safeParse(raw);
    const rawObj = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results.push({ row, id: typeof rawObj.id === "string" ? rawObj.id : null, name: typeof rawObj.name === "string" ? rawObj.name : null, outcome: "rejected", reason: `${issue.path.join(".") || "record"}: ${translateMessage(issue.message, translatorForLocale("en"))}`, warnings: [] });
      continue;
    }
    try {
      results.push({ row, ...(await importOne(actor, mode, visibility, parsed.data)) });
    } catch (error) {
      const reason = error instanceof ImportRowError ? error.message : `Could not be saved: ${(error as Error).message.split("\n").slice(-1)[0].slice(0, 200)}`;
      results.push({ row, id: parsed.data.id, name: parsed.data.name, outcome: "rejected", reason, warnings: [] });
    }
  }
  return results;
}
