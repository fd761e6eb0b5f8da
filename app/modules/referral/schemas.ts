/** One zod schema per referral form, shared by the browser and the actions. */
import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { manyOf, optionalText, uuid } from "~/utils/form-fields";
import { CONSENT_CATEGORIES } from "~/modules/consent/categories";
import { GRAVITY_CODES } from "~/modules/sdoh/roll-up";
import { REFERRAL_OUTCOMES, REFERRAL_PRIORITIES, REFERRAL_REASONS, REFERRAL_STATUSES, checkDetails } from "./state-machine";

const optionalUuid = z
  .string()
  .uuid(translatable("errors.fields.chooseFromTheList"))
  .optional()
  .or(z.literal("").transform(() => undefined));

export const SendReferralSchema = z.object({
  intent: z.literal("send"),
  clientId: z.string().uuid(translatable("errors.fields.chooseAClient")),
  recipientOrganizationId: z.string().uuid(translatable("errors.fields.chooseTheOrganizationToReferTo")),
  serviceId: optionalUuid,
  assetId: optionalUuid,
  sdohCodes: manyOf(z.enum(GRAVITY_CODES, { errorMap: () => ({ message: translatable("errors.fields.chooseNeedsFromTheList") }) })).pipe(z.array(z.string()).min(1, translatable("errors.fields.chooseAtLeastOneNeed"))),
  priority: z.enum(REFERRAL_PRIORITIES, { errorMap: () => ({ message: translatable("errors.fields.chooseAPriority") }) }).default("ROUTINE"),
  note: optionalText(2000),
  categories: manyOf(z.enum(CONSENT_CATEGORIES, { errorMap: () => ({ message: translatable("errors.fields.chooseInformationCategoriesFromTheList") }) })).pipe(
    z.array(z.enum(CONSENT_CATEGORIES)).min(1, translatable("errors.fields.chooseTheInformationThatGoesWithThe")),
  ),
  /** Made when the form is drawn: pressing send twice sends one referral. */
  idempotencyKey: z.string().uuid(translatable("errors.fields.reloadThePageAndTryAgain")),
});
export type SendReferralInput = z.infer<typeof SendReferralSchema>;

/** The send form's link from a client, a partner or a service: an id that is not one is ignored, not refused. */
export const SendReferralPrefillSchema = z.object({
  clientId: uuid().optional().catch(undefined),
  organizationId: uuid().optional().catch(undefined),
  serviceId: uuid().optional().catch(undefined),
  assetId: uuid().optional().catch(undefined),
  /** The client picker's name search without JavaScript (its Find button, ADR 104). */
  clientQuery: z.string().trim().min(1).max(100).optional().catch(undefined),
});

export const TransitionReferralSchema = z
  .object({
    intent: z.literal("transition"),
    to: z.enum(REFERRAL_STATUSES, { errorMap: () => ({ message: translatable("errors.fields.chooseWhatToDo") }) }),
    version: z.coerce.number().int().min(1),
    reason: z
      .enum(REFERRAL_REASONS, { errorMap: () => ({ message: translatable("errors.fields.chooseAReason") }) })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    reasonText: optionalText(1000),
    outcome: z
      .enum(REFERRAL_OUTCOMES, { errorMap: () => ({ message: translatable("errors.fields.chooseAnOutcome") }) })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    outcomeText: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    for (const [path, message] of Object.entries(checkDetails(value.to, value))) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  });
export type TransitionReferralInput = z.infer<typeof TransitionReferralSchema>;

export const CommentReferralSchema = z.object({
  intent: z.literal("comment"),
  body: z.string().trim().min(1, translatable("errors.fields.writeAComment")).max(2000),
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

/*
 * Web hook endpoints (ADR 051). The URL rules a browser can check: a full https:// URL, without
 * credentials or a #fragment; plain http only to this machine and only outside production; in
 * production no internal-looking name. Whether an address is private (an IP literal in a private
 * range) needs node:net, so the server passes `isPrivateHost` (webhook-url.server.ts) and the
 * browser leaves that rule to the server's answer, which lands on the same field (ADR 077).
 */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const internalName = (host: string) => host === "localhost" || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || !host.includes(".");

export type WebhookUrlRules = { production: boolean; isPrivateHost?: (host: string) => boolean };

/** Why the hub will not call this URL (a translatable), or null when it will. */
export function webhookUrlProblem(raw: string, { production, isPrivateHost = () => false }: WebhookUrlRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return translatable("errors.fields.webhookUrlFull");
  }
  if (url.username || url.password) return translatable("errors.fields.webhookUrlNoCredentials");
  if (url.hash) return translatable("errors.fields.webhookUrlNoFragment");
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") {
    if (!production && LOCAL_HOSTS.has(host)) return null;
    return translatable("errors.fields.webhookUrlEncrypted");
  }
  if (url.protocol !== "https:") return translatable("errors.fields.webhookUrlHttps");
  if (production && (isPrivateHost(host) || internalName(host))) return translatable("errors.fields.webhookUrlPublic");
  return null;
}

export const webhookUrl = (rules: WebhookUrlRules) =>
  z
    .string()
    .trim()
    .min(1, translatable("errors.fields.webhookUrlRequired"))
    .max(2000)
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value, rules);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });

/** The web hooks page's form to add an endpoint. */
export const registerWebhookSchema = (rules: WebhookUrlRules) =>
  z.object({
    intent: z.literal("register"),
    url: webhookUrl(rules),
    description: z.string().trim().min(2, translatable("errors.fields.webhookDescription")).max(200),
  });

/**
 * Why a web-hook call failed, stored on the delivery as a code and worded by the page in the
 * reader's language. Anything else stored there is the network's own message ("HTTP 503",
 * "connect ECONNREFUSED …"), shown as it is.
 */
export const WEBHOOK_DELIVERY_ERRORS = ["private-address", "timeout", "revoked"] as const;
export type WebhookDeliveryError = (typeof WEBHOOK_DELIVERY_ERRORS)[number];
export const isWebhookDeliveryError = (value: string | null): value is WebhookDeliveryError => (WEBHOOK_DELIVERY_ERRORS as readonly (string | null)[]).includes(value);
