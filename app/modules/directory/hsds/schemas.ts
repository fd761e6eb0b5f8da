import { z } from "zod";
import { boundedDateTime, boundedNumber, safeText } from "~/utils/form-fields";

const uuid = (name: string) => z.string().uuid(`${name} must be a UUID`);

export const HsdsListSchema = z.object({
  search: safeText(200).optional().transform((v) => v?.trim() || undefined),
  /** Bounded so that (page - 1) × per_page stays a safe integer and inside an int4 OFFSET. */
  page: boundedNumber({ min: 1, max: 1_000_000, int: true, message: "page starts at 1 (a whole number up to 1000000)" }).default(1),
  per_page: boundedNumber({ min: 1, max: 500, int: true, message: "per_page is 1 to 500" }).default(50),
  taxonomy_term_id: uuid("taxonomy_term_id").optional(),
  taxonomy_id: uuid("taxonomy_id").optional(),
  organization_id: uuid("organization_id").optional(),
  modified_after: z
    .string()
    .datetime({ offset: true, message: "modified_after must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z" })
    .or(z.string().date("modified_after must be an ISO 8601 date or date-time"))
    .pipe(boundedDateTime("modified_after must be between 1900 and 2100"))
    .optional(),
  postcode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, "postcode must be a US ZIP code").optional(),
  proximity: z.string().optional().transform((v, ctx) => {
    if (!v) return undefined;
    const [lat, lng, km] = v.split(",").map(Number);
    if (v.split(",").length !== 3 || [lat, lng, km].some((n) => !Number.isFinite(n)) || Math.abs(lat) > 90 || Math.abs(lng) > 180 || km <= 0 || km > 500) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "proximity must be lat,lng,km (km 0–500)" });
      return z.NEVER;
    }
    return { lat, lng, km };
  }),
  coalition: safeText(100).optional(),
  format: z.enum(["json"], { errorMap: () => ({ message: "format must be json" }) }).optional(),
  full: z.enum(["true", "false"]).optional(),
  top_only: z.enum(["true", "false"]).optional(),
  parent_id: uuid("parent_id").optional(),
});
export type HsdsListParams = z.infer<typeof HsdsListSchema>;
