/**
 * Referral pathways' forms (issue #16, ADR 103): the director's pathway and practice links, the
 * public referral form behind a link, and the intake steps. One zod schema per form, bounded,
 * shared by the browser (useSchemaForm) and the action (parseForm). Browser-safe.
 */
import { z } from "zod";
import { careTextFields } from "~/modules/care/schemas";
import { GRAVITY_CODES } from "~/modules/sdoh/roll-up";
import { isoDate } from "~/utils/form-fields";
import { REFERRAL_REASONS } from "~/modules/referral/state-machine";

export const PATHWAY_LIMITS = { text: 1500, name: 120, phone: 40, email: 200, reason: 1000, contact: 200, slug: 80 } as const;
/** How long a practice's link stays open unless the director says otherwise (days). */
export const LINK_DAYS = { min: 7, max: 730, default: 365 } as const;

const { m, requiredText, optionalNote } = careTextFields("pathways.errors");

const checkbox = z
  .enum(["on"], { errorMap: () => ({ message: m("checkbox") }) })
  .optional()
  .transform((v) => v === "on");

const email = z
  .string()
  .trim()
  .max(PATHWAY_LIMITS.email, m("tooLong", { max: PATHWAY_LIMITS.email }))
  .email(m("email"))
  .optional()
  .or(z.literal("").transform(() => undefined));

const phone = (key: string) =>
  z
    .string({ required_error: m(key) })
    .trim()
    .min(7, m(key))
    .max(PATHWAY_LIMITS.phone, m("tooLong", { max: PATHWAY_LIMITS.phone }))
    .regex(/^[0-9+()\-.\s x ext]+$/i, m(key));

/** The director's pathway for one service (EN and ES text; who it is for also shows the service's fit criteria). */
export const PathwaySchema = z.object({
  intent: z.literal("save-pathway"),
  forWhomEn: requiredText(PATHWAY_LIMITS.text, "forWhom"),
  forWhomEs: requiredText(PATHWAY_LIMITS.text, "forWhom"),
  notForEn: requiredText(PATHWAY_LIMITS.text, "notFor"),
  notForEs: requiredText(PATHWAY_LIMITS.text, "notFor"),
  whatToSendEn: requiredText(PATHWAY_LIMITS.text, "whatToSend"),
  whatToSendEs: requiredText(PATHWAY_LIMITS.text, "whatToSend"),
  responseDays: z.coerce.number({ invalid_type_error: m("responseDays") }).int(m("responseDays")).min(1, m("responseDays")).max(30, m("responseDays")),
  contactName: requiredText(PATHWAY_LIMITS.name, "contactName"),
  contactPhone: phone("contactPhone").optional().or(z.literal("").transform(() => undefined)),
  contactEmail: email,
  publish: checkbox,
});
export type PathwayInput = z.infer<typeof PathwaySchema>;

export const IssueLinkSchema = z.object({
  intent: z.literal("issue-link"),
  practiceName: requiredText(PATHWAY_LIMITS.name, "practiceName"),
  practiceEmail: email,
  days: z.coerce.number({ invalid_type_error: m("days") }).int(m("days")).min(LINK_DAYS.min, m("days")).max(LINK_DAYS.max, m("days")).default(LINK_DAYS.default),
});
export type IssueLinkInput = z.infer<typeof IssueLinkSchema>;

export const RevokeLinkSchema = z.object({
  intent: z.literal("revoke-link"),
  linkId: z.string().uuid(m("link")),
});

/** The public referral form behind a practice's link. `formToken` is signed when the form is drawn (time and link). */
export const ExternalReferralSchema = z.object({
  intent: z.literal("refer"),
  clientName: requiredText(160, "clientName"),
  birthDate: isoDate(m("birthDate")).refine((v) => v >= "1900-01-01" && new Date(`${v}T00:00:00Z`) <= new Date(), m("birthDate")),
  contact: requiredText(PATHWAY_LIMITS.contact, "contact"),
  sdohCode: z.enum(GRAVITY_CODES, { errorMap: () => ({ message: m("need") }) }),
  reason: requiredText(PATHWAY_LIMITS.reason, "reason"),
  providerName: requiredText(PATHWAY_LIMITS.name, "providerName"),
  providerPhone: phone("providerPhone"),
  attested: z.enum(["on"], { errorMap: () => ({ message: m("attestation") }) }),
  formToken: z.string().max(200).regex(/^\d{10,16}\.[0-9a-f]{64}$/, m("formToken")),
  /** The honeypot: hidden from people, filled by bots. */
  website: z.string().max(200).optional(),
});
export type ExternalReferralInput = z.infer<typeof ExternalReferralSchema>;

/** Intake: link a submission to one of the organization's clients (the duplicate check's candidates, or any). */
export const MatchClientSchema = z.object({ intent: z.literal("match-client"), clientId: z.string().uuid(m("client")) });
/** Intake: register a new client from the submission (after seeing the possible duplicates). */
export const CreateIntakeClientSchema = z.object({ intent: z.literal("create-client"), confirmNotDuplicate: z.literal("yes").optional() });
/** Intake: the authorization recorded for the matched client (the consent module's record). */
export const LinkAuthorizationSchema = z.object({ intent: z.literal("link-authorization"), authorizationId: z.string().uuid(m("authorization")) });
/** Intake: the receiver's answer, by the referral state machine. */
export const RespondIntakeSchema = z.object({
  intent: z.literal("respond"),
  status: z.enum(["ACCEPTED", "REJECTED"], { errorMap: () => ({ message: m("status") }) }),
  reason: z.enum(REFERRAL_REASONS, { errorMap: () => ({ message: m("reasonCode") }) }).optional().or(z.literal("").transform(() => undefined)),
  reasonText: optionalNote(500),
});
export type RespondIntakeInput = z.infer<typeof RespondIntakeSchema>;

export const ExternalReferralIdSchema = z.object({ externalReferralId: z.string().uuid() });
export const ServiceIdParamSchema = z.object({ serviceId: z.string().uuid() });
export const SlugParamSchema = z.object({ slug: z.string().max(PATHWAY_LIMITS.slug).regex(/^[a-z0-9-]+$/) });
/** A link token as it appears in the URL (43 base64url characters); anything else is "not a link". */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
