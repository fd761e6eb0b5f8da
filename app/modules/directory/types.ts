/** Shapes the map API returns (shared by server and client). */
import type { FeatureCollection, Point } from "geojson";

export type AssetSummary = {
  id: string; kind: string; visibility: "PUBLIC" | "COALITION"; name: string; organization: string | null; address: string | null;
  sdoh: string[]; languages: string[]; free: boolean; capacity: string | null; openNow: boolean;
};
export type AssetCollection = FeatureCollection<Point, AssetSummary> & { truncated: boolean; limit: number; count: number };
