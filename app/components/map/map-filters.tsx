import { useTranslation } from "react-i18next";
import { GRAVITY_CATEGORIES, HP2030_DOMAINS, categoriesOf } from "~/modules/sdoh/roll-up";
import { CAPACITY_FILTERS } from "~/modules/directory/schemas";

export type MapFilterValues = { q: string; sdoh: string; open_now: boolean; language: string; capacity: string; cost: string; kind: string };
export const EMPTY_FILTERS: MapFilterValues = { q: "", sdoh: "", open_now: false, language: "", capacity: "", cost: "", kind: "" };

export function MapFilters({ values, onChange }: { values: MapFilterValues; onChange: (next: MapFilterValues) => void }) {
  const { t } = useTranslation();
  const set = <K extends keyof MapFilterValues>(key: K, value: MapFilterValues[K]) => onChange({ ...values, [key]: value });
  const active = JSON.stringify(values) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <form className="map-filters" role="search" aria-label={t("directory.filters.label")} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-q">{t("directory.filters.search")}</label>
        <input id="filter-q" type="search" value={values.q} placeholder={t("directory.filters.searchPlaceholder")} onChange={(e) => set("q", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-sdoh">{t("directory.filters.need")}</label>
        <select id="filter-sdoh" value={values.sdoh} onChange={(e) => set("sdoh", e.target.value)}>
          <option value="">{t("directory.filters.anyNeed")}</option>
          {HP2030_DOMAINS.map((d) => (
            <optgroup key={d.id} label={t(`directory.domains.${d.id}`)}>
              {categoriesOf(d.id).map((code) => (
                <option key={code} value={code}>{t(`directory.sdoh.${code}`)}</option>
              ))}
            </optgroup>
          ))}
          {GRAVITY_CATEGORIES.filter((c) => c.domain === null).map((c) => (
            <option key={c.code} value={c.code}>{t(`directory.sdoh.${c.code}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-language">{t("directory.filters.language")}</label>
        <select id="filter-language" value={values.language} onChange={(e) => set("language", e.target.value)}>
          <option value="">{t("directory.filters.anyLanguage")}</option>
          {["en", "es", "vi"].map((code) => (
            <option key={code} value={code}>{t(`directory.languages.${code}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-capacity">{t("directory.filters.capacity")}</label>
        <select id="filter-capacity" value={values.capacity} onChange={(e) => set("capacity", e.target.value)}>
          <option value="">{t("directory.filters.anyCapacity")}</option>
          {CAPACITY_FILTERS.map((c) => (
            <option key={c} value={c}>{t(`directory.filters.capacityOptions.${c}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">{t("directory.filters.kind")}</label>
        <select id="filter-kind" value={values.kind} onChange={(e) => set("kind", e.target.value)}>
          <option value="">{t("directory.filters.anyKind")}</option>
          {["SERVICE_LOCATION", "INFORMAL_GROUP", "TRUSTED_PERSON", "PLACE"].map((k) => (
            <option key={k} value={k}>{t(`directory.kinds.${k}`)}</option>
          ))}
        </select>
      </div>
      <div className="map-filters__checks">
        <label className="check">
          <input type="checkbox" checked={values.open_now} onChange={(e) => set("open_now", e.target.checked)} /> {t("directory.filters.openNow")}
        </label>
        <label className="check">
          <input type="checkbox" checked={values.cost === "free"} onChange={(e) => set("cost", e.target.checked ? "free" : "")} /> {t("directory.filters.free")}
        </label>
        {active ? (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>{t("directory.filters.clear")}</button>
        ) : null}
      </div>
    </form>
  );
}
