import { useTranslation } from "react-i18next";
import { HP2030_DOMAINS, categoriesOf } from "~/modules/sdoh/roll-up";

/** SDOH categories as checkboxes, one fieldset per HP2030 domain. */
export function SdohCheckboxes({ name, legend, defaultSelected = [], errors, compact }: { name: string; legend: string; defaultSelected?: string[]; errors?: string[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className={`sdoh-checkboxes${compact ? " sdoh-checkboxes--compact" : ""}`} aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {HP2030_DOMAINS.map((d) => (
        <div key={d.id} className="sdoh-checkboxes__domain">
          <p className="sdoh-checkboxes__domain-name" style={{ borderColor: d.color }}>{t(`directory.domains.${d.id}`)}</p>
          {categoriesOf(d.id).map((code) => (
            <label key={code} className="check">
              <input type="checkbox" name={name} value={code} defaultChecked={defaultSelected.includes(code)} /> {t(`directory.sdoh.${code}`)}
            </label>
          ))}
        </div>
      ))}
      {errors?.length ? <p className="field-error" id={`${name}-error`} role="alert">{errors[0]}</p> : null}
    </fieldset>
  );
}

export function DayCheckboxes({ legend, defaultSelected = [] }: { legend: string; defaultSelected?: string[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="day-checkboxes">
      <legend>{legend}</legend>
      {["MO", "TU", "WE", "TH", "FR", "SA", "SU"].map((d) => (
        <label key={d} className="check">
          <input type="checkbox" name="byday" value={d} defaultChecked={defaultSelected.includes(d)} /> {t(`directory.days.${d}`)}
        </label>
      ))}
    </fieldset>
  );
}
