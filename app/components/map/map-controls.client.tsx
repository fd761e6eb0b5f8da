/**
 * Leaflet's own controls in the page's language (#14 defect 2): the zoom buttons' names ("Zoom
 * in" → "Acercar") and the attribution prefix's link title. Leaflet writes them in English when a
 * control is made, so the map is created without them and they are added here, made again
 * (`key`) when the language changes.
 */
import { AttributionControl, ZoomControl } from "react-leaflet";
import { useTranslation } from "react-i18next";

export function MapControls() {
  const { t, i18n } = useTranslation();
  const prefix = `<a href="https://leafletjs.com" title="${t("directory.map.leafletTitle")}">Leaflet</a>`;
  return (
    <>
      <ZoomControl key={`zoom-${i18n.language}`} position="topleft" zoomInTitle={t("directory.map.zoomIn")} zoomOutTitle={t("directory.map.zoomOut")} />
      <AttributionControl key={`attribution-${i18n.language}`} position="bottomright" prefix={prefix} />
    </>
  );
}
