/**
 * Clusters that never overlap on screen (issue #14 defect 6). Supercluster groups points within a
 * radius of a seed point, but the groups' weighted centres can end up closer than the icons drawn
 * for them are wide (138, 31 and 57 were stacked at the opening zoom, and the 138 under the
 * others could not be clicked). This pass runs after supercluster, on the server's clusters and
 * on the browser's alike: it projects each marker to Leaflet's pixels at the zoom, and merges any
 * two whose icons would touch, until none do. Shared by server and client (no server imports).
 * See docs/decisions/083-clusters-that-never-overlap.md.
 */

/** Icon diameters in CSS pixels, the sizes asset-map.client.tsx draws. */
export function markerDiameter(count: number): number {
  return count <= 1 ? 18 : count < 10 ? 30 : count < 100 ? 38 : 46;
}
/** Clear space kept between two icons, in pixels. */
export const MARKER_GAP = 4;
const LARGEST = markerDiameter(Number.MAX_SAFE_INTEGER);

/** Web Mercator pixels of a 256-pixel tile world at this zoom, as Leaflet's default CRS places them. */
export function toPixels(lng: number, lat: number, zoom: number): [number, number] {
  const scale = 256 * 2 ** zoom;
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

function toLngLat(x: number, y: number, zoom: number): [number, number] {
  const scale = 256 * 2 ** zoom;
  const lng = (x / scale) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / scale;
  return [lng, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

export type Placed<T> = { lng: number; lat: number; count: number; members: T[] };

/** True when two markers' icons (with the gap) would overlap at this zoom. */
export function overlaps(a: { lng: number; lat: number; count: number }, b: { lng: number; lat: number; count: number }, zoom: number): boolean {
  const [ax, ay] = toPixels(a.lng, a.lat, zoom);
  const [bx, by] = toPixels(b.lng, b.lat, zoom);
  const need = (markerDiameter(a.count) + markerDiameter(b.count)) / 2 + MARKER_GAP;
  return (ax - bx) ** 2 + (ay - by) ** 2 < need * need;
}

/**
 * Merges markers until no two overlap at `zoom`. A merged marker sits at the count-weighted centre
 * of its members and carries them all (so the caller can zoom to them or sum them). Largest first,
 * so a big cluster absorbs the small ones lying on it rather than drifting toward them.
 */
export function separateMarkers<T>(items: T[], zoom: number, at: (item: T) => { lng: number; lat: number; count: number }): Placed<T>[] {
  type Node = { x: number; y: number; count: number; members: T[]; alive: boolean };
  let nodes: Node[] = items.map((item) => {
    const { lng, lat, count } = at(item);
    const [x, y] = toPixels(lng, lat, zoom);
    return { x, y, count, members: [item], alive: true };
  });
  // Any two icons closer than this can overlap: a grid of this cell size finds them in the 3×3 block.
  const cell = LARGEST + MARKER_GAP;
  for (let merged = true; merged; ) {
    merged = false;
    nodes.sort((a, b) => b.count - a.count);
    // Numeric cell keys (cells per axis stay below 2^26 up to zoom 22).
    const grid = new Map<number, Node[]>();
    const keyOf = (cx: number, cy: number) => cx * 67_108_864 + cy;
    for (const node of nodes) {
      const key = keyOf(Math.floor(node.x / cell), Math.floor(node.y / cell));
      (grid.get(key) ?? grid.set(key, []).get(key)!).push(node);
    }
    for (const node of nodes) {
      if (!node.alive) continue;
      const cx = Math.floor(node.x / cell);
      const cy = Math.floor(node.y / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const other of grid.get(keyOf(cx + dx, cy + dy)) ?? []) {
            if (other === node || !other.alive) continue;
            const need = (markerDiameter(node.count) + markerDiameter(other.count)) / 2 + MARKER_GAP;
            if ((node.x - other.x) ** 2 + (node.y - other.y) ** 2 >= need * need) continue;
            const total = node.count + other.count;
            node.x = (node.x * node.count + other.x * other.count) / total;
            node.y = (node.y * node.count + other.y * other.count) / total;
            node.count = total;
            node.members.push(...other.members);
            other.alive = false;
            merged = true;
          }
        }
      }
    }
    nodes = nodes.filter((node) => node.alive);
  }
  return nodes.map((node) => {
    const [lng, lat] = toLngLat(node.x, node.y, zoom);
    return { lng, lat, count: node.count, members: node.members };
  });
}
