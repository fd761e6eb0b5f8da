/**
 * Imports an HSDS package of any version the field sends (1.x, 2.x, Ohana, 3.0; CSV files with or
 * without datapackage.json, or JSON): read in the browser, first sent as a dry run (the report says
 * what would be created, updated, left unchanged, placed approximately and ignored), then imported
 * on confirmation, in batches (the progress bar). Re-importing the same file changes nothing.
 */
import { useState, type FormEvent } from "react";
import Papa from "papaparse";
import { useTranslation } from "react-i18next";
import { readCsvPackage, readJsonPackage, tableNameOf, type CsvTables, type PackageReading } from "~/modules/directory/hsds/csv-package";
import type { ImportOutcome } from "~/modules/directory/hsds/import.server";

const BATCH = 20;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function readPackage(files: File[]): Promise<PackageReading> {
  const isDatapackage = (f: File) => f.name.toLowerCase().replace(/^.*[\\/]/, "") === "datapackage.json";
  const json = files.filter((f) => f.name.toLowerCase().endsWith(".json") && !isDatapackage(f));
  if (json.length) {
    const readings = await Promise.all(json.map(async (f) => readJsonPackage(JSON.parse(await f.text()))));
    return { version: "3.0", services: readings.flatMap((r) => r.services), ignored: [...new Set(readings.flatMap((r) => r.ignored))].sort() };
  }
  const descriptor = files.find(isDatapackage);
  const datapackage = descriptor ? JSON.parse(await descriptor.text()) : undefined;
  const tables: CsvTables = {};
  for (const file of files.filter((f) => f.name.toLowerCase().endsWith(".csv"))) {
    const parsed = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true });
    tables[tableNameOf(file.name)] = parsed.data;
  }
  return readCsvPackage(tables, datapackage);
}

const VERSION_KEY = { "1.x": "v1", "2.x": "v2", "3.0": "v3", ohana: "ohana" } as const;

type Stage = "idle" | "checking" | "checked" | "importing" | "done";

