/** One zod schema per referral form, shared by the browser and the actions. */
import { z } from "zod";
import { manyOf, optionalText, uuid } from "~/utils/form-fields";
import { CONSENT_CATEGORIES } from "~/modules/consent/categories";
import { GRAVITY_CODES } from "~/modules/sdoh/roll-up";
import { REFERRAL_OUTCOMES, REFERRAL_PRIORITIES, REFERRAL_REASONS, REFERRAL_STATUSES, checkDetails } from "./state-machine";

const optionalUuid = z
  .string()
  .uuid("Choose from the list")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const SendReferralSchema = z.object({
  intent: z.literal("send"),
  clientId: z.string().uuid("Choose a client"),
  recipientOrganizationId: z.string().uuid("Choose the organization to refer to"),
  serviceId: optionalUuid,
  assetId: optionalUuid,
  sdohCodes: manyOf(z.enum(GRAVITY_CODES, { errorMap: () => ({ message: "Choose needs from the list" }) })).pipe(z.array(z.string()).min(1, "Choose at least one need")),
  priority: z.enum(REFERRAL_PRIORITIES, { errorMap: () => ({ message: "Choose a priority" }) }).default("ROUTINE"),
  note: optionalText(2000, "Use at most 2000 characters"),
  categories: manyOf(z.enum(CONSENT_CATEGORIES, { errorMap: () => ({ message: "Choose information categories from the list" }) })).pipe(
    z.array(z.enum(CONSENT_CATEGORIES)).min(1, "Choose the information that goes with the referral"),
  ),
  /** Made when the form is drawn: pressing send twice sends one referral. */
  idempotencyKey: z.string().uuid("Reload the page and try again"),
});
export type SendReferralInput = z.infer<typeof SendReferralSchema>;

/** The send form's link from a client, a partner or a service: an id that is not one is ignored, not refused. */
export const SendReferralPrefillSchema = z.object({
  clientId: uuid().optional().catch(undefined),
  organizationId: uuid().optional().catch(undefined),
  serviceId: uuid().optional().catch(undefined),
  assetId: uuid().optional().catch(undefined),
});

export const TransitionReferralSchema = z
  .object({
    intent: z.literal("transition"),
    to: z.enum(REFERRAL_STATUSES, { errorMap: () => ({ message: "Choose what to do" }) }),
    version: z.coerce.number().int().min(1),
    reason: z
      .enum(REFERRAL_REASONS, { errorMap: () => ({ message: "Choose a reason" }) })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    reasonText: optionalText(1000, "Use at most 1000 characters"),
    outcome: z
      .enum(REFERRAL_OUTCOMES, { errorMap: () => ({ message: "Choose an outcome" }) })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    outcomeText: optionalText(1000, "Use at most 1000 characters"),
  })
  .superRefine((value, ctx) => {
    for (const [path, message] of Object.entries(checkDetails(value.to, value))) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  });
export type TransitionReferralInput = z.infer<typeof TransitionReferralSchema>;

export const CommentReferralSchema = z.object({
  intent: z.literal("comment"),
  body: z.string().trim().min(1, "Write a comment").max(2000, "Use at most 2000 characters"),
});
export type CommentReferralInput = z.infer<typeof CommentReferralSchema>;

export const ReferralListFilterSchema = z.object({
  status: z.enum(REFERRAL_STATUSES).optional().catch(undefined),
  overdue: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  partner: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined).transform((v) => v ?? 1),
});
export type ReferralListFilter = z.infer<typeof ReferralListFilterSchema>;

/** What the send form's check answers (GET /api/referrals/check), as the form's fetcher reads it. */
export type ReferralCheckJson = {
  client: { id: string; name: string; preferredLanguage: string };
  covered: string[];
  refused: { category: string; reason: string }[];
  service: { id: string; name: string; eligibilityDescription: string | null; capacityStatus: string | null; capacityConfirmedAt: string | null; capacityAvailable: number | null; capacityUnit: string | null } | null;
  warnings: unknown[];
};
