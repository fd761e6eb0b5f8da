import { describe, expect, it } from "vitest";
import { overlaps, separateMarkers, toPixels } from "./cluster-layout";

const perPixel = (zoom: number) => 360 / (256 * 2 ** zoom);
const at = (m: { lng: number; lat: number; count: number }) => m;

describe("separateMarkers (#14 defect 6)", () => {
  it("merges icons that would overlap and keeps apart those that would not", () => {
    const zoom = 11;
    const items = [
      { lng: -104.6, lat: 38.25, count: 138 },
      { lng: -104.6 + 20 * perPixel(zoom), lat: 38.25, count: 31 },
      { lng: -104.6 + 300 * perPixel(zoom), lat: 38.25, count: 57 },
    ];
    const placed = separateMarkers(items, zoom, at);
    expect(placed.map((p) => p.count).sort((a, b) => a - b)).toEqual([57, 169]);
    expect(placed.find((p) => p.count === 169)!.members).toHaveLength(2);
    expect(placed.find((p) => p.count === 57)!.members).toEqual([items[2]]);
  });

  it("leaves no two overlapping however crowded, and loses no asset", () => {
    const zoom = 12;
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items = Array.from({ length: 600 }, () => ({ lng: -104.6 + random() * 0.2, lat: 38.2 + random() * 0.15, count: 1 + Math.floor(random() * 150) }));
    const placed = separateMarkers(items, zoom, at);
    expect(placed.reduce((n, p) => n + p.count, 0)).toBe(items.reduce((n, p) => n + p.count, 0));
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j], zoom)).toBe(false);
  });

  it("projects as Leaflet does: 256 pixels per tile, y growing southward", () => {
    expect(toPixels(-180, 0, 0)).toEqual([0, 128]);
    const [, north] = toPixels(0, 40, 3);
    const [, south] = toPixels(0, 30, 3);
    expect(north).toBeLessThan(south);
  });
});
