import { useState } from "react";
import { useTranslation } from "react-i18next";

type Result = { label: string; latitude: number; longitude: number };

/** "Find address" (only when GEOCODER_URL is set): asks the server, then places the chosen result. */
export function AddressSearch({ onPick }: { onPick: (latitude: number, longitude: number) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [state, setState] = useState<{ busy: boolean; results: Result[] | null; error: string | null }>({ busy: false, results: null, error: null });
  const search = async () => {
    setState({ busy: true, results: null, error: null });
    try {
      const response = await fetch(`/api/directory/geocode?${new URLSearchParams({ q: query })}`);
      const body = (await response.json()) as { results?: Result[]; error?: string };
      setState({ busy: false, results: body.results ?? null, error: response.ok ? null : (body.error ?? t("directory.geocoder.failed")) });
    } catch {
      setState({ busy: false, results: null, error: t("directory.geocoder.failed") });
    }
  };
  return (
    <div className="address-search">
      <label htmlFor="address-search">{t("directory.geocoder.label")}</label>
      <div className="inline-fields">
        <input id="address-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); void search(); } }} />
        <button type="button" className="button button--small" onClick={() => void search()} disabled={state.busy || query.trim().length < 3} aria-busy={state.busy || undefined}>
          {t("directory.geocoder.search")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.error ? <p className="field-error">{state.error}</p> : null}
        {state.results && state.results.length === 0 ? <p className="muted small">{t("directory.geocoder.none")}</p> : null}
      </div>
      {state.results && state.results.length > 0 ? (
        <ul className="address-search__results">
          {state.results.map((r) => (
            <li key={`${r.latitude},${r.longitude},${r.label}`}>
              <button type="button" className="button button--small" onClick={() => { onPick(r.latitude, r.longitude); setState((s) => ({ ...s, results: null })); }}>{r.label}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
