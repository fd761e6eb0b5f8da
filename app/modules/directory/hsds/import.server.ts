/**
 * HSDS import (every version, once csv-package.ts has read it into the 3.0 shape), one record at a time: each service (with its locations, schedules and phones)
 * is written in its own transaction, so a bad row never leaves half a record behind, and a
 * re-import matches records by their HSDS id (externalId) and updates them instead of
 * duplicating. Runs in batches sent by the browser, so an interrupted import is resumed by
 * sending the remaining batches (or the whole file again).
 */
import { createHash } from "node:crypto";
import { db, Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { isGravityCode } from "~/modules/sdoh/roll-up";
import { uuidFromName } from "../ids";
import { rebuildAssetsForService } from "../service.server";
import { placeLocation, type Placement } from "../placement.server";
import { codesForTermId } from "./taxonomy";
import { languageCode } from "./languages";
import { HsdsServiceInput, type HsdsServiceRecord } from "./import-schemas";
import type { Actor } from "~/modules/auth/actor";
import { currentTranslator } from "~/utils/http-errors.server";
import { humanIssueMessage } from "~/utils/zod-messages";
import { translatable, translateMessage, type MessageValues, type Translate } from "~/utils/translatable";

/** A line of the import report, worded when the report is made (`importHsdsBatch`'s translator). */
const d = (key: string, values?: MessageValues) => translatable(`errors.services.directory.${key}`, values);

/** Where each of a record's locations went: the page words it ("approximate location", "not on the map"). */
export type LocationPlacementReport = { id: string; name: string | null; placement: Placement | "CORRECTED"; address: string | null };
/** On a dry run, created/updated/unchanged say what would happen; nothing is written. */
export type ImportOutcome = { row: number; id: string | null; name: string | null; outcome: "created" | "updated" | "unchanged" | "rejected"; reason?: string; warnings: string[]; locations: LocationPlacementReport[] };
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
    website: record.organization?.website ?? record.organization?.url ?? null,
    // The organization's own phone (HSDS organization-level phone), not a service's.
    phone: record.organization?.phones[0]?.number ?? null,
  };
  // Several services name one organization, some only by id and name: what a record leaves out is not erased.
  const update = Object.fromEntries(Object.entries(data).filter(([key, v]) => v !== null && !(key === "description" && v === "")));
  return tx.organization.upsert({ where: { slug }, create: { slug, kind: "OTHER", ...data }, update, select: { id: true } });
}

type Located = { sal: HsdsServiceRecord["service_at_locations"][number]; location: NonNullable<HsdsServiceRecord["service_at_locations"][number]["location"]>; latitude: number | null; longitude: number | null; placement: Placement | "CORRECTED" };

