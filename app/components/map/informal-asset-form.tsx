import { useEffect, useRef } from "react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { INFORMAL_KINDS, InformalAssetSchema } from "~/modules/directory/schemas";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
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
  const { form, fields } = useSchemaForm({ schema: InformalAssetSchema, result: fetcher.data?.done ? undefined : fetcher.data });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.done === "add-informal" && fetcher.data.assetId) onAdded(fetcher.data.assetId);
  }, [fetcher.state, fetcher.data, onAdded]);
  // A click on the map sets the coordinates without typing: a message they had ("Enter a latitude") is checked again.
  const shown = !!(fields.latitude.errors || fields.longitude.errors);
  useEffect(() => {
    if (!shown) return;
    form.validate("latitude");
    form.validate("longitude");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the point moves
  }, [point]);
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
      <fetcher.Form method="post" action="/map" {...form.props}>
        <input type="hidden" name="intent" value="add-informal" />
        <FormError message={form.error} />
        <SelectField label={t("directory.informal.kind")} {...schemaField(fields.kind)} options={INFORMAL_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))} />
        <TextField label={t("directory.informal.name")} {...schemaField(fields.name)} />
        <TextAreaField label={t("directory.informal.description")} rows={3} {...schemaField(fields.description)} />
        <div className="inline-fields">
          {/* Coordinates are text boxes (min/max on them would mean nothing to the browser): the schema's range shows as its message. */}
          <TextField label={t("directory.informal.latitude")} inputMode="decimal" name={fields.latitude.name} required={fields.latitude.required} errors={fields.latitude.errors} value={point && Number.isFinite(point[0]) ? String(point[0]) : ""} onChange={(e) => coordinate(0, e.target.value)} />
          <TextField label={t("directory.informal.longitude")} inputMode="decimal" name={fields.longitude.name} required={fields.longitude.required} errors={fields.longitude.errors} value={point && Number.isFinite(point[1]) ? String(point[1]) : ""} onChange={(e) => coordinate(1, e.target.value)} />
        </div>
        <TextField label={t("directory.informal.address")} {...schemaField(fields.address)} />
        <SdohCheckboxes name="sdohCodes" legend={t("directory.informal.needs")} errors={fields.sdohCodes.errors} compact />
        <fieldset className="day-checkboxes">
          <legend>{t("directory.informal.languages")}</legend>
          {["en", "es", "vi"].map((code) => (
            <label key={code} className="check"><input type="checkbox" name="languages" value={code} defaultChecked={code === "en"} /> {t(`directory.languages.${code}`)}</label>
          ))}
        </fieldset>
        <DayCheckboxes legend={t("directory.informal.days")} />
        <div className="inline-fields">
          <TextField label={t("directory.informal.opensAt")} type="time" {...schemaField(fields.opensAt)} />
          <TextField label={t("directory.informal.closesAt")} type="time" {...schemaField(fields.closesAt)} />
        </div>
        <TextAreaField label={t("directory.informal.vouchNote")} rows={2} hint={t("directory.informal.vouchHint")} {...schemaField(fields.vouchNote)} />
        <SelectField label={t("directory.informal.visibility")} hint={t("directory.informal.visibilityHint")} {...schemaField(fields.visibility)} options={[{ value: "COALITION", label: t("directory.visibility.COALITION") }, { value: "PUBLIC", label: t("directory.visibility.PUBLIC") }]} />
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
