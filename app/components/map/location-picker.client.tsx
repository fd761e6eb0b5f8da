/** A small map to place one location by clicking or dragging its pin (client only). Works without tiles. */
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { MapContainer, Marker, useMapEvents } from "react-leaflet";
import { BaseLayer } from "./base-layer.client";
import { MapControls } from "./map-controls.client";

function ClickToPlace({ onPlace }: { onPlace: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPlace(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))) });
  return null;
}

const icon = L.divIcon({ className: "asset-marker asset-marker--placed", html: "<span></span>", iconSize: [24, 24], iconAnchor: [12, 12] });

export default function LocationPicker({ center, zoom, point, tileUrl, attribution, label, onPlace }: {
  center: [number, number]; zoom: number; point: [number, number] | null; tileUrl: string; attribution: string; label: string; onPlace: (lat: number, lng: number) => void;
}) {
  return (
    <MapContainer center={point ?? center} zoom={point ? 14 : zoom} className="asset-map asset-map--picker asset-map--placing" zoomControl={false} attributionControl={false}>
      <MapControls />
      <BaseLayer url={tileUrl} attribution={attribution} />
      <ClickToPlace onPlace={onPlace} />
      {point ? (
        <Marker
          position={point}
          icon={icon}
          title={label}
          keyboard={false}
          draggable
          eventHandlers={{ dragend: (e) => { const at = (e.target as L.Marker).getLatLng(); onPlace(Number(at.lat.toFixed(6)), Number(at.lng.toFixed(6))); } }}
        />
      ) : null}
    </MapContainer>
  );
}
