/**
 * npm run bench:deid — detector time on a 2 KB vignette (median of repeated runs). Goal ≤ 20 ms.
 * Exits 1 above the goal.
 */
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { loadEvaluationSet } from "~/modules/deid/eval/evaluate.server";

const texts = loadEvaluationSet().map((v) => v.text);
let vignette = "";
for (let i = 0; vignette.length < 2048; i++) vignette += texts[i % texts.length] + "\n\n";
vignette = vignette.slice(0, 2048);

const started = performance.now();
detectIdentifiers(vignette); // first call loads the word lists
const warmup = performance.now() - started;
for (let i = 0; i < 20; i++) detectIdentifiers(vignette);

const runs = 200;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  detectIdentifiers(vignette);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
const p95 = times[Math.floor(runs * 0.95)];
console.log(`2 KB vignette (${vignette.length} chars), ${runs} runs: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; first call (loads word lists) ${warmup.toFixed(0)} ms`);
if (median > 20) {
  console.error("Above the goal of 20 ms");
  process.exit(1);
}
