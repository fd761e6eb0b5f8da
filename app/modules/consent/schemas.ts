import { z } from "zod";
import { boundedDate, manyOf } from "~/utils/form-fields";
import { translatable } from "~/utils/translatable";
import { AUTHORIZATION_FORMS, CONSENT_CATEGORIES, CONSENT_LANGUAGES, PART2_CATEGORY, REVOCATION_CHANNELS } from "./categories";

const checked = (message: string) => z.literal("on", { errorMap: () => ({ message }) });

/** The authorization form's fields one by one (RecordAuthorizationSchema adds the rules across them). */
export const RecordAuthorizationBaseSchema = z.object({
  intent: z.literal("record"),
  form: z.enum(AUTHORIZATION_FORMS, { errorMap: () => ({ message: "Choose the kind of authorization" }) }),
  categories: manyOf(z.enum(CONSENT_CATEGORIES)).pipe(z.array(z.enum(CONSENT_CATEGORIES)).min(1, "Choose at least one kind of information")),
  recipientIds: manyOf(z.string().uuid("Choose an organization")).pipe(z.array(z.string().uuid()).min(1, "Name at least one organization that may receive the information")),
  purpose: z.string().trim().min(3, "Say what the information will be used for").max(500, "Use at most 500 characters"),
  language: z.enum(CONSENT_LANGUAGES, { errorMap: () => ({ message: "Choose the language of the form" }) }),
  effectiveDate: boundedDate("Enter the date the authorization starts"),
  expiresOn: boundedDate("Enter a valid expiration date").optional().or(z.literal("").transform(() => undefined)),
  expirationEvent: z.string().trim().max(300, "Use at most 300 characters").optional().transform((v) => (v ? v : undefined)),
  ackRevoke: checked("The client must be told how to revoke"),
  ackConditioning: checked("The client must be told that services do not depend on signing"),
  ackRedisclosure: checked("The client must be told about re-disclosure"),
  ackPart2: z.literal("on").optional(),
  signerKind: z.enum(["CLIENT", "REPRESENTATIVE"], { errorMap: () => ({ message: "Say who signs" }) }),
  signerName: z.string().trim().min(2, "Enter the signer's name").max(160, "Use at most 160 characters"),
  representativeAuthority: z.string().trim().max(300, "Use at most 300 characters").optional().transform((v) => (v ? v : undefined)),
  signatureMethod: z.enum(["DRAWN", "TYPED"], { errorMap: () => ({ message: "Choose how the form is signed" }) }),
  signatureTyped: z.string().trim().max(160, "Use at most 160 characters").optional().transform((v) => (v ? v : undefined)),
  signatureImage: z.string().max(300_000, "The drawn signature is too large").optional().transform((v) => (v ? v : undefined)),
  /** The form's one-time key (a retried submission records once); optional for callers without a form. */
  idempotencyKey: z.string().uuid(translatable("errors.reloadAndRetry")).optional().or(z.literal("").transform(() => undefined)),
});
type RecordAuthorizationBase = z.infer<typeof RecordAuthorizationBaseSchema>;

/** Rules across fields, checked on what parses even when other fields do not (all messages at once). */
function crossFieldIssues(raw: Record<string, unknown>, issue: (path: string, message: string) => void) {
  const pick = <K extends keyof RecordAuthorizationBase>(key: K) => {
    const field = RecordAuthorizationBaseSchema.shape[key].safeParse(raw[key]);
    return field.success ? (field.data as RecordAuthorizationBase[K]) : undefined;
  };
  const [form, categories, effectiveDate, expiresOn, expirationEvent] = [pick("form"), pick("categories") ?? [], pick("effectiveDate"), pick("expiresOn"), pick("expirationEvent")];
  if (!expiresOn && !expirationEvent) issue("expiresOn", "Give an expiration date or an expiration event");
  if (expiresOn && effectiveDate && expiresOn <= effectiveDate) issue("expiresOn", "The expiration date must be after the date it starts");
  if (form === "GENERAL" && categories.includes(PART2_CATEGORY)) {
    issue("categories", "Substance use disorder treatment (Part 2) records need their own Part 2 authorization: a general authorization never covers them");
  }
  if (form === "PART2" && categories.some((c) => c !== PART2_CATEGORY)) issue("categories", "A Part 2 authorization covers substance use disorder treatment records only: record other information on a general authorization");
  if (form === "PART2" && categories.length > 0 && !categories.includes(PART2_CATEGORY)) issue("categories", "A Part 2 authorization must name substance use disorder treatment records");
  if (form === "PART2" && pick("ackPart2") !== "on") issue("ackPart2", "The Part 2 statements must be read with the client");
  if (pick("signerKind") === "REPRESENTATIVE" && !pick("representativeAuthority")) issue("representativeAuthority", "Record the representative's authority (e.g. legal guardian, health care power of attorney)");
  const method = pick("signatureMethod");
  if (method === "TYPED" && !pick("signatureTyped")) issue("signatureTyped", "The signer must type their name to sign");
  if (method === "DRAWN" && !pick("signatureImage")?.startsWith("data:image/png;base64,")) issue("signatureImage", "The signer must sign in the box");
}

export const RecordAuthorizationSchema = z
  .record(z.unknown())
  .superRefine((raw, ctx) => {
    const base = RecordAuthorizationBaseSchema.safeParse(raw);
    if (!base.success) for (const { path, message } of base.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    crossFieldIssues(raw, (path, message) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message }));
  })
  // Reached with issues too (zod runs transforms on "dirty" values): then the result is discarded.
  .transform((raw) => {
    const base = RecordAuthorizationBaseSchema.safeParse(raw);
    return base.success ? base.data : (raw as RecordAuthorizationBase);
  });
export type RecordAuthorizationInput = z.infer<typeof RecordAuthorizationSchema>;

export const RevokeAuthorizationSchema = z.object({
  intent: z.literal("revoke"),
  authorizationId: z.string().uuid(),
  receivedVia: z.enum(REVOCATION_CHANNELS, { errorMap: () => ({ message: "Say how the revocation was received" }) }),
  receivedOn: boundedDate("Enter the day the revocation was received")
    .refine((v) => new Date(`${v}T00:00:00Z`).getTime() <= Date.now(), "The revocation cannot be received in the future")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type RevokeAuthorizationInput = z.infer<typeof RevokeAuthorizationSchema>;
