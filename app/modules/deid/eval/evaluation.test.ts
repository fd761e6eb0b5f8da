import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyReplacements, detectIdentifiers } from "../detect.server";
import { evaluate, goalFailures, GOALS, HOLDOUT2_FOLDER, HOLDOUT3_FOLDER, HOLDOUT4_FOLDER, HOLDOUT5_FOLDER, HOLDOUT_FOLDER, loadEvaluationSet, parseMarkup, report } from "./evaluate.server";

describe("de-identification evaluation", () => {
  it("parses the labelled markup into text and gold spans", () => {
    const { text, gold } = parseMarkup("Call [[NAME|Ana]] at [[PHONE|303-555-0100]].");
    expect(text).toBe("Call Ana at 303-555-0100.");
    expect(gold.map((g) => text.slice(g.start, g.end))).toEqual(["Ana", "303-555-0100"]);
  });

  it("meets the goals on the evaluation set: recall ≥ 99% overall and per type, precision ≥ 85%", () => {
    const result = evaluate();
    console.info(report(result));
    expect(result.overall.gold).toBeGreaterThan(250);
    expect(goalFailures(result)).toEqual([]);
    expect(result.overall.precision).toBeGreaterThanOrEqual(GOALS.precision);
  });

  // The held-out sets are measured, not tuned against: they keep the development score honest.
  // Their floors are the numbers measured when they were last read (docs/decisions/030), so a
  // regression fails. Since round 3 all three have been read and studied ("seen": holdout-3's misses
  // drove the round-3 rules), so their scores are no longer an honest estimate; held-out 4 is.
  // 62 identifiers since round 2: "every Sunday" is no longer labelled (a weekday alone is not a date element, eval/README.md).
  it("reports the first held-out set (62 identifiers): floor 62 found (100%), precision ≥ 98%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT_FOLDER));
    console.info(`held-out\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(62);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(62);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.98);
  });

  it("reports the second held-out set (184 identifiers): floor 182 found (98.9%), precision ≥ 98%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT2_FOLDER));
    console.info(`held-out 2\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(184);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(182);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.98);
  });

  // Seen since round 3 (its misses were studied and their general classes fixed, eval/holdout-3/README.md).
  it("reports the third held-out set (283 identifiers): floor 281 found (99.3%), precision ≥ 99%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT3_FOLDER));
    console.info(`held-out 3\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(283);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(281);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.99);
  });

  // Written blind (the author never saw the detector) and measured once after round 3 (ADR 030): 303 of 327
  // found (92.7%), precision 88.9% — that was the honest estimate. SEEN SINCE ROUND 4: its misses and false
  // alarms were read and their general classes fixed, so its round-4 score (327/327, 100%) is no longer an
  // honest estimate; held-out 5 is. The floor only keeps the fixed classes from slipping back.
  it("reports the fourth held-out set (327 identifiers, seen since round 4): floor 327 found (100%), precision ≥ 99%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT4_FOLDER));
    console.info(`held-out 4\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(327);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(327);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.99);
  });

  // Written blind (the author never saw the detector) and measured once, after round 4 (ADR 030):
  // 302 of 330 found (91.5%), precision 87.0%. That is the honest estimate, below the 99% goal; the
  // floor keeps it from slipping. Once its misses are studied it counts as seen, like the others.
  // Round 5 (ADR 088) raised it to 312 (94.5%), precision 87.9%, read as aggregates only (its misses were not printed).
  // Round 6 (ADR 099): 314 (95.2%), precision 89.7%.
  it("reports the fifth held-out set (330 identifiers): floor 314 found (95.2%), precision ≥ 89%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT5_FOLDER));
    console.info(`held-out 5\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(330);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(314);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.89);
  });

  // Written blind, scored once before and once after round 5 (blind-scores.md: 293/321 and 272/314 after it).
  // Spent since round 6 (ADR 099): their misses were read and general classes fixed; these floors keep them.
  it.each([
    ["holdout-6", 321, 296, 0.97],
    ["holdout-7", 314, 276, 0.96],
    // Written blind, scored once before and once after round 6 (blind-scores.md); floored at the after-score.
    ["holdout-8", 373, 338, 0.91],
    ["holdout-9", 354, 318, 0.84],
  ])("reports the spent blind set %s (%i identifiers): floor %i found, precision ≥ %f", (name, gold, found, precision) => {
    const holdout = evaluate(loadEvaluationSet(path.join(import.meta.dirname, name)));
    console.info(`${name}\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(gold);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(found);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(precision);
  });

  // Holdout-3 joined this check in round 3, once it counted as seen (its h3-26 park, found only after
  // "Lot 7" beside it was replaced, is now found whole with the lot); holdout-4 joined it in round 4.
  it("the suggested replacements are themselves clean: replacing every finding leaves nothing to find", () => {
    for (const v of [...loadEvaluationSet(), ...loadEvaluationSet(HOLDOUT_FOLDER), ...loadEvaluationSet(HOLDOUT2_FOLDER), ...loadEvaluationSet(HOLDOUT3_FOLDER), ...loadEvaluationSet(HOLDOUT4_FOLDER)]) {
      const replaced = applyReplacements(v.text, detectIdentifiers(v.text));
      expect({ id: v.id, again: detectIdentifiers(replaced).map((f) => f.text) }).toEqual({ id: v.id, again: [] });
    }
  });

  it("fails when the detector misses things (the check has teeth)", () => {
    const result = evaluate(undefined, () => []);
    expect(goalFailures(result).length).toBeGreaterThan(0);
  });
});
