import { lazy, Suspense, useState } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import type { OrganizationService } from "~/modules/directory/manage-queries.server";
import { DayCheckboxes, SdohCheckboxes } from "./sdoh-checkboxes";
import { AddressSearch } from "./address-search";

const LocationPicker = lazy(() => import("./location-picker.client"));

type Errors = { formError?: string; fieldErrors?: Record<string, string[] | undefined> } | undefined;

/**
 * Add or edit one service and one of its locations (`locationId`: one of the service's locations,
 * "new" to add another, or null for the first): place it on the map or type coordinates.
 */
export function ServiceForm({ service, locationId, errors, map, onCancel }: { service: OrganizationService | null; locationId: string | null; errors: Errors; map: { center: [number, number]; zoom: number; tileUrl: string; attribution: string; geocoder: boolean }; onCancel?: () => void }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const adding = !!service && locationId === "new";
  const location = adding ? undefined : (service?.locations.find((l) => l.id === locationId) ?? service?.locations[0]);
  const [point, setPoint] = useState<[number, number] | null>(location && location.latitude !== null && location.longitude !== null ? [location.latitude, location.longitude] : null);
  const [lat, setLat] = useState(location?.latitude != null ? String(location.latitude) : "");
  const [lng, setLng] = useState(location?.longitude != null ? String(location.longitude) : "");
  const fe = errors?.fieldErrors ?? {};
  const place = (la: number, ln: number) => { setPoint([la, ln]); setLat(String(la)); setLng(String(ln)); };
  const typed = (la: string, ln: string) => {
    setLat(la); setLng(ln);
    const a = Number(la), b = Number(ln);
    setPoint(la !== "" && ln !== "" && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? [a, b] : null);
  };
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="card service-form" key={service?.id ?? "new"} noValidate>
      <h2>{service ? t("directory.services.editing", { name: service.name }) : t("directory.services.add")}</h2>
      <input type="hidden" name="intent" value="save-service" />
      <input type="hidden" name="serviceId" value={service?.id ?? ""} />
      <input type="hidden" name="locationId" value={adding ? "new" : (location?.id ?? "")} />
      <FormError message={errors?.formError} />
      <TextField label={t("directory.services.name")} name="name" required defaultValue={service?.name} errors={fe.name} />
      <TextAreaField label={t("directory.services.description")} name="description" rows={3} defaultValue={service?.description} errors={fe.description} />
      {service ? (
        <nav aria-label={t("directory.services.locationsNav")} className="location-tabs">
          <ul>
            {service.locations.map((l) => (
              <li key={l.id}>
                <Link to={`?edit=${service.id}&location=${l.id}`} preventScrollReset aria-current={!adding && l.id === location?.id ? "page" : undefined}>{l.name}</Link>
              </li>
            ))}
            <li><Link to={`?edit=${service.id}&location=new`} preventScrollReset aria-current={adding ? "page" : undefined}>{t("directory.services.addLocation")}</Link></li>
          </ul>
        </nav>
      ) : null}
      <TextField label={t("directory.services.locationName")} name="locationName" required defaultValue={location?.name} errors={fe.locationName} />
      <p className="muted small">{t("directory.services.placeHint")}{service && service.locations.length > 1 ? ` ${t("directory.services.sharedDetails", { count: service.locations.length })}` : ""}</p>
      {map.geocoder ? <AddressSearch onPick={place} /> : null}
      <ClientOnly fallback={<div className="map-placeholder map-placeholder--small">{t("directory.map.loading")}</div>}>
        {() => (
          <Suspense fallback={<div className="map-placeholder map-placeholder--small">{t("directory.map.loading")}</div>}>
            <LocationPicker center={map.center} zoom={map.zoom} tileUrl={map.tileUrl} attribution={map.attribution} point={point} label={t("directory.map.placedPoint")} onPlace={place} />
          </Suspense>
        )}
      </ClientOnly>
      <div className="inline-fields">
        <TextField label={t("directory.informal.latitude")} name="latitude" inputMode="decimal" required value={lat} onChange={(e) => typed(e.target.value, lng)} errors={fe.latitude} />
        <TextField label={t("directory.informal.longitude")} name="longitude" inputMode="decimal" required value={lng} onChange={(e) => typed(lat, e.target.value)} errors={fe.longitude} />
      </div>
      <div className="inline-fields">
        <TextField label={t("directory.services.address1")} name="address1" defaultValue={location?.address1} errors={fe.address1} />
        <TextField label={t("directory.services.city")} name="city" defaultValue={location?.city} errors={fe.city} />
        <TextField label={t("directory.services.postalCode")} name="postalCode" defaultValue={location?.postalCode} errors={fe.postalCode} />
      </div>
      <SdohCheckboxes name="sdohCodes" legend={t("directory.services.needs")} defaultSelected={service?.sdohCodes} errors={fe.sdohCodes} compact />
      <fieldset className="day-checkboxes">
        <legend>{t("directory.services.languages")}</legend>
        {["en", "es", "vi"].map((code) => (
          <label key={code} className="check"><input type="checkbox" name="languages" value={code} defaultChecked={service ? service.languages.includes(code) : code === "en"} /> {t(`directory.languages.${code}`)}</label>
        ))}
      </fieldset>
      <TextAreaField label={t("directory.services.eligibility")} name="eligibility" rows={2} defaultValue={service?.eligibility} errors={fe.eligibility} />
      <label className="check"><input type="checkbox" name="free" defaultChecked={service?.free} /> {t("directory.services.free")}</label>
      <DayCheckboxes legend={t("directory.services.days")} defaultSelected={service?.schedule?.byday} />
      <div className="inline-fields">
        <TextField label={t("directory.services.opensAt")} name="opensAt" type="time" defaultValue={service?.schedule?.opensAt} errors={fe.opensAt} />
        <TextField label={t("directory.services.closesAt")} name="closesAt" type="time" defaultValue={service?.schedule?.closesAt} errors={fe.closesAt} />
      </div>
      <div className="inline-fields">
        <SelectField label={t("directory.services.capacityStatus")} name="capacityStatus" defaultValue={service?.capacityStatus} options={[{ value: "", label: t("directory.services.capacityNone") }, ...["CAPACITY", "WAITLIST", "NO_CAPACITY", "ADDITIONAL_ASSESSMENT_REQUIRED"].map((s) => ({ value: s, label: t(`directory.capacity.${s}`) }))]} />
        <TextField label={t("directory.services.capacityAvailable")} name="capacityAvailable" inputMode="numeric" defaultValue={service?.capacityAvailable ?? ""} errors={fe.capacityAvailable} />
        <TextField label={t("directory.services.capacityMaximum")} name="capacityMaximum" inputMode="numeric" defaultValue={service?.capacityMaximum ?? ""} errors={fe.capacityMaximum} />
        <TextField label={t("directory.services.capacityUnit")} name="capacityUnit" defaultValue={service?.capacityUnit} />
      </div>
      <SelectField label={t("directory.services.visibility")} name="visibility" defaultValue={service?.visibility ?? "PUBLIC"} errors={fe.visibility} options={[{ value: "PUBLIC", label: t("directory.visibility.PUBLIC") }, { value: "COALITION", label: t("directory.visibility.COALITION") }]} />
      <div className="grid-form__actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>{busy ? t("directory.services.saving") : t("directory.services.save")}</button>
        {onCancel ? <button type="button" className="button" onClick={onCancel}>{t("directory.services.cancel")}</button> : null}
      </div>
    </Form>
  );
}
