import { describe, expect, it } from "vitest";
import { boundedDate, boundedDateTime, boundedNumber, safeText, uuid } from "./form-fields";

describe("edge building blocks", () => {
  it("uuid takes ids in any case and refuses anything else", () => {
    expect(uuid().parse("6F9619FF-8B86-D011-B42D-00C04FC964FF")).toBe("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    for (const bad of ["x", "000", "abc\u0000", "6f9619ff-8b86-d011-b42d-00c04fc964ff-1"]) expect(uuid().safeParse(bad).success).toBe(false);
  });

  it("safeText refuses NUL and control characters but keeps tabs and line breaks", () => {
    expect(safeText(10).safeParse("a\tb\nc").success).toBe(true);
    expect(safeText(10).safeParse("a\u0000b").success).toBe(false);
    expect(safeText(10).safeParse("a\u001bb").success).toBe(false);
    expect(safeText(3).safeParse("abcd").success).toBe(false);
  });

  it("boundedDate takes real days from 1900 to 2100 only", () => {
    const d = boundedDate("bad");
    expect(d.safeParse("2026-02-28").success).toBe(true);
    for (const bad of ["0000-01-01", "9999-99-99", "-000001-01-01", "1899-12-31", "2101-01-01", "2026-02-30", "+275760-09-13"]) expect(d.safeParse(bad).success).toBe(false);
  });

  it("boundedDateTime refuses out-of-range and unparseable times", () => {
    const d = boundedDateTime("bad");
    expect(d.safeParse("2026-12-02T10:00").success).toBe(true);
    for (const bad of ["+275760-09-13T00:00", "not a date", "0000-01-01T00:00"]) expect(d.safeParse(bad).success).toBe(false);
  });

  it("boundedNumber refuses non-finite, huge and out-of-range numbers", () => {
    const n = boundedNumber({ min: 0, max: 1e9, message: "bad" });
    expect(n.parse("12.5")).toBe(12.5);
    for (const bad of ["1e308", "Infinity", "NaN", "-5", "", "abc", 1e10]) expect(n.safeParse(bad).success).toBe(false);
    expect(boundedNumber({ min: 0, max: 10, message: "bad", int: true }).safeParse("2.5").success).toBe(false);
  });
});
