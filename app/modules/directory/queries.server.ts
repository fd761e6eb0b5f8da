/**
 * Map reads. The bbox query runs on the Asset read model alone: a GiST index on
 * point(longitude, latitude) narrows to the box, then the filters; at most a page is returned,
 * with `truncated` set when there was more.
 */
import type { Feature, Point } from "geojson";
import { db, Prisma } from "~/utils/db.server";
import { recordNotFound } from "~/utils/app-error";
import { categoriesOf, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { isOpenAt, type ScheduleRule } from "./open-now";
import { CAPACITY_FILTER_STATUS, CLUSTER_MAX_ZOOM, type AssetQuery } from "./schemas";
import { clusterView } from "./clusters.server";
import type { DirectoryViewer } from "./viewer.server";

import type { AssetCollection, AssetExportCollection, AssetExportSummary, AssetSummary } from "./types";

export type { AssetCollection, AssetExportCollection, AssetSummary };

type Row = {
  id: string; kind: string; visibility: "PUBLIC" | "COALITION"; name: string; organization: string | null; address: string | null;
  latitude: number; longitude: number; sdohCodes: string[]; languages: string[]; free: boolean; capacityStatus: string | null;
  schedules: ScheduleRule[]; timeZone: string;
};

/** How many rows the database hands over per page when "open now" is filtered afterwards. */
const OPEN_NOW_BATCH = 2000;

/** What a filter asks for, apart from the map's view: `bbox`, `zoom` and `limit` are the map's. */
export type AssetMatch = Partial<Omit<AssetQuery, "bbox" | "zoom" | "limit" | "coalition" | "open_now">>;

/**
 * Which of the coalition's assets a filter matches, wherever they are, on `a` = "Asset". The one
 * definition the map's filters, the coverage counts (getCoverage) and the map's opening view
 * (matchExtent) share, so "9 assets address housing instability" on the coverage page is what the
 * map filter finds.
 */
export function assetMatch(viewer: Pick<DirectoryViewer, "coalitionId" | "member">, query: AssetMatch): Prisma.Sql[] {
  const where: Prisma.Sql[] = [
    Prisma.sql`a."coalitionId" = ${viewer.coalitionId}::uuid`,
    Prisma.sql`a."deletedAt" IS NULL`,
  ];
  if (!viewer.member) where.push(Prisma.sql`a."visibility" = 'PUBLIC'`);
  if (query.sdoh) where.push(Prisma.sql`a."sdohCodes" @> ARRAY[${query.sdoh}]::text[]`);
  if (query.domain) where.push(Prisma.sql`a."sdohCodes" && ARRAY[${Prisma.join(categoriesOf(query.domain as Hp2030DomainId))}]::text[]`);
  if (query.language) where.push(Prisma.sql`a."languages" @> ARRAY[${query.language}]::text[]`);
  if (query.capacity) where.push(Prisma.sql`a."capacityStatus" = ${CAPACITY_FILTER_STATUS[query.capacity]}::"CapacityStatus"`);
  if (query.cost === "free") where.push(Prisma.sql`a."free" = true`);
  if (query.kind) where.push(Prisma.sql`a."kind" = ${query.kind}::"AssetKind"`);
  if (query.q) where.push(Prisma.sql`a."searchText" LIKE ${`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return where;
}

/** The WHERE of a map query (everything but "open now"): the filter's matches inside the view. */
function assetFilters(viewer: DirectoryViewer, query: AssetQuery): Prisma.Sql[] {
  const { minLng, minLat, maxLng, maxLat } = query.bbox;
  return [...assetMatch(viewer, query), Prisma.sql`point(a."longitude", a."latitude") <@ box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`];
}

/**
 * The smallest box [minLng, minLat, maxLng, maxLat] holding every asset the filter matches, or null
 * when none does: the map opens on it when it is given a filter (the coverage page's "Show on the
 * map"), so every match is in view and the count agrees with the coverage.
 */
export async function matchExtent({ viewer, query }: { viewer: Pick<DirectoryViewer, "coalitionId" | "member">; query: AssetMatch }): Promise<[number, number, number, number] | null> {
  const [row] = await db.$queryRaw<{ minLng: number | null; minLat: number | null; maxLng: number | null; maxLat: number | null }[]>`
    SELECT min(a."longitude") AS "minLng", min(a."latitude") AS "minLat", max(a."longitude") AS "maxLng", max(a."latitude") AS "maxLat"
    FROM "Asset" a WHERE ${Prisma.join(assetMatch(viewer, query), " AND ")}`;
  return row && row.minLng !== null ? [row.minLng, row.minLat!, row.maxLng!, row.maxLat!] : null;
}

/** Assets per SDOH category code (and how many of them are public), counted with assetMatch. */
export async function assetCountsByCategory(viewer: Pick<DirectoryViewer, "coalitionId" | "member">): Promise<Map<string, { n: number; public: number }>> {
  const rows = await db.$queryRaw<{ code: string; n: bigint; public: bigint }[]>`
    SELECT code, count(*) AS n, count(*) FILTER (WHERE a."visibility" = 'PUBLIC') AS public
    FROM "Asset" a, unnest(a."sdohCodes") AS code
    WHERE ${Prisma.join(assetMatch(viewer, {}), " AND ")}
    GROUP BY code`;
  return new Map(rows.map((r) => [r.code, { n: Number(r.n), public: Number(r.public) }]));
}

/**
 * Every asset in the box with its full summary, "open now" evaluated in code: the GeoJSON export
 * (and the reference the map API's SQL is tested against).
 */
export async function searchAssets({ viewer, query, now = new Date() }: { viewer: DirectoryViewer; query: AssetQuery; now?: Date }): Promise<AssetExportCollection> {
  const where = assetFilters(viewer, query);

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

  const features: Feature<Point, AssetExportSummary>[] = rows.map((r) => ({
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
  if (!/^[0-9a-f-]{36}$/i.test(assetId)) throw recordNotFound("asset");
  const asset = await db.asset.findFirst({
    where: { id: assetId, coalitionId: viewer.coalitionId, deletedAt: null, ...(viewer.member ? {} : { visibility: "PUBLIC" as const }) },
    include: { organization: { select: { id: true, name: true, phone: true, website: true } } },
  });
  if (!asset) throw recordNotFound("asset");
  const service = asset.serviceId
    ? await db.directoryService.findUnique({ where: { id: asset.serviceId }, select: { applicationProcess: true, feesDescription: true, email: true, status: true, requiredDocuments: true, serviceAreas: true, contacts: { select: { id: true, name: true, title: true, email: true, phones: { select: { number: true, extension: true } } } } } })
    : null;
  const schedules = (asset.schedules ?? []) as ScheduleRule[];
  return {
    id: asset.id, kind: asset.kind, visibility: asset.visibility, name: asset.name, description: asset.description,
    latitude: asset.latitude, longitude: asset.longitude, approximate: asset.approximate, address: asset.address, postalCode: asset.postalCode, phone: asset.phone, url: asset.url,
    contacts: service?.contacts ?? [], requiredDocuments: service?.requiredDocuments ?? [], serviceAreas: service?.serviceAreas ?? [],
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

/**
 * "Open now" for `a` = "Asset" in SQL (migration asset_open_hours_sql): the precomputed axis when it is
 * exact and in the coalition's zone, else the rule-by-rule function. `ctx` carries the probe for `now`.
 */
const openNowSql = (now: Date) =>
  Prisma.sql`(CASE WHEN a."hoursExact" AND a."timeZone" = ctx."zone" THEN a."openAxis" && ctx."probe" ELSE hub_asset_open_at(a."schedules", a."timeZone", ${now}::timestamptz) END)`;
// OFFSET 0 keeps the planner from inlining the subquery, which would call hub_open_probe once per row.
const contextSql = (viewer: DirectoryViewer, now: Date) =>
  Prisma.sql`SELECT c."timeZone" AS "zone", hub_open_probe(${now}::timestamptz, c."timeZone") AS "probe" FROM "Coalition" c WHERE c."id" = ${viewer.coalitionId}::uuid OFFSET 0`;

/**
 * The GeoJSON Features of page rows `h` (joined to their organization `o`) as one JSON array text,
 * written by PostgreSQL. Concatenation with to_json() for every string (which escapes it) is
 * ~30 % faster and ~10 % smaller than json_build_object, whose output pads every ":" and ",".
 */
const featuresSql = (order: Prisma.Sql = Prisma.empty) => Prisma.sql`'[' || coalesce(string_agg(
  '{"type":"Feature","id":"' || h."id"::text || '","geometry":{"type":"Point","coordinates":[' || h."longitude"::text || ',' || h."latitude"::text || ']},' ||
  '"properties":{"id":"' || h."id"::text || '","kind":"' || h."kind"::text || '","visibility":"' || h."visibility"::text || '","name":' || to_json(h."name")::text ||
  ',"organization":' || coalesce(to_json(o."name")::text, 'null') || ',"sdoh":' || to_json(h."sdohCodes")::text ||
  ',"capacity":' || coalesce(to_json(h."capacityStatus"::text)::text, 'null') || ',"openNow":' || (CASE WHEN h."openNow" THEN 'true' ELSE 'false' END) || (CASE WHEN h."approximate" THEN ',"approximate":true' ELSE '' END) || '}}', ',' ${order}), '') || ']'`;

/**
 * The map API's answer as JSON text, built by PostgreSQL in one statement: at most `limit`
 * features (the first found by the spatial index; the list sorts them), `truncated` when there
 * were more. The route sends the text as it is.
 */
export async function mapAssetsJson({ viewer, query, now = new Date() }: { viewer: DirectoryViewer; query: AssetQuery; now?: Date }): Promise<string> {
  const where = assetFilters(viewer, query);
  if (query.open_now) where.push(openNowSql(now));
  const rows = await db.$queryRaw<{ body: string }[]>`
    WITH ctx AS MATERIALIZED (${contextSql(viewer, now)}),
    hits AS MATERIALIZED (
      SELECT a."id", a."kind", a."visibility", a."name", a."organizationId", a."longitude", a."latitude", a."sdohCodes", a."capacityStatus", a."approximate",
             ${openNowSql(now)} AS "openNow"
      FROM "Asset" a CROSS JOIN ctx
      WHERE ${Prisma.join(where, " AND ")}
      LIMIT ${query.limit + 1}
    ),
    page AS (SELECT * FROM hits LIMIT ${query.limit})
    SELECT '{"type":"FeatureCollection","features":' || (SELECT ${featuresSql()} FROM page h LEFT JOIN "Organization" o ON o."id" = h."organizationId") ||
           ',"truncated":' || CASE WHEN (SELECT count(*) FROM hits) > ${query.limit} THEN 'true' ELSE 'false' END ||
           ',"limit":' || ${query.limit}::int::text || ',"count":' || (SELECT count(*) FROM page)::text || '}' AS "body"`;
  return rows[0].body;
}

/** The features of these assets (a cluster view's list page), as a JSON array text. */
export async function mapAssetFeaturesJson({ viewer, ids, now = new Date() }: { viewer: DirectoryViewer; ids: string[]; now?: Date }): Promise<string> {
  if (ids.length === 0) return "[]";
  const rows = await db.$queryRaw<{ body: string }[]>`
    WITH ctx AS MATERIALIZED (${contextSql(viewer, now)}),
    page AS (
      SELECT a."id", a."kind", a."visibility", a."name", a."organizationId", a."longitude", a."latitude", a."sdohCodes", a."capacityStatus", a."approximate",
             ${openNowSql(now)} AS "openNow"
      FROM "Asset" a CROSS JOIN ctx
      WHERE a."id" = ANY(${ids}::uuid[]) AND a."coalitionId" = ${viewer.coalitionId}::uuid AND a."deletedAt" IS NULL
        ${viewer.member ? Prisma.empty : Prisma.sql`AND a."visibility" = 'PUBLIC'`}
    )
    SELECT ${featuresSql(Prisma.sql`ORDER BY h."id"`)} AS "body" FROM page h LEFT JOIN "Organization" o ON o."id" = h."organizationId"`;
  return rows[0].body;
}

/** How many list items a clustered view sends (the list shows 50 at a time). */
export const CLUSTER_LIST_PAGE = 100;

/**
 * GET /api/assets as JSON text. With a low `zoom` and more matches than a page, the answer carries
 * server-side `clusters` of every match and `total`, and `features` is a short list page;
 * otherwise it is the point page of mapAssetsJson.
 */
export async function mapView({ viewer, query, now = new Date() }: { viewer: DirectoryViewer; query: AssetQuery; now?: Date }): Promise<string> {
  if (query.zoom !== undefined && query.zoom <= CLUSTER_MAX_ZOOM) {
    const matches = (worldQuery: AssetQuery) => {
      const where = assetFilters(viewer, worldQuery);
      if (worldQuery.open_now) where.push(openNowSql(now));
      return Prisma.sql`SELECT a."id", a."longitude", a."latitude" FROM "Asset" a CROSS JOIN (${contextSql(viewer, now)}) ctx WHERE ${Prisma.join(where, " AND ")}`;
    };
    const view = await clusterView({ viewer, query, now, zoom: query.zoom, pageSize: Math.min(query.limit, CLUSTER_LIST_PAGE), matches });
    if (view.total > query.limit) {
      const features = await mapAssetFeaturesJson({ viewer, ids: view.pageIds, now });
      return `{"type":"FeatureCollection","features":${features},"truncated":true,"limit":${query.limit},"count":${view.pageIds.length},"total":${view.total},"clusters":${JSON.stringify(view.clusters)}}`;
    }
  }
  return mapAssetsJson({ viewer, query, now });
}
