import { describe, expect, it } from "vitest";
import { z } from "zod";
import { maxLengthOf, optionalText, safeText } from "./form-fields";

describe("maxLengthOf reads an input's limit from the schema", () => {
  it("finds max through trim, optional, default and transforms", () => {
    expect(maxLengthOf(z.string().trim().max(7))).toBe(7);
    expect(maxLengthOf(optionalText(300))).toBe(300);
    expect(maxLengthOf(safeText(42).optional())).toBe(42);
    expect(maxLengthOf(z.string().max(9).default(""))).toBe(9);
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number())).toBeUndefined();
  });
});
