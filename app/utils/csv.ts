/**
 * The one CSV writer of the hub (issue 13, finding 8; ADR 069). Every CSV the hub writes goes
 * through `toCsv`, which neutralises spreadsheet formulas the OWASP way: a text cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote, and every text
 * cell is wrapped in double quotes (embedded quotes doubled), so no spreadsheet runs a cell that
 * came from a partner's typing.
 *
 * Numbers: a cell that is a finite JS number is written as is (`-104.61`), because its text can
 * only be a number — no formula can hide in it. The same text arriving as a string (`"-5"`) is
 * quoted like any other text: we cannot tell a number from `-5+cmd|…` without parsing it, and a
 * string column stays a string.
 *
 * Round trip: a value that already begins with quotes followed by one of those characters (`'=x`)
 * also gets one more quote, so `restoreCell` — strip ONE leading quote when the cell is quotes
 * followed by one of those characters — gives back exactly what was exported, and leaves a
 * foreign file's `'Til Dawn Shelter` alone.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ADDED_QUOTE = /^'+[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `neutralizeCell`, for importers reading a CSV the hub (or a spreadsheet) wrote. */
export function restoreCell(text: string): string {
  return ADDED_QUOTE.test(text) ? text.slice(1) : text;
}

export type CsvValue = string | number | boolean | Date | null | undefined | Record<string, unknown> | unknown[];

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return quote(value.toISOString());
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return quote(neutralizeCell(text));
}

/**
 * Rows → CSV text (RFC 4180: CRLF line ends, a header row). Columns: the given ones, or every key
 * that appears in any row, in order of first appearance.
 */
export function toCsv(rows: readonly Record<string, CsvValue>[], columns: readonly string[] = [...new Set(rows.flatMap((r) => Object.keys(r)))]): string {
  const lines = [columns.map((c) => quote(neutralizeCell(c))).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(","));
  return lines.join("\r\n");
}
