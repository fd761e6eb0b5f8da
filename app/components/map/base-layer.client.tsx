/**
 * The map's background: tiles from MAP_TILE_URL while they load, else (no internet, a tile server
 * down, or MAP_TILE_URL=none) US state and county outlines from us-atlas, drawn locally, with a
 * note that the street map is unavailable (#14 defect 15). The atlas (~0.8 MB) is imported only
 * when it is needed. See docs/decisions/083-clusters-that-never-overlap.md.
 */
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TileLayer, useMap } from "react-leaflet";
import type { GeometryCollection, Topology } from "topojson-specification";

type Atlas = Topology<{ nation: GeometryCollection; states: GeometryCollection; counties: GeometryCollection }>;

/** MAP_TILE_URL's value for "no tile server": the outlines from the start. */
export const NO_TILES = "none";
/** Tile errors, with no tile loaded, before we stop waiting for the tile server. */
const ERRORS_BEFORE_FALLBACK = 2;

function Outlines() {
  const map = useMap();
  useEffect(() => {
    let layers: L.Layer[] = [];
    let cancelled = false;
    void Promise.all([import("topojson-client"), import("us-atlas/counties-10m.json")]).then(([topojson, atlas]) => {
      if (cancelled) return;
      const us = (atlas.default ?? atlas) as unknown as Atlas;
      // Canvas, not SVG: ~3,000 county lines; not interactive, so the markers keep every click.
      const renderer = L.canvas({ padding: 0.2 });
      const style = (options: L.PathOptions): L.GeoJSONOptions & L.PathOptions => ({ renderer, interactive: false, ...options });
      const line = (weight: number, color: string) => style({ weight, color, fill: false });
      layers = [
        L.geoJSON(topojson.feature(us, us.objects.nation), style({ stroke: false, fillColor: "#f7f5ef", fillOpacity: 1 })),
        L.geoJSON(topojson.mesh(us, us.objects.counties, (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2)), line(0.6, "#a9b3ad")),
        L.geoJSON(topojson.mesh(us, us.objects.states, (a, b) => a !== b), line(1.6, "#6f7c74")),
        L.geoJSON(topojson.mesh(us, us.objects.nation), line(1.6, "#6f7c74")),
      ];
      for (const layer of layers) layer.addTo(map);
    });
    return () => {
      cancelled = true;
      for (const layer of layers) layer.remove();
    };
  }, [map]);
  return null;
}

export function BaseLayer({ url, attribution }: { url: string; attribution: string }) {
  const { t } = useTranslation();
  const [offline, setOffline] = useState(!url || url === NO_TILES);
  const tiles = useRef({ loaded: 0, failed: 0 });
  if (!offline) {
    return (
      <TileLayer
        url={url}
        attribution={attribution}
        eventHandlers={{
          tileload: () => void tiles.current.loaded++,
          tileerror: () => {
            if (++tiles.current.failed >= ERRORS_BEFORE_FALLBACK && tiles.current.loaded === 0) setOffline(true);
          },
        }}
      />
    );
  }
  return (
    <>
      <Outlines />
      {/* A note, not a live region: the asset count next to the map is the page's one status. */}
      <p className="map-offline-note" role="note">{t("directory.map.offline")}</p>
    </>
  );
}
