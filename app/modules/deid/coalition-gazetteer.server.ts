/**
 * The gazetteer of one coalition's directory, kept in memory per coalition and rebuilt when the
 * directory changes (ADR 088). Each call asks the database one cheap question, the directory's
 * fingerprint (the asset map version that triggers bump on every Asset write, and the count and
 * latest update of the coalition's locations, services and member organizations); the names and
 * addresses are read again only when it moved. Nothing here is shown to anyone: the gazetteer
 * only makes the identifier check flag a coalition's own places.
 */
import { db } from "~/utils/db.server";
import { buildGazetteer, RESIDENCE_OR_CARE, type Gazetteer, type GazetteerEntry } from "./gazetteer.server";

const cache = new Map<string, { fingerprint: string; gazetteer: Promise<Gazetteer> }>();
/** Coalitions kept (least recently used goes first). */
const MAX_ENTRIES = 32;

export function clearGazetteerCache() {
  cache.clear();
}

async function fingerprint(coalitionId: string): Promise<string> {
  const rows = await db.$queryRaw<{ fp: string }[]>`
    SELECT concat_ws('|',
      (SELECT "version"::text FROM "AssetMapVersion" WHERE "coalitionId" = ${coalitionId}::uuid),
      (SELECT count(*)::text || ':' || coalesce(max("updatedAt")::text, '') FROM "DirectoryLocation" WHERE "coalitionId" = ${coalitionId}::uuid),
      (SELECT count(*)::text || ':' || coalesce(max("updatedAt")::text, '') FROM "DirectoryService" WHERE "coalitionId" = ${coalitionId}::uuid),
      (SELECT count(*)::text || ':' || coalesce(max(o."updatedAt")::text, '') FROM "Organization" o JOIN "CoalitionMember" m ON m."organizationId" = o."id" WHERE m."coalitionId" = ${coalitionId}::uuid)
    ) AS fp`;
  return rows[0]?.fp ?? "";
}

/** A partner's or a service's name is not an identifier, unless it names where people live, sleep or are treated. */
const named = (text: string | null | undefined, otherwise: GazetteerEntry["kind"]): GazetteerEntry[] =>
  text?.trim() ? [{ text: text.trim(), kind: RESIDENCE_OR_CARE.test(text.trim()) ? "place" : otherwise }] : [];
const address = (text: string | null | undefined): GazetteerEntry[] => (text?.trim() && /\d/.test(text) ? [{ text: text.trim(), kind: "place" }] : []);

/** Every name and address of the coalition's directory, each with its kind (pure data, read once per version). */
export async function directoryEntries(coalitionId: string): Promise<GazetteerEntry[]> {
  const [organizations, services, locations, assets] = await Promise.all([
    db.organization.findMany({ where: { deletedAt: null, coalitions: { some: { coalitionId } } }, select: { name: true, addressLine1: true } }),
    db.directoryService.findMany({ where: { coalitionId, deletedAt: null }, select: { name: true, alternateName: true } }),
    db.directoryLocation.findMany({ where: { coalitionId, deletedAt: null }, select: { name: true, address1: true, organization: { select: { name: true } } } }),
    db.asset.findMany({ where: { coalitionId, deletedAt: null, kind: { not: "SERVICE_LOCATION" } }, select: { kind: true, name: true, address: true } }),
  ]);
  const organizationNames = new Set(organizations.map((o) => o.name.trim().toLowerCase()));
  return [
    ...organizations.flatMap((o) => [...named(o.name, "organization"), ...address(o.addressLine1)]),
    ...services.flatMap((s) => [...named(s.name, "organization"), ...named(s.alternateName, "organization")]),
    // A location with a name of its own ("Fireweed Warming Center" of Fireweed Mutual Aid) is a place; one named
    // after its partner is the partner's name.
    ...locations.flatMap((l) => [...named(l.name, organizationNames.has(l.name.trim().toLowerCase()) || l.name.trim().toLowerCase() === l.organization?.name.trim().toLowerCase() ? "organization" : "place"), ...address(l.address1)]),
    ...assets.flatMap((a) => [
      ...(a.kind === "TRUSTED_PERSON" ? named(a.name, "person") : a.kind === "PLACE" ? named(a.name, "place") : named(a.name, "organization")),
      ...address(a.address),
    ]),
  ];
}

/** The coalition's gazetteer, rebuilt when its directory's fingerprint moved. */
export async function coalitionGazetteer(coalitionId: string): Promise<Gazetteer> {
  const fp = await fingerprint(coalitionId);
  const hit = cache.get(coalitionId);
  if (hit && hit.fingerprint === fp) {
    cache.delete(coalitionId);
    cache.set(coalitionId, hit);
    return hit.gazetteer;
  }
  const gazetteer = directoryEntries(coalitionId).then(buildGazetteer);
  cache.set(coalitionId, { fingerprint: fp, gazetteer });
  gazetteer.catch(() => cache.delete(coalitionId));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return gazetteer;
}
