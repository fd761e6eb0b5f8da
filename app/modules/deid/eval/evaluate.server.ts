/**
 * Scores the detector on the labelled vignettes in this folder (see README.md for the format).
 * A gold span is found when findings cover every word of it (letters and digits; the small
 * words "the", "on", "de", "y" … and punctuation may stay visible); a finding is correct when
 * it overlaps a gold span.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectIdentifiers } from "../detect.server";
import { IDENTIFIER_TYPES, type Finding, type IdentifierType } from "../types";

export interface GoldSpan {
  type: IdentifierType;
  start: number;
  end: number;
  text: string;
}
export interface Vignette {
  id: string;
  style: string;
  text: string;
  gold: GoldSpan[];
}

const FOLDER = path.dirname(fileURLToPath(import.meta.url));

export const HOLDOUT_FOLDER = path.join(FOLDER, "holdout");
/** Written on branch deid-recall before any detector change of that branch (see holdout-2/README.md). */
export const HOLDOUT2_FOLDER = path.join(FOLDER, "holdout-2");
/** Written on branch deid-round2 before any detector change of that branch (see holdout-3/README.md). */
export const HOLDOUT3_FOLDER = path.join(FOLDER, "holdout-3");
/** Written on main by an author who had not seen the detector, committed before round 3 was merged; measured once after (see holdout-4/README.md). Seen since round 4: its misses drove the round-4 rules. */
export const HOLDOUT4_FOLDER = path.join(FOLDER, "holdout-4");
/** Written on main by an author who had not seen the detector, committed before round 4 was merged; measured once after (see holdout-5/README.md). */
export const HOLDOUT5_FOLDER = path.join(FOLDER, "holdout-5");

export function loadEvaluationSet(folder = FOLDER): Vignette[] {
  const vignettes: Vignette[] = [];
  for (const file of fs.readdirSync(folder).filter((f) => /^vignettes-.*\.txt$/.test(f)).sort()) {
    const source = fs.readFileSync(path.join(folder, file), "utf8");
    for (const block of source.split(/^### /m).slice(1)) {
      const newline = block.indexOf("\n");
      const [id, style = ""] = block.slice(0, newline).split("|").map((s) => s.trim());
      vignettes.push({ id, style, ...parseMarkup(block.slice(newline + 1).trimEnd()) });
    }
  }
  return vignettes;
}

export function parseMarkup(marked: string) {
  const gold: GoldSpan[] = [];
  let text = "";
  let at = 0;
  for (const m of marked.matchAll(/\[\[([A-Z]+)\|([^\]]+)\]\]/g)) {
    text += marked.slice(at, m.index);
    const type = m[1] as IdentifierType;
    if (!IDENTIFIER_TYPES.includes(type)) throw new Error(`unknown type ${type} in ${m[0]}`);
    gold.push({ type, start: text.length, end: text.length + m[2].length, text: m[2] });
    text += m[2];
    at = m.index + m[0].length;
  }
  text += marked.slice(at);
  return { text, gold };
}

// Small words and honorifics need not be covered ("Mr. [name]" hides the person).
const MINOR = /^(?:the|on|at|of|in|de|del|la|el|y|and|a|an|mr|mrs|ms|miss|dr|don|doña|sr|sra)$/i;

export function covered(gold: GoldSpan, findings: Finding[], text: string) {
  for (const w of text.slice(gold.start, gold.end).matchAll(/[\p{L}\p{N}]+/gu)) {
    if (MINOR.test(w[0])) continue;
    const start = gold.start + w.index;
    const end = start + w[0].length;
    for (let i = start; i < end; i++) if (!findings.some((f) => f.start <= i && i < f.end)) return false;
  }
  return true;
}

export interface TypeScore {
  type: IdentifierType;
  gold: number;
  found: number;
  findings: number;
  correct: number;
  recall: number;
  precision: number;
}

export interface Evaluation {
  perType: TypeScore[];
  overall: Omit<TypeScore, "type">;
  misses: { id: string; type: IdentifierType; text: string }[];
  falseAlarms: { id: string; type: IdentifierType; text: string }[];
  vignettes: number;
}

export function evaluate(vignettes = loadEvaluationSet(), detect = detectIdentifiers): Evaluation {
  const rows = new Map(IDENTIFIER_TYPES.map((type) => [type, { type, gold: 0, found: 0, findings: 0, correct: 0 }]));
  const misses: Evaluation["misses"] = [];
  const falseAlarms: Evaluation["falseAlarms"] = [];
  for (const v of vignettes) {
    const findings = detect(v.text);
    for (const g of v.gold) {
      const row = rows.get(g.type)!;
      row.gold++;
      if (covered(g, findings, v.text)) row.found++;
      else misses.push({ id: v.id, type: g.type, text: g.text });
    }
    for (const f of findings) {
      const row = rows.get(f.type)!;
      row.findings++;
      if (v.gold.some((g) => f.start < g.end && g.start < f.end)) row.correct++;
      else falseAlarms.push({ id: v.id, type: f.type, text: f.text });
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perType = [...rows.values()].map((r) => ({ ...r, recall: ratio(r.found, r.gold), precision: ratio(r.correct, r.findings) }));
  const sum = (k: "gold" | "found" | "findings" | "correct") => perType.reduce((s, r) => s + r[k], 0);
  const overall = { gold: sum("gold"), found: sum("found"), findings: sum("findings"), correct: sum("correct"), recall: ratio(sum("found"), sum("gold")), precision: ratio(sum("correct"), sum("findings")) };
  return { perType, overall, misses, falseAlarms, vignettes: vignettes.length };
}

export const GOALS = { recall: 0.99, precision: 0.85 };

export function goalFailures(result: Evaluation) {
  const failures: string[] = [];
  if (result.overall.recall < GOALS.recall) failures.push(`overall recall ${pct(result.overall.recall)} < ${pct(GOALS.recall)}`);
  if (result.overall.precision < GOALS.precision) failures.push(`overall precision ${pct(result.overall.precision)} < ${pct(GOALS.precision)}`);
  for (const r of result.perType) if (r.gold > 0 && r.recall < GOALS.recall) failures.push(`${r.type} recall ${pct(r.recall)} < ${pct(GOALS.recall)}`);
  return failures;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function report(result: Evaluation) {
  const lines = [`${result.vignettes} vignettes`, "type        gold  found  recall   findings  correct  precision"];
  for (const r of [...result.perType, { type: "ALL", ...result.overall }])
    lines.push(`${r.type.padEnd(10)} ${String(r.gold).padStart(5)} ${String(r.found).padStart(6)}  ${pct(r.recall).padStart(6)}  ${String(r.findings).padStart(9)} ${String(r.correct).padStart(8)}  ${pct(r.precision).padStart(9)}`);
  return lines.join("\n");
}
