/** A measure's unit decides what its values may be (#14 defect 4, ADR 082). */
import { describe, expect, it } from "vitest";
import { measureUnitKind, measureValue } from "./units";

describe("measureUnitKind", () => {
  it("reads the kind from the unit's words, in English and Spanish", () => {
    for (const unit of ["%", "percent", "porcentaje"]) expect(measureUnitKind(unit), unit).toBe("percent");
    for (const unit of ["hours/week", "days", "días", "$", "dollars", "visits per client", "score"]) expect(measureUnitKind(unit), unit).toBe("amount");
    for (const unit of ["net change", "diferencia"]) expect(measureUnitKind(unit), unit).toBe("signed");
    for (const unit of ["households", "people", "organizations", "hogares", "seats"]) expect(measureUnitKind(unit), unit).toBe("count");
  });
});

describe("measureValue", () => {
  it("keeps each kind to its bounds", () => {
    expect(measureValue("households", "es").safeParse("-5").success).toBe(false);
    expect(measureValue("households", "es").safeParse("12,5").success).toBe(false);
    expect(measureValue("households", "es").parse("1.234")).toBe(1234);
    expect(measureValue("%", "es").parse("12,5")).toBe(12.5);
    expect(measureValue("%", "en").safeParse("100.1").success).toBe(false);
    expect(measureValue("hours/week", "en").parse("2.25")).toBe(2.25);
    expect(measureValue("net change", "en").parse("-3.5")).toBe(-3.5);
  });
});