export function HsdsImporter() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>("idle");
  const [reading, setReading] = useState<PackageReading | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [visibility, setVisibility] = useState("PUBLIC");
  const running = stage === "checking" || stage === "importing";
  const dryRun = stage === "checking" || stage === "checked";

  async function send(records: Record<string, unknown>[], asDryRun: boolean): Promise<boolean> {
    setProgress({ done: 0, total: records.length });
    const all: ImportOutcome[] = [];
    for (let offset = 0; offset < records.length; offset += BATCH) {
      const response = await fetch("/api/directory/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ visibility, offset, dryRun: asDryRun, records: records.slice(offset, offset + BATCH) }) });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        setError(`${t("directory.data.stopped", { row: offset + 1 })} ${body.error ?? response.status}`);
        setProgress({ done: offset, total: records.length });
        setResults([...all]);
        return false;
      }
      all.push(...((await response.json()) as { results: ImportOutcome[] }).results);
      setResults([...all]);
      setProgress({ done: Math.min(offset + BATCH, records.length), total: records.length });
    }
    return true;
  }

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("files") as HTMLInputElement;
    const files = [...(input.files ?? [])];
    setError(null);
    setResults([]);
    setReading(null);
    if (!files.length) return setError(t("directory.data.noFile"));
    if (files.some((f) => f.size > MAX_FILE_BYTES)) return setError(t("directory.data.tooLarge"));
    let read: PackageReading;
    try {
      read = await readPackage(files);
    } catch {
      return setError(t("directory.data.unreadable"));
    }
    if (!read.services.length) return setError(t("directory.data.noRecords"));
    setReading(read);
    setStage("checking");
    setStage((await send(read.services as Record<string, unknown>[], true)) ? "checked" : "idle");
  }

  async function onConfirm() {
    if (!reading) return;
    setError(null);
    setResults([]);
    setStage("importing");
    setStage((await send(reading.services as Record<string, unknown>[], false)) ? "done" : "idle");
  }

  function reset() {
    setStage("idle");
    setReading(null);
    setResults([]);
    setProgress(null);
    setError(null);
  }

  const count = (o: ImportOutcome["outcome"]) => results.filter((r) => r.outcome === o).length;
  const placements = results.flatMap((r) => r.locations);
  const approximate = placements.filter((l) => l.placement === "GEOCODED" || l.placement === "APPROXIMATE").length;
  const unplaced = placements.filter((l) => l.placement === "UNPLACED").length;
  const where = (r: ImportOutcome) => r.locations.map((l) => `${l.name ?? l.id}: ${t(`directory.data.placement.${l.placement}`)}`).join("; ");
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t("directory.data.importTitle")}</h2>
      <p className="muted">{t("directory.data.importBody")}</p>
      <form onSubmit={onCheck} className="stack">
        <div className="field">
          <label htmlFor="hsds-files">{t("directory.data.file")}</label>
          <input id="hsds-files" name="files" type="file" multiple accept=".json,.csv,application/json,text/csv" onChange={reset} />
        </div>
        <div className="field">
          <label htmlFor="hsds-visibility">{t("directory.data.visibility")}</label>
          <select id="hsds-visibility" value={visibility} onChange={(e) => { setVisibility(e.target.value); if (stage === "checked") reset(); }}>
            <option value="PUBLIC">{t("directory.visibility.PUBLIC")}</option>
            <option value="COALITION">{t("directory.visibility.COALITION")}</option>
          </select>
        </div>
        <div><button type="submit" className="button button--primary" disabled={running} aria-busy={stage === "checking" || undefined}>{t("directory.data.check")}</button></div>
      </form>
      {error ? <div className="alert alert--error" role="alert">{error}</div> : null}
      {progress && running ? (
        <div className="import-status">
          <label htmlFor="import-progress">{t(stage === "checking" ? "directory.data.checking" : "directory.data.importing", { done: progress.done, total: progress.total })}</label>
          <progress id="import-progress" className="import-progress" value={progress.done} max={progress.total} />
        </div>
      ) : null}
      {progress && stage === "done" ? <p className="muted">{t("directory.data.finished", { done: progress.done, total: progress.total })}</p> : null}
      {reading && results.length ? (
        <>
          <h3>{t(dryRun ? "directory.data.previewTitle" : "directory.data.report")}</h3>
          <p>{t("directory.data.version", { version: t(`directory.data.versions.${VERSION_KEY[reading.version]}`) })}</p>
          <p role="status">
            {t(dryRun ? "directory.data.previewSummary" : "directory.data.summary", { created: count("created"), updated: count("updated"), unchanged: count("unchanged"), rejected: count("rejected") })}{" "}
            {t("directory.data.placementSummary", { approximate, unplaced })}
          </p>
          <details className="import-ignored" open={dryRun && reading.ignored.length > 0 && reading.ignored.length <= 12}>
            <summary>{t("directory.data.ignoredTitle", { count: reading.ignored.length })}</summary>
            {reading.ignored.length ? <p className="small">{t("directory.data.ignoredBody")} {reading.ignored.join(", ")}</p> : <p className="small">{t("directory.data.ignoredNone")}</p>}
          </details>
          {stage === "checked" ? (
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={onConfirm} disabled={count("created") + count("updated") === 0}>{t("directory.data.confirm", { count: count("created") + count("updated") })}</button>{" "}
              <button type="button" className="button" onClick={reset}>{t("directory.data.cancel")}</button>
            </div>
          ) : null}
          <div className="import-report-wrap">
            <table className="table import-report">
              <thead><tr><th scope="col">{t("directory.data.row")}</th><th scope="col">{t("directory.data.record")}</th><th scope="col">{t("directory.data.outcome")}</th><th scope="col">{t("directory.data.where")}</th><th scope="col">{t("directory.data.reason")}</th></tr></thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.row} data-outcome={r.outcome}>
                    <td>{r.row}</td>
                    <td>{r.name ?? r.id ?? "—"}</td>
                    <td>{t(dryRun && r.outcome !== "rejected" ? `directory.data.would.${r.outcome}` : `directory.data.${r.outcome}`)}</td>
                    <td>{where(r) || "—"}</td>
                    <td>{[r.reason, ...r.warnings].filter(Boolean).join(" ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
