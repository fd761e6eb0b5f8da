/** npm run deid:eval — prints recall and precision per identifier type; exits 1 below the goals. */
import { evaluate, goalFailures, HOLDOUT_FOLDER, loadEvaluationSet, report } from "./evaluate.server";

const result = evaluate();
console.log(report(result));
if (process.argv.includes("--verbose")) {
  for (const m of result.misses) console.log(`MISS  ${m.id.padEnd(14)} ${m.type.padEnd(9)} ${JSON.stringify(m.text)}`);
  for (const f of result.falseAlarms) console.log(`FALSE ${f.id.padEnd(14)} ${f.type.padEnd(9)} ${JSON.stringify(f.text)}`);
}
const holdout = evaluate(loadEvaluationSet(HOLDOUT_FOLDER));
console.log(`\nHeld-out set (written after the detector, never used to change it):\n${report(holdout)}`);
if (process.argv.includes("--verbose")) {
  for (const m of holdout.misses) console.log(`MISS  ${m.id.padEnd(14)} ${m.type.padEnd(9)} ${JSON.stringify(m.text)}`);
  for (const f of holdout.falseAlarms) console.log(`FALSE ${f.id.padEnd(14)} ${f.type.padEnd(9)} ${JSON.stringify(f.text)}`);
}
const failures = goalFailures(result);
if (failures.length) {
  console.error(`\nBelow the goals (recall ≥ 99% overall and per type, precision ≥ 85%):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("\nGoals met: recall ≥ 99% overall and per type, precision ≥ 85%.");
