/**
 * The review list (#21): imported locations placed from their address (approximately) or not at
 * all, each with a small form to place it: type its coordinates, or open a map and click it or
 * drag the pin. Saving marks the location as placed by a person, so a later import of the same
 * file keeps it. One schema (PlaceLocationSchema) checks the form in the browser and the server.
 */
import { useFetcher } from "@remix-run/react";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { PlaceLocationSchema } from "~/modules/directory/schemas";
import { useSchemaForm, type FormResult } from "~/components/ui/schema-form";

const LocationPicker = lazy(() => import("./location-picker.client"));

type Review = {
  total: number;
  locations: { id: string; name: string; placement: "GEOCODED" | "APPROXIMATE" | "UNPLACED"; latitude: number | null; longitude: number | null; address: string | null; organization: string | null; services: string[] }[];
};
export type ReviewMap = { center: [number, number]; zoom: number; tileUrl: string; attribution: string };

function PlaceForm({ location, map }: { location: Review["locations"][number]; map: ReviewMap }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<FormResult>();
  const { form, fields } = useSchemaForm({ schema: PlaceLocationSchema, result: fetcher.data, id: `place-${location.id}` });
  const [lat, setLat] = useState(location.latitude != null ? String(location.latitude) : "");
  const [lng, setLng] = useState(location.longitude != null ? String(location.longitude) : "");
  const [showMap, setShowMap] = useState(false);
  const point: [number, number] | null = lat !== "" && lng !== "" && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng)) && Math.abs(Number(lat)) <= 90 && Math.abs(Number(lng)) <= 180 ? [Number(lat), Number(lng)] : null;
  const place = (la: number, ln: number) => { setLat(String(la)); setLng(String(ln)); };
  const id = (f: string) => `place-${location.id}-${f}`;
  const latErrors = fields.latitude.errors;
  const lngErrors = fields.longitude.errors;
  return (
    <fetcher.Form method="post" className="place-form" aria-label={t("directory.review.formLabel", { name: location.name })} {...form.props}>
      <input type="hidden" name="intent" value="place" />
      <input type="hidden" name="locationId" value={location.id} />
      <div className="field field--inline">
        <label htmlFor={id("lat")}>{t("directory.review.latitude")}</label>
        <input id={id("lat")} name="latitude" inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} required aria-invalid={latErrors ? true : undefined} aria-describedby={latErrors ? id("lat-error") : undefined} />
        {latErrors ? <span id={id("lat-error")} className="field-error">{latErrors[0]}</span> : null}
      </div>
      <div className="field field--inline">
        <label htmlFor={id("lng")}>{t("directory.review.longitude")}</label>
        <input id={id("lng")} name="longitude" inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} required aria-invalid={lngErrors ? true : undefined} aria-describedby={lngErrors ? id("lng-error") : undefined} />
        {lngErrors ? <span id={id("lng-error")} className="field-error">{lngErrors[0]}</span> : null}
      </div>
      <button type="button" className="button button--secondary" aria-expanded={showMap} aria-controls={id("map")} onClick={() => setShowMap((v) => !v)}>
        {showMap ? t("directory.review.hideMap") : t("directory.review.showMap")}
      </button>
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>{t("directory.review.save")}</button>
      {(form.error ?? fetcher.data?.formError) && !latErrors && !lngErrors ? <span className="field-error" role="alert">{form.error ?? fetcher.data?.formError}</span> : null}
      {showMap ? (
        <div id={id("map")} className="place-form__map">
          <p className="muted small">{t("directory.review.mapHint")}</p>
          <ClientOnly fallback={<div className="map-placeholder map-placeholder--small">{t("directory.map.loading")}</div>}>
            {() => (
              <Suspense fallback={<div className="map-placeholder map-placeholder--small">{t("directory.map.loading")}</div>}>
                <LocationPicker center={map.center} zoom={map.zoom} tileUrl={map.tileUrl} attribution={map.attribution} point={point} label={t("directory.review.pin", { name: location.name })} onPlace={place} />
              </Suspense>
            )}
          </ClientOnly>
        </div>
      ) : null}
    </fetcher.Form>
  );
}

export function PlacementReview({ review, map }: { review: Review; map: ReviewMap }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t("directory.review.title")}</h2>
      <p className="muted">{t("directory.review.intro")}</p>
      {review.locations.length === 0 ? (
        <p className="empty-state">{t("directory.review.empty")}</p>
      ) : (
        <>
          {review.total > review.locations.length ? <p className="muted small">{t("directory.review.more", { shown: review.locations.length, total: review.total })}</p> : null}
          <ul className="review-list">
            {review.locations.map((l) => (
              <li key={l.id} className="review-list__item" data-placement={l.placement}>
                <div>
                  <strong>{l.name}</strong>{" "}
                  <span className={`tag ${l.placement === "UNPLACED" ? "tag--unplaced" : "tag--approximate"}`}>{t(`directory.review.placement.${l.placement}`)}</span>
                  <br />
                  <span className="small">{l.address ?? t("directory.review.noAddress")}</span>
                  {l.services.length ? <><br /><span className="muted small">{[l.organization, l.services.join(", ")].filter(Boolean).join(" · ")}</span></> : null}
                </div>
                <PlaceForm location={l} map={map} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
