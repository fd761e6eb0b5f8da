/**
 * The Leaflet map (client only: imported lazily inside <ClientOnly>). Markers are clustered with
 * supercluster for the current view; tiles come from MAP_TILE_URL and the map stays usable when
 * they cannot load (no internet on the build machines, or a tile server down).
 */
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { MapContainer, Marker, useMap, useMapEvents } from "react-leaflet";
import { BaseLayer } from "./base-layer.client";
import Supercluster from "supercluster";
import type { Feature, Point } from "geojson";
import { HP2030_DOMAINS, domainOf } from "~/modules/sdoh/roll-up";
import type { AssetCluster, AssetSummary } from "~/modules/directory/types";
import { markerDiameter, separateMarkers } from "~/modules/directory/cluster-layout";
import { MapControls } from "./map-controls.client";

export type Bbox = [number, number, number, number];

export type AssetMapProps = {
  center: [number, number];
  zoom: number;
  /** Open on this box instead (every match of the page's filter), else on center and zoom. */
  openOn?: Bbox | null;
  tileUrl: string;
  attribution: string;
  features: Feature<Point, AssetSummary>[];
  /** Server-side clusters of every match (a crowded low-zoom view); else the features are clustered here. */
  clusters: AssetCluster[] | null;
  selectedId: string | null;
  placing: boolean;
  placedPoint: [number, number] | null;
  focus: { lat: number; lng: number; key: number } | null;
  labels: { cluster: (count: number) => string; placedPoint: string; approximate?: string };
  onSelect: (id: string) => void;
  onView: (bbox: Bbox, zoom: number) => void;
  onPlace: (lat: number, lng: number) => void;
};

const colorOf = (codes: string[]) => {
  for (const code of codes) {
    try {
      const domain = domainOf(code);
      if (domain) return HP2030_DOMAINS.find((d) => d.id === domain)!.color;
    } catch {
      /* unknown code: default colour */
    }
  }
  return "#56606a";
};

