/**
 * Server-side clusters for the map at low zoom. A county view can hold every one of 50,000
 * assets: instead of a 1,000-point sample the browser clusters, the API sends clusters of *all*
 * matches plus a short list page. Each (coalition, visibility, filters) gets a supercluster index
 * of the whole coalition, kept in memory and rebuilt when the coalition's "AssetMapVersion" moves
 * (a trigger bumps it on every write, so every server node notices) or, for "open now", when the
 * minute changes. See docs/decisions/014-map-api-json-in-sql-and-server-clusters.md.
 */
import Supercluster from "supercluster";
import { db, Prisma } from "~/utils/db.server";
import { CLUSTER_MAX_ZOOM, type AssetQuery } from "./schemas";
import type { DirectoryViewer } from "./viewer.server";
import type { AssetCluster } from "./types";
import { separateMarkers } from "./cluster-layout";

type Snapshot = { version: string; ids: string[]; lng: Float64Array; lat: Float64Array; index: Supercluster };

/** Supercluster's defaults as the browser used them (radius in pixels of a 256-pixel tile). */
const RADIUS = 55;
const MAX_ZOOM = CLUSTER_MAX_ZOOM;
/** Indexes kept (least recently used goes first): ~10 MB each at 50,000 assets. */
const MAX_ENTRIES = 8;
const cache = new Map<string, Promise<Snapshot>>();

async function mapVersion(coalitionId: string): Promise<string> {
  const rows = await db.$queryRaw<{ version: string }[]>`SELECT "version"::text AS "version" FROM "AssetMapVersion" WHERE "coalitionId" = ${coalitionId}::uuid`;
  return rows[0]?.version ?? "0";
}

function cacheKey(viewer: DirectoryViewer, query: AssetQuery, now: Date) {
  const { sdoh, domain, q, language, capacity, cost, kind, open_now } = query;
  return JSON.stringify([viewer.coalitionId, viewer.member, sdoh, domain, q, language, capacity, cost, kind, open_now ? Math.floor(now.getTime() / 60_000) : null]);
}

async function build(where: (worldQuery: AssetQuery) => Prisma.Sql, query: AssetQuery, version: string): Promise<Snapshot> {
  const world = { ...query, bbox: { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 } };
  // One text value: [[id, lng, lat], …] sorted by id, parsed once (50,000 rows decoded by the driver would cost more).
  const rows = await db.$queryRaw<{ body: string | null }[]>`SELECT json_agg(json_build_array(x."id", x."longitude", x."latitude") ORDER BY x."id")::text AS "body" FROM (${where(world)}) x`;
  const points = JSON.parse(rows[0]?.body ?? "[]") as [string, number, number][];
  const ids = points.map((p) => p[0]);
  const lng = Float64Array.from(points, (p) => p[1]);
  const lat = Float64Array.from(points, (p) => p[2]);
  const index = new Supercluster({ radius: RADIUS, maxZoom: MAX_ZOOM });
  index.load(points.map((p, i) => ({ type: "Feature" as const, geometry: { type: "Point" as const, coordinates: [p[1], p[2]] }, properties: { i } })));
  return { version, ids, lng, lat, index };
}

/**
 * Clusters of every match in the box at this zoom, the number of matches, and the ids of the
 * first `pageSize` of them (by id) for the list. `matches` selects `id, longitude, latitude` of
 * the matching assets in a box (the same filters as the point query).
 */
export async function clusterView({ viewer, query, now, zoom, pageSize, matches }: {
  viewer: DirectoryViewer; query: AssetQuery; now: Date; zoom: number; pageSize: number; matches: (worldQuery: AssetQuery) => Prisma.Sql;
}): Promise<{ clusters: AssetCluster[]; total: number; pageIds: string[] }> {
  const key = cacheKey(viewer, query, now);
  const version = await mapVersion(viewer.coalitionId);
  let entry = cache.get(key);
  if (entry && (await entry.catch(() => null))?.version !== version) entry = undefined;
  if (!entry) {
    entry = build(matches, query, version);
    entry.catch(() => cache.delete(key));
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  } else cache.delete(key);
  cache.set(key, entry);
  const snapshot = await entry;

  const { minLng, minLat, maxLng, maxLat } = query.bbox;
  let total = 0;
  const pageIds: string[] = [];
  for (let i = 0; i < snapshot.ids.length; i++) {
    const x = snapshot.lng[i];
    const y = snapshot.lat[i];
    if (x < minLng || x > maxLng || y < minLat || y > maxLat) continue;
    total++;
    if (pageIds.length < pageSize) pageIds.push(snapshot.ids[i]);
  }
  const raw: AssetCluster[] = snapshot.index.getClusters([minLng, minLat, maxLng, maxLat], zoom).map((c) => {
    const [x, y] = c.geometry.coordinates;
    const props = c.properties as Supercluster.ClusterProperties | { i: number };
    return "cluster" in props && props.cluster
      ? [x, y, props.point_count, null]
      : [x, y, 1, snapshot.ids[(props as { i: number }).i]];
  });
  // Supercluster's groups can still be drawn on top of each other: merge those that would (ADR 083).
  const clusters: AssetCluster[] = separateMarkers(raw, zoom, ([lng, lat, count]) => ({ lng, lat, count })).map((m) =>
    m.members.length === 1 && m.members[0][2] === 1 ? m.members[0] : [Number(m.lng.toFixed(5)), Number(m.lat.toFixed(5)), m.count, null],
  );
  return { clusters, total, pageIds };
}
