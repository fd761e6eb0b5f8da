import { useEffect, useRef } from "react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { InformalAssetSchema } from "~/modules/directory/schemas";
import { maxLengthOf } from "~/utils/form-fields";
import { DayCheckboxes, SdohCheckboxes } from "./sdoh-checkboxes";

type Result = { done?: "add-informal"; assetId?: string; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Any partner adds an informal asset: placed by clicking the map or by typing coordinates. */
export function InformalAssetForm({ point, onPointChange, onCancel, onAdded }: {
  point: [number, number] | null;
  onPointChange: (point: [number, number] | null) => void;
  onCancel: () => void;
  onAdded: (assetId: string) => void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Result>();
  const errors = fetcher.data?.fieldErrors ?? {};
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.done === "add-informal" && fetcher.data.assetId) onAdded(fetcher.data.assetId);
  }, [fetcher.state, fetcher.data, onAdded]);
  const coordinate = (index: 0 | 1, value: string) => {
    const n = Number(value);
    const next: [number, number] = point ? [...point] : [NaN, NaN];
    next[index] = value === "" ? NaN : n;
    onPointChange(Number.isFinite(next[0]) && Number.isFinite(next[1]) ? next : null);
  };
  return (
    <section className="informal-form" aria-labelledby="informal-form-title">
      <h2 id="informal-form-title" tabIndex={-1} ref={heading}>{t("directory.informal.title")}</h2>
      <p className="muted">{t("directory.informal.intro")}</p>
      <p className="notice-inline" role="status">{point ? t("directory.informal.placed", { lat: point[0].toFixed(5), lng: point[1].toFixed(5) }) : t("directory.informal.clickMap")}</p>
      <fetcher.Form method="post" action="/map" noValidate>
        <input type="hidden" name="intent" value="add-informal" />
        <FormError message={fetcher.data?.formError} />
        <SelectField label={t("directory.informal.kind")} name="kind" required errors={errors.kind} options={["INFORMAL_GROUP", "TRUSTED_PERSON", "PLACE"].map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))} />
        <TextField label={t("directory.informal.name")} name="name" maxLength={maxLengthOf(InformalAssetSchema.shape.name)} required errors={errors.name} />
        <TextAreaField label={t("directory.informal.description")} name="description" rows={3} maxLength={maxLengthOf(InformalAssetSchema.shape.description)} errors={errors.description} />
        <div className="inline-fields">
          <TextField label={t("directory.informal.latitude")} name="latitude" inputMode="decimal" required value={point && Number.isFinite(point[0]) ? String(point[0]) : ""} onChange={(e) => coordinate(0, e.target.value)} errors={errors.latitude} />
          <TextField label={t("directory.informal.longitude")} name="longitude" inputMode="decimal" required value={point && Number.isFinite(point[1]) ? String(point[1]) : ""} onChange={(e) => coordinate(1, e.target.value)} errors={errors.longitude} />
        </div>
        <TextField label={t("directory.informal.address")} name="address" maxLength={maxLengthOf(InformalAssetSchema.shape.address)} errors={errors.address} />
        <SdohCheckboxes name="sdohCodes" legend={t("directory.informal.needs")} errors={errors.sdohCodes} compact />
        <fieldset className="day-checkboxes">
          <legend>{t("directory.informal.languages")}</legend>
          {["en", "es", "vi"].map((code) => (
            <label key={code} className="check"><input type="checkbox" name="languages" value={code} defaultChecked={code === "en"} /> {t(`directory.languages.${code}`)}</label>
          ))}
        </fieldset>
        <DayCheckboxes legend={t("directory.informal.days")} />
        <div className="inline-fields">
          <TextField label={t("directory.informal.opensAt")} name="opensAt" type="time" errors={errors.opensAt} />
          <TextField label={t("directory.informal.closesAt")} name="closesAt" type="time" errors={errors.closesAt} />
        </div>
        <TextAreaField label={t("directory.informal.vouchNote")} name="vouchNote" rows={2} maxLength={maxLengthOf(InformalAssetSchema.shape.vouchNote)} required hint={t("directory.informal.vouchHint")} errors={errors.vouchNote} />
        <SelectField label={t("directory.informal.visibility")} name="visibility" hint={t("directory.informal.visibilityHint")} options={[{ value: "COALITION", label: t("directory.visibility.COALITION") }, { value: "PUBLIC", label: t("directory.visibility.PUBLIC") }]} />
        <div className="grid-form__actions">
          <button type="submit" className="button button--primary" disabled={fetcher.state !== "idle"} aria-busy={fetcher.state !== "idle" || undefined}>
            {fetcher.state !== "idle" ? t("directory.informal.saving") : t("directory.informal.save")}
          </button>
          <button type="button" className="button" onClick={onCancel}>{t("common.cancel")}</button>
        </div>
      </fetcher.Form>
    </section>
  );
}
