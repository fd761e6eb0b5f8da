/**
 * Scores a blind set ONCE, aggregates only (no misses printed, so reading the output cannot tune
 * the detector): recall per type by the project's strict rule (every character of a gold span
 * covered) and by overlap (any finding overlapping the gold span), and precision.
 *   node --import tsx app/modules/deid/eval/score-blind.ts holdout-6 holdout-7
 * With --without "<words>", vignettes whose text contains the words are left out (a vignette
 * someone working on the detector has seen is no longer blind; its name is not printed).
 */
import path from "node:path";
import { detectIdentifiers } from "../detect.server";
import { evaluate, loadEvaluationSet, pct, report } from "./evaluate.server";

const args = process.argv.slice(2);
const w = args.indexOf("--without");
const without = w >= 0 ? args.splice(w, 2)[1] : undefined;

for (const name of args) {
  const all = loadEvaluationSet(path.join(import.meta.dirname, name));
  const vignettes = without ? all.filter((v) => !v.text.includes(without)) : all;
  if (without) console.log(`${name}: ${all.length - vignettes.length} seen vignette(s) left out`);
  const strict = evaluate(vignettes);
  const byType = new Map<string, { gold: number; overlap: number }>();
  for (const v of vignettes) {
    const findings = detectIdentifiers(v.text);
    for (const g of v.gold) {
      const row = byType.get(g.type) ?? { gold: 0, overlap: 0 };
      row.gold++;
      if (findings.some((f) => f.start < g.end && g.start < f.end)) row.overlap++;
      byType.set(g.type, row);
    }
  }
  const total = [...byType.values()].reduce((s, r) => ({ gold: s.gold + r.gold, overlap: s.overlap + r.overlap }), { gold: 0, overlap: 0 });
  console.log(`${name} — strict rule\n${report(strict)}`);
  console.log(`${name} — by overlap: ${[...byType].map(([t, r]) => `${t} ${r.overlap}/${r.gold}`).join(", ")}; ALL ${total.overlap}/${total.gold} = ${pct(total.overlap / total.gold)}`);
}
