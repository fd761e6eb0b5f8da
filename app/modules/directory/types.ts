/** Shapes the map API returns (shared by server and client). */
import type { FeatureCollection, Point } from "geojson";

/** What the map and its list need of an asset; the rest comes from GET /api/assets/:id. */
export type AssetSummary = {
  id: string; kind: string; visibility: "PUBLIC" | "COALITION"; name: string; organization: string | null;
  sdoh: string[]; capacity: string | null; openNow: boolean;
  /** Placed at a geocoded address or a ZIP/city centroid (an import without coordinates, ADR 094); absent when exact. */
  approximate?: true;
};
/** The GeoJSON export's properties: the summary plus address, languages and cost. */
export type AssetExportSummary = AssetSummary & { address: string | null; languages: string[]; free: boolean };

/** Server-side clusters at low zoom: [longitude, latitude, count, id of the asset when count is 1]. */
export type AssetCluster = [number, number, number, string | null];

export type AssetCollection = FeatureCollection<Point, AssetSummary> & {
  truncated: boolean; limit: number; count: number;
  /** How many assets match in the box (present with `clusters`). */
  total?: number;
  /** Present when the request gave a low `zoom` and more assets match than a page: every match, clustered. */
  clusters?: AssetCluster[];
};
export type AssetExportCollection = FeatureCollection<Point, AssetExportSummary> & { truncated: boolean; limit: number; count: number };
