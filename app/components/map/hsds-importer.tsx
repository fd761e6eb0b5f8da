/**
 * Imports an HSDS JSON file or the CSV files of a tabular package: parsed in the browser, sent in
 * batches (the progress bar), with a per-row report. Re-importing updates instead of duplicating.
 */
import { useState, type FormEvent } from "react";
import Papa from "papaparse";
import { useTranslation } from "react-i18next";
import { csvPackageToServices, jsonToServices, tableNameOf, type CsvTables } from "~/modules/directory/hsds/csv-package";
import type { ImportOutcome } from "~/modules/directory/hsds/import.server";

const BATCH = 20;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function readRecords(files: File[]): Promise<Record<string, unknown>[]> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith(".json") && f.name.toLowerCase() !== "datapackage.json");
  if (json.length) return json.length === 1 ? jsonToServices(JSON.parse(await json[0].text())) : (await Promise.all(json.map(async (f) => jsonToServices(JSON.parse(await f.text()))))).flat();
  const tables: CsvTables = {};
  for (const file of files.filter((f) => f.name.toLowerCase().endsWith(".csv"))) {
    const parsed = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true });
    tables[tableNameOf(file.name)] = parsed.data;
  }
  return csvPackageToServices(tables);
}

export function HsdsImporter() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [visibility, setVisibility] = useState("PUBLIC");
  const running = progress !== null && progress.done < progress.total;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("files") as HTMLInputElement;
    const files = [...(input.files ?? [])];
    setError(null);
    setResults([]);
    if (!files.length) return setError(t("directory.data.noFile"));
    if (files.some((f) => f.size > MAX_FILE_BYTES)) return setError(t("directory.data.tooLarge"));
    let records: Record<string, unknown>[];
    try {
      records = await readRecords(files);
    } catch {
      return setError(t("directory.data.unreadable"));
    }
    if (!records.length) return setError(t("directory.data.noRecords"));
    setProgress({ done: 0, total: records.length });
    const all: ImportOutcome[] = [];
    for (let offset = 0; offset < records.length; offset += BATCH) {
      const response = await fetch("/api/directory/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ visibility, offset, records: records.slice(offset, offset + BATCH) }) });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        setError(`${t("directory.data.stopped", { row: offset + 1 })} ${body.error ?? response.status}`);
        setProgress({ done: offset, total: records.length });
        setResults([...all]);
        return;
      }
      all.push(...((await response.json()) as { results: ImportOutcome[] }).results);
      setResults([...all]);
      setProgress({ done: Math.min(offset + BATCH, records.length), total: records.length });
    }
  }

  const count = (o: ImportOutcome["outcome"]) => results.filter((r) => r.outcome === o).length;
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t("directory.data.importTitle")}</h2>
      <p className="muted">{t("directory.data.importBody")}</p>
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="hsds-files">{t("directory.data.file")}</label>
          <input id="hsds-files" name="files" type="file" multiple accept=".json,.csv,application/json,text/csv" />
        </div>
        <div className="field">
          <label htmlFor="hsds-visibility">{t("directory.data.visibility")}</label>
          <select id="hsds-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            <option value="PUBLIC">{t("directory.visibility.PUBLIC")}</option>
            <option value="COALITION">{t("directory.visibility.COALITION")}</option>
          </select>
        </div>
        <div><button type="submit" className="button button--primary" disabled={running} aria-busy={running || undefined}>{t("directory.data.import")}</button></div>
      </form>
      {error ? <div className="alert alert--error" role="alert">{error}</div> : null}
      {progress ? (
        <div className="import-status">
          <label htmlFor="import-progress">{running ? t("directory.data.importing", { done: progress.done, total: progress.total }) : t("directory.data.finished", { done: progress.done, total: progress.total })}</label>
          <progress id="import-progress" className="import-progress" value={progress.done} max={progress.total} />
        </div>
      ) : null}
      {results.length ? (
        <>
          <h3>{t("directory.data.report")}</h3>
          <p role="status">{t("directory.data.summary", { created: count("created"), updated: count("updated"), rejected: count("rejected") })}</p>
          <table className="table import-report">
            <thead><tr><th scope="col">{t("directory.data.row")}</th><th scope="col">{t("directory.data.record")}</th><th scope="col">{t("directory.data.outcome")}</th><th scope="col">{t("directory.data.reason")}</th></tr></thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.row} data-outcome={r.outcome}>
                  <td>{r.row}</td>
                  <td>{r.name ?? r.id ?? "—"}</td>
                  <td>{t(`directory.data.${r.outcome}`)}</td>
                  <td>{[r.reason, ...r.warnings].filter(Boolean).join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
