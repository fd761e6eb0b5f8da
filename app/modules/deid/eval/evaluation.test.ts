import { describe, expect, it } from "vitest";
import { applyReplacements, detectIdentifiers } from "../detect.server";
import { evaluate, goalFailures, GOALS, HOLDOUT2_FOLDER, HOLDOUT_FOLDER, loadEvaluationSet, parseMarkup, report } from "./evaluate.server";

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
  it("reports the first held-out set (63 identifiers): floor 62 found (98.4%), precision ≥ 95%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT_FOLDER));
    console.info(`held-out\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(63);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(62);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("reports the second held-out set (184 identifiers): floor 179 found (97.3%), precision ≥ 87%", () => {
    const holdout = evaluate(loadEvaluationSet(HOLDOUT2_FOLDER));
    console.info(`held-out 2\n${report(holdout)}`);
    expect(holdout.overall.gold).toBe(184);
    expect(holdout.overall.found).toBeGreaterThanOrEqual(179);
    expect(holdout.overall.precision).toBeGreaterThanOrEqual(0.87);
  });

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
