/**
 * Map reads. The bbox query runs on the Asset read model alone: a GiST index on
 * point(longitude, latitude) narrows to the box, then the filters; at most a page is returned,
 * with `truncated` set when there was more.
 */
import type { Feature, Point } from "geojson";
import { db, Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/app-error";
import { categoriesOf, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { isOpenAt, type ScheduleRule } from "./open-now";
import { CAPACITY_FILTER_STATUS, type AssetQuery } from "./schemas";
import type { DirectoryViewer } from "./viewer.server";

import type { AssetCollection, AssetSummary } from "./types";

export type { AssetCollection, AssetSummary };

type Row = {
  id: string; kind: string; visibility: "PUBLIC" | "COALITION"; name: string; organization: string | null; address: string | null;
  latitude: number; longitude: number; sdohCodes: string[]; languages: string[]; free: boolean; capacityStatus: string | null;
  schedules: ScheduleRule[]; timeZone: string;
};

/** How many rows the database hands over per page when "open now" is filtered afterwards. */
const OPEN_NOW_BATCH = 2000;

export async function searchAssets({ viewer, query, now = new Date() }: { viewer: DirectoryViewer; query: AssetQuery; now?: Date }): Promise<AssetCollection> {
  const { minLng, minLat, maxLng, maxLat } = query.bbox;
  const where: Prisma.Sql[] = [
    Prisma.sql`a."coalitionId" = ${viewer.coalitionId}::uuid`,
    Prisma.sql`a."deletedAt" IS NULL`,
    Prisma.sql`point(a."longitude", a."latitude") <@ box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`,
  ];
  if (!viewer.member) where.push(Prisma.sql`a."visibility" = 'PUBLIC'`);
  if (query.sdoh) where.push(Prisma.sql`a."sdohCodes" @> ARRAY[${query.sdoh}]::text[]`);
  if (query.domain) where.push(Prisma.sql`a."sdohCodes" && ARRAY[${Prisma.join(categoriesOf(query.domain as Hp2030DomainId))}]::text[]`);
  if (query.language) where.push(Prisma.sql`a."languages" @> ARRAY[${query.language}]::text[]`);
  if (query.capacity) where.push(Prisma.sql`a."capacityStatus" = ${CAPACITY_FILTER_STATUS[query.capacity]}::"CapacityStatus"`);
  if (query.cost === "free") where.push(Prisma.sql`a."free" = true`);
  if (query.kind) where.push(Prisma.sql`a."kind" = ${query.kind}::"AssetKind"`);
  if (query.q) where.push(Prisma.sql`a."searchText" LIKE ${`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);

  const select = (limit: number, offset: number) => db.$queryRaw<Row[]>`
    SELECT a."id", a."kind"::text AS "kind", a."visibility"::text AS "visibility", a."name", o."name" AS "organization", a."address",
           a."latitude", a."longitude", a."sdohCodes", a."languages", a."free", a."capacityStatus"::text AS "capacityStatus",
           a."schedules", a."timeZone"
    FROM "Asset" a LEFT JOIN "Organization" o ON o."id" = a."organizationId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."id"
    LIMIT ${limit} OFFSET ${offset}`;

  let rows: Row[] = [];
  let truncated = false;
  if (!query.open_now) {
    rows = await select(query.limit + 1, 0);
    truncated = rows.length > query.limit;
    rows = rows.slice(0, query.limit);
  } else {
    // Hours live in each asset's own time zone and may run overnight: filter in code, page by page.
    for (let offset = 0; ; offset += OPEN_NOW_BATCH) {
      const batch = await select(OPEN_NOW_BATCH, offset);
      for (const row of batch) {
        if (!isOpenAt(row.schedules ?? [], now, row.timeZone)) continue;
        if (rows.length === query.limit) { truncated = true; break; }
        rows.push(row);
      }
      if (truncated || batch.length < OPEN_NOW_BATCH) break;
    }
  }

  const features: Feature<Point, AssetSummary>[] = rows.map((r) => ({
    type: "Feature",
    id: r.id,
    geometry: { type: "Point", coordinates: [r.longitude, r.latitude] },
    properties: {
      id: r.id, kind: r.kind, visibility: r.visibility, name: r.name, organization: r.organization, address: r.address,
      sdoh: r.sdohCodes, languages: r.languages, free: r.free, capacity: r.capacityStatus, openNow: isOpenAt(r.schedules ?? [], now, r.timeZone),
    },
  }));
  return { type: "FeatureCollection", features, truncated, limit: query.limit, count: features.length };
}

export async function getAssetDetail({ viewer, assetId, now = new Date() }: { viewer: DirectoryViewer; assetId: string; now?: Date }) {
  if (!/^[0-9a-f-]{36}$/i.test(assetId)) throw notFound("Asset not found");
  const asset = await db.asset.findFirst({
    where: { id: assetId, coalitionId: viewer.coalitionId, deletedAt: null, ...(viewer.member ? {} : { visibility: "PUBLIC" as const }) },
    include: { organization: { select: { id: true, name: true, phone: true, website: true } } },
  });
  if (!asset) throw notFound("Asset not found");
  const service = asset.serviceId
    ? await db.directoryService.findUnique({ where: { id: asset.serviceId }, select: { applicationProcess: true, feesDescription: true, email: true, status: true } })
    : null;
  const schedules = (asset.schedules ?? []) as ScheduleRule[];
  return {
    id: asset.id, kind: asset.kind, visibility: asset.visibility, name: asset.name, description: asset.description,
    latitude: asset.latitude, longitude: asset.longitude, address: asset.address, postalCode: asset.postalCode, phone: asset.phone, url: asset.url,
    email: service?.email ?? null, applicationProcess: service?.applicationProcess ?? null, fees: service?.feesDescription ?? null,
    sdoh: asset.sdohCodes, languages: asset.languages, free: asset.free, eligibility: asset.eligibility, minimumAge: asset.minimumAge, maximumAge: asset.maximumAge,
    capacity: asset.capacityStatus ? { status: asset.capacityStatus, available: asset.capacityAvailable, maximum: asset.capacityMaximum, unit: asset.capacityUnit, updatedAt: asset.capacityUpdatedAt?.toISOString() ?? null } : null,
    lastConfirmedAt: asset.lastConfirmedAt?.toISOString() ?? null,
    schedules, timeZone: asset.timeZone, openNow: isOpenAt(schedules, now, asset.timeZone),
    organization: asset.organization,
    vouchedBy: asset.vouchedByName ? { name: asset.vouchedByName, organization: asset.vouchedByOrganization, note: asset.vouchNote } : null,
    serviceId: asset.serviceId, locationId: asset.locationId,
  };
}
export type AssetDetail = Awaited<ReturnType<typeof getAssetDetail>>;
