/** The forms' real limits, read from the modules' schemas (kept out of app/utils, which imports no domain module). */
import { describe, expect, it } from "vitest";
import { maxLengthOf } from "~/utils/form-fields";
import { InviteSchema, EMAIL_MAX } from "~/modules/org/schemas";
import { WinSchema } from "~/modules/aims/schemas";

describe("maxLengthOf on the modules' schemas", () => {
  it("gives the forms' real limits", () => {
    expect(maxLengthOf(InviteSchema.shape.email)).toBe(EMAIL_MAX);
    expect(maxLengthOf(WinSchema.shape.title)).toBeGreaterThan(0);
  });
});