const addressLine = (a?: { address_1?: string; city?: string; state_province?: string; postal_code?: string }) => (a ? [a.address_1, a.city, [a.state_province, a.postal_code].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null : null);

/** Places each location before the write transaction (a geocoder call must not hold a transaction open). */
async function placeAll(actor: Actor<"coalition">, record: HsdsServiceRecord, warnings: string[]): Promise<Located[]> {
  const geocoderUrl = getEnv().GEOCODER_URL;
  const out: Located[] = [];
  for (const sal of record.service_at_locations) {
    const l = sal.location;
    if (!l) { warnings.push(d("importNoLocation", { id: sal.id ?? "?" })); continue; }
    const { latitude: lat, longitude: lng } = l;
    const hasCoordinates = lat !== undefined && lng !== undefined;
    if (hasCoordinates && (Math.abs(lat) > 90 || Math.abs(lng) > 180)) warnings.push(d("importBadCoordinates", { id: l.id, latitude: lat, longitude: lng }));
    const exact = hasCoordinates && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    if (!exact) {
      // Coordinates a person typed or dragged for this location are not undone by the same file again.
      const corrected = await db.directoryLocation.findFirst({ where: { coalitionId: actor.coalitionId, externalId: l.id, placement: "CORRECTED", latitude: { not: null }, longitude: { not: null } }, select: { latitude: true, longitude: true } });
      if (corrected) { out.push({ sal, location: l, latitude: corrected.latitude, longitude: corrected.longitude, placement: "CORRECTED" }); continue; }
    }
    const placed = await placeLocation({ latitude: exact ? lat : undefined, longitude: exact ? lng : undefined, addresses: l.addresses ?? [], geocoderUrl });
    out.push({ sal, location: l, ...placed });
  }
  return out;
}

const fingerprintOf = (record: HsdsServiceRecord, mode: ImportMode, visibility: string) => createHash("sha256").update(JSON.stringify({ record, mode, visibility, v: 1 })).digest("hex");

class DryRun extends Error {
  constructor(readonly result: Omit<ImportOutcome, "row">) { super("dry run"); }
}

async function importOne(actor: Actor<"coalition">, mode: ImportMode, visibility: "PUBLIC" | "COALITION", record: HsdsServiceRecord, dryRun: boolean): Promise<Omit<ImportOutcome, "row">> {
  const warnings: string[] = [];
  const sdohCodes = sdohCodesOf(record);
  if (sdohCodes.length === 0) warnings.push(d("importNoSdoh"));
  const languageCodes: string[] = [];
  for (const l of record.languages) {
    const code = l.code ? languageCode(l.code) : l.name ? languageCode(l.name) : undefined;
    if (code) languageCodes.push(code);
    else if (l.name || l.code) warnings.push(d("importLanguage", { language: l.name ?? l.code ?? "" }));
  }
  const languages = [...new Set(languageCodes)];
  const fingerprint = fingerprintOf(record, mode, visibility);
  const existing = await db.directoryService.findUnique({ where: { coalitionId_externalId: { coalitionId: actor.coalitionId, externalId: record.id } }, select: { id: true, organizationId: true, importFingerprint: true, deletedAt: true, atLocations: { select: { location: { select: { externalId: true, name: true, placement: true, address1: true, city: true, stateProvince: true, postalCode: true } } } } } });
  if (existing && mode === "own" && existing.organizationId !== actor.organizationId) throw new ImportRowError(d("importOtherOrganization"));
  // The same record as last time: nothing to write, not even updatedAt (a re-import changes nothing).
  if (existing && !existing.deletedAt && existing.importFingerprint === fingerprint) {
    const locations = existing.atLocations.map(({ location: l }) => ({ id: l.externalId ?? "", name: l.name, placement: l.placement, address: addressLine({ address_1: l.address1 ?? undefined, city: l.city ?? undefined, state_province: l.stateProvince ?? undefined, postal_code: l.postalCode ?? undefined }) }));
    return { id: record.id, name: record.name, outcome: "unchanged", warnings, locations };
  }
  const located = await placeAll(actor, record, warnings);
  const locations: LocationPlacementReport[] = located.map((x) => ({ id: x.location.id, name: x.location.name ?? null, placement: x.placement, address: addressLine(x.location.addresses?.[0]) }));
  const result = { id: record.id, name: record.name, outcome: existing ? ("updated" as const) : ("created" as const), warnings, locations };

  try {
    return await db.$transaction(async (tx) => {
      const organizationId = mode === "own" ? actor.organizationId : (await providerOrganization(tx, actor, record)).id;
      const serviceData = {
        organizationId, name: record.name, alternateName: record.alternate_name ?? null, description: record.description ?? "", url: record.url ?? null, email: record.email ?? null,
        status: STATUS[record.status], eligibilityDescription: record.eligibility_description ?? null, minimumAge: record.minimum_age ?? null, maximumAge: record.maximum_age ?? null,
        feesDescription: record.fees_description ?? null, applicationProcess: record.application_process ?? null, languages: languages.length ? languages : ["en"], sdohCodes, visibility,
        serviceAreas: [...new Set(record.service_areas.map((a) => a.name ?? a.service_area).filter((v): v is string => !!v))],
        requiredDocuments: [...new Set(record.required_documents.map((d) => d.document).filter((v): v is string => !!v))],
        importFingerprint: fingerprint,
        lastConfirmedAt: record.assured_date && !Number.isNaN(Date.parse(record.assured_date)) ? new Date(record.assured_date) : null,
      };
      const service = existing
        ? await tx.directoryService.update({ where: { id: existing.id }, data: { ...serviceData, deletedAt: null } })
        : await tx.directoryService.create({ data: { ...serviceData, coalitionId: actor.coalitionId, externalId: record.id } });

      await tx.directorySchedule.deleteMany({ where: { serviceId: service.id } });
      await tx.directoryPhone.deleteMany({ where: { serviceId: service.id } });
      await tx.directoryContact.deleteMany({ where: { serviceId: service.id } });
      for (const s of record.schedules) await tx.directorySchedule.create({ data: { ...scheduleData(s), serviceId: service.id } });
      for (const p of record.phones) await tx.directoryPhone.create({ data: { serviceId: service.id, ...phoneData(p) } });
      for (const c of record.contacts) await createContact(tx, { serviceId: service.id }, c);

      const keep: string[] = [];
      for (const { sal, location: l, latitude, longitude, placement } of located) {
        const address = l.addresses?.[0];
        const locationData = {
          organizationId, name: l.name ?? record.name, description: l.description ?? "", locationType: l.location_type ?? "physical", latitude, longitude, placement,
          address1: address?.address_1 ?? null, city: address?.city ?? null, stateProvince: address?.state_province ?? null, postalCode: address?.postal_code ?? null, transportation: l.transportation ?? null, visibility,
        };
        const location = await tx.directoryLocation.upsert({
          where: { coalitionId_externalId: { coalitionId: actor.coalitionId, externalId: l.id } },
          create: { ...locationData, coalitionId: actor.coalitionId, externalId: l.id },
          update: { ...locationData, deletedAt: null },
        });
        await tx.directorySchedule.deleteMany({ where: { locationId: location.id, serviceId: null, serviceAtLocationId: null } });
        for (const s of l.schedules ?? []) await tx.directorySchedule.create({ data: { ...scheduleData(s), locationId: location.id } });
        await tx.directoryPhone.deleteMany({ where: { locationId: location.id, serviceId: null, contactId: null } });
        for (const p of l.phones ?? []) await tx.directoryPhone.create({ data: { locationId: location.id, ...phoneData(p) } });
        await tx.directoryContact.deleteMany({ where: { locationId: location.id } });
        for (const c of l.contacts ?? []) await createContact(tx, { locationId: location.id }, c);
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
      if (dryRun) throw new DryRun(result);
      await recordAuditEvent({ action: existing ? "directory.hsds_import_updated" : "directory.hsds_import_created", subjectType: "DirectoryService", subjectId: service.id, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: actor.coalitionId, metadata: { externalId: record.id, warnings: warnings.length, placements: locations.map((l) => l.placement) }, request: actor.request }, tx);
      return result;
    }, { timeout: 30_000 });
  } catch (error) {
    // A dry run does every write (so its report is exactly what a real import would do) and rolls them back.
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

const phoneData = (p: { number: string; extension?: string; type?: string; description?: string }) => ({ number: p.number, extension: p.extension ?? null, type: p.type ?? null, description: p.description ?? null });

async function createContact(tx: Tx, owner: { serviceId: string } | { locationId: string }, c: HsdsServiceRecord["contacts"][number]) {
  const contact = await tx.directoryContact.create({ data: { ...owner, name: c.name ?? null, title: c.title ?? null, department: c.department ?? null, email: c.email ?? null, externalId: c.id ?? null } });
  for (const p of c.phones) await tx.directoryPhone.create({ data: { contactId: contact.id, ...phoneData(p) } });
}

class ImportRowError extends Error {}

/**
 * The report's reasons and warnings are in the reader's language: `t` is the request's (the ambient
 * translator during an action, ADR 071; a partner system sending no language reads English).
 */
export async function importHsdsBatch({ actor, mode, visibility, offset, records, dryRun = false, t = currentTranslator() }: { actor: Actor<"coalition">; mode: ImportMode; visibility: "PUBLIC" | "COALITION"; offset: number; records: unknown[]; dryRun?: boolean; t?: Translate }): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = [];
  for (const [i, raw] of records.entries()) {
    const row = offset + i + 1;
    const parsed = HsdsServiceInput.safeParse(raw);
    const rawObj = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results.push({ row, id: typeof rawObj.id === "string" ? rawObj.id : null, name: typeof rawObj.name === "string" ? rawObj.name : null, outcome: "rejected", reason: t("errors.services.directory.importRejected", { field: issue.path.join(".") || t("errors.services.directory.importRecord"), problem: humanIssueMessage(issue, t) }), warnings: [], locations: [] });
      continue;
    }
    try {
      const outcome = await importOne(actor, mode, visibility, parsed.data, dryRun);
      results.push({ row, ...outcome, warnings: outcome.warnings.map((w) => translateMessage(w, t)) });
    } catch (error) {
      const reason = error instanceof ImportRowError ? translateMessage(error.message, t) : t("errors.services.directory.importNotSaved", { detail: (error as Error).message.split("\n").slice(-1)[0].slice(0, 200) });
      results.push({ row, id: parsed.data.id, name: parsed.data.name, outcome: "rejected", reason, warnings: [], locations: [] });
    }
  }
  return results;
}