function pointIcon(color: string, selected: boolean, informal: boolean, approximate = false) {
  const size = selected ? 26 : markerDiameter(1);
  return L.divIcon({
    className: `asset-marker${selected ? " asset-marker--selected" : ""}${informal ? " asset-marker--informal" : ""}${approximate ? " asset-marker--approximate" : ""}`,
    html: `<span style="background:${color}"></span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function clusterIcon(count: number) {
  // The sizes cluster-layout.ts keeps apart, so no icon covers another.
  const size = markerDiameter(count);
  return L.divIcon({ className: "asset-cluster", html: `<span>${count}</span>`, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

function ViewWatcher({ onView, placing, onPlace }: Pick<AssetMapProps, "onView" | "placing" | "onPlace">) {
  const map = useMapEvents({
    moveend: () => report(),
    click: (event) => {
      if (placing) onPlace(Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6)));
    },
  });
  const report = () => {
    const b = map.getBounds();
    onView([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom());
  };
  useEffect(() => {
    report();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the map is ready
  }, []);
  useEffect(() => {
    map.getContainer().classList.toggle("asset-map--placing", placing);
  }, [map, placing]);
  return null;
}

function FocusOn({ focus }: { focus: AssetMapProps["focus"] }) {
  const map = useMap();
  useEffect(() => {
    if (focus) map.setView([focus.lat, focus.lng], Math.max(map.getZoom(), 14), { animate: false });
  }, [focus, map]);
  return null;
}

export default function AssetMap(props: AssetMapProps) {
  const { features, selectedId, onSelect, labels } = props;
  const [view, setView] = useState<{ bbox: Bbox; zoom: number } | null>(null);
  const mapRef = useRef<L.Map | null>(null);

  const index = useMemo(() => {
    const cluster = new Supercluster<AssetSummary>({ radius: 55, maxZoom: 16 });
    cluster.load(features);
    return cluster;
  }, [features]);
  // Supercluster's groups, then merged where their icons would overlap (ADR 083).
  const clusters = useMemo(() => {
    if (!view || props.clusters) return [];
    const zoom = Math.round(view.zoom);
    return separateMarkers(index.getClusters(view.bbox, zoom), zoom, (c) => {
      const props = c.properties as Partial<Supercluster.ClusterProperties>;
      return { lng: c.geometry.coordinates[0], lat: c.geometry.coordinates[1], count: props.cluster ? props.point_count! : 1 };
    });
  }, [index, view, props.clusters]);

  return (
    <MapContainer
      center={props.openOn ? undefined : props.center}
      zoom={props.openOn ? undefined : props.zoom}
      bounds={props.openOn ? [[props.openOn[1], props.openOn[0]], [props.openOn[3], props.openOn[2]]] : undefined}
      boundsOptions={{ padding: [24, 24], maxZoom: 15 }}
      className="asset-map"
      ref={mapRef}
      // The list next to the map is the keyboard path; the map itself can still be panned with arrows.
      keyboard
      zoomControl={false}
      attributionControl={false}
    >
      <MapControls />
      <BaseLayer url={props.tileUrl} attribution={props.attribution} />
      <ViewWatcher
        placing={props.placing}
        onPlace={props.onPlace}
        onView={(bbox, zoom) => {
          setView({ bbox, zoom });
          props.onView(bbox, zoom);
        }}
      />
      <FocusOn focus={props.focus} />
      {(props.clusters ?? []).map(([lng, lat, count, id]) => (
        <Marker
          key={id ?? `s${lng},${lat}`}
          position={[lat, lng]}
          icon={clusterIcon(count)}
          title={labels.cluster(count)}
          eventHandlers={{ click: () => (id ? onSelect(id) : mapRef.current?.setView([lat, lng], Math.min((view?.zoom ?? 10) + 2, 18))) }}
        />
      ))}
      {clusters.map((placed) => {
        if (placed.members.length > 1) {
          // Merged on screen: zoom in on it until its parts stand apart.
          const { lat, lng, count } = placed;
          return (
            <Marker
              key={`m${placed.members.map((c) => ("cluster_id" in c.properties ? `c${c.properties.cluster_id}` : (c.properties as AssetSummary).id)).join(",")}`}
              position={[lat, lng]}
              icon={clusterIcon(count)}
              title={labels.cluster(count)}
              eventHandlers={{ click: () => mapRef.current?.setView([lat, lng], Math.min((view?.zoom ?? 10) + 2, 18)) }}
            />
          );
        }
        const c = placed.members[0];
        const [lng, lat] = c.geometry.coordinates;
        if ("cluster" in c.properties && c.properties.cluster) {
          const { point_count: count, cluster_id: clusterId } = c.properties as Supercluster.ClusterProperties;
          return (
            <Marker
              key={`c${clusterId}`}
              position={[lat, lng]}
              icon={clusterIcon(count)}
              title={labels.cluster(count)}
              eventHandlers={{ click: () => mapRef.current?.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)) }}
            />
          );
        }
        const p = c.properties as AssetSummary;
        return (
          <Marker
            key={p.id}
            position={[lat, lng]}
            icon={pointIcon(colorOf(p.sdoh), p.id === selectedId, p.kind !== "SERVICE_LOCATION", !!p.approximate)}
            title={p.approximate && labels.approximate ? `${p.name} (${labels.approximate})` : p.name}
            zIndexOffset={p.id === selectedId ? 1000 : 0}
            eventHandlers={{ click: () => onSelect(p.id) }}
          />
        );
      })}
      {props.placedPoint ? <Marker position={props.placedPoint} icon={L.divIcon({ className: "asset-marker asset-marker--placed", html: "<span></span>", iconSize: [24, 24], iconAnchor: [12, 12] })} title={labels.placedPoint} /> : null}
    </MapContainer>
  );
}
