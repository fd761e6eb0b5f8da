/**
 * The review list (#21): imported locations placed from their address (approximately) or not at
 * all, each with a small form to type its coordinates. Saving marks the location as placed by a
 * person, so a later import of the same file keeps it.
 */
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Review = {
  total: number;
  locations: { id: string; name: string; placement: "GEOCODED" | "APPROXIMATE" | "UNPLACED"; latitude: number | null; longitude: number | null; address: string | null; organization: string | null; services: string[] }[];
};
type Result = { placed?: string; error?: string; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

function PlaceForm({ location }: { location: Review["locations"][number] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Result>();
  const fe = fetcher.data?.fieldErrors ?? {};
  const id = (f: string) => `place-${location.id}-${f}`;
  return (
    <fetcher.Form method="post" className="place-form" aria-label={t("directory.review.formLabel", { name: location.name })}>
      <input type="hidden" name="intent" value="place" />
      <input type="hidden" name="locationId" value={location.id} />
      <div className="field field--inline">
        <label htmlFor={id("lat")}>{t("directory.review.latitude")}</label>
        <input id={id("lat")} name="latitude" inputMode="decimal" defaultValue={location.latitude ?? ""} required aria-invalid={fe.latitude ? true : undefined} aria-describedby={fe.latitude ? id("lat-error") : undefined} />
        {fe.latitude ? <span id={id("lat-error")} className="field-error">{fe.latitude[0]}</span> : null}
      </div>
      <div className="field field--inline">
        <label htmlFor={id("lng")}>{t("directory.review.longitude")}</label>
        <input id={id("lng")} name="longitude" inputMode="decimal" defaultValue={location.longitude ?? ""} required aria-invalid={fe.longitude ? true : undefined} aria-describedby={fe.longitude ? id("lng-error") : undefined} />
        {fe.longitude ? <span id={id("lng-error")} className="field-error">{fe.longitude[0]}</span> : null}
      </div>
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>{t("directory.review.save")}</button>
      {(fetcher.data?.formError ?? fetcher.data?.error) && !fe.latitude && !fe.longitude ? <span className="field-error" role="alert">{fetcher.data?.formError ?? fetcher.data?.error}</span> : null}
    </fetcher.Form>
  );
}

export function PlacementReview({ review }: { review: Review }) {
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
                <PlaceForm location={l} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
