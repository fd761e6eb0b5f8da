import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { boundedDate, manyOf } from "~/utils/form-fields";
import { AUTHORIZATION_FORMS, CONSENT_CATEGORIES, CONSENT_LANGUAGES, PART2_CATEGORY, REVOCATION_CHANNELS } from "./categories";

const checked = (message: string) => z.literal("on", { errorMap: () => ({ message }) });

/** The authorization form's fields one by one (RecordAuthorizationSchema adds the rules across them). */
export const RecordAuthorizationBaseSchema = z.object({
  intent: z.literal("record"),
  form: z.enum(AUTHORIZATION_FORMS, { errorMap: () => ({ message: translatable("errors.fields.chooseTheKindOfAuthorization") }) }),
  categories: manyOf(z.enum(CONSENT_CATEGORIES)).pipe(z.array(z.enum(CONSENT_CATEGORIES)).min(1, translatable("errors.fields.chooseAtLeastOneKindOfInformation"))),
  recipientIds: manyOf(z.string().uuid(translatable("errors.fields.chooseAnOrganization"))).pipe(z.array(z.string().uuid()).min(1, translatable("errors.fields.nameAtLeastOneOrganizationThatMay"))),
  purpose: z.string().trim().min(3, translatable("errors.fields.sayWhatTheInformationWillBeUsed")).max(500),
  language: z.enum(CONSENT_LANGUAGES, { errorMap: () => ({ message: translatable("errors.fields.chooseTheLanguageOfTheForm") }) }),
  effectiveDate: boundedDate(translatable("errors.fields.enterTheDateTheAuthorizationStarts")),
  expiresOn: boundedDate(translatable("errors.fields.enterAValidExpirationDate")).optional().or(z.literal("").transform(() => undefined)),
  expirationEvent: z.string().trim().max(300).optional().transform((v) => (v ? v : undefined)),
  ackRevoke: checked(translatable("errors.fields.theClientMustBeToldHowTo")),
  ackConditioning: checked(translatable("errors.fields.theClientMustBeToldThatServices")),
  ackRedisclosure: checked(translatable("errors.fields.theClientMustBeToldAboutRe")),
  ackPart2: z.literal("on").optional(),
  signerKind: z.enum(["CLIENT", "REPRESENTATIVE"], { errorMap: () => ({ message: translatable("errors.fields.sayWhoSigns") }) }),
  signerName: z.string().trim().min(2, translatable("errors.fields.enterTheSignersName")).max(160),
  representativeAuthority: z.string().trim().max(300).optional().transform((v) => (v ? v : undefined)),
  signatureMethod: z.enum(["DRAWN", "TYPED"], { errorMap: () => ({ message: translatable("errors.fields.chooseHowTheFormIsSigned") }) }),
  signatureTyped: z.string().trim().max(160).optional().transform((v) => (v ? v : undefined)),
  signatureImage: z.string().max(300_000, translatable("errors.fields.theDrawnSignatureIsTooLarge")).optional().transform((v) => (v ? v : undefined)),
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
  if (!expiresOn && !expirationEvent) issue("expiresOn", translatable("errors.fields.giveAnExpirationDateOrAnExpiration"));
  if (expiresOn && effectiveDate && expiresOn <= effectiveDate) issue("expiresOn", translatable("errors.fields.theExpirationDateMustBeAfterThe"));
  if (form === "GENERAL" && categories.includes(PART2_CATEGORY)) {
    issue("categories", translatable("errors.fields.substanceUseDisorderTreatmentPart2Records"));
  }
  if (form === "PART2" && categories.some((c) => c !== PART2_CATEGORY)) issue("categories", translatable("errors.fields.aPart2AuthorizationCoversSubstanceUse"));
  if (form === "PART2" && categories.length > 0 && !categories.includes(PART2_CATEGORY)) issue("categories", translatable("errors.fields.aPart2AuthorizationMustNameSubstance"));
  if (form === "PART2" && pick("ackPart2") !== "on") issue("ackPart2", translatable("errors.fields.thePart2StatementsMustBeRead"));
  if (pick("signerKind") === "REPRESENTATIVE" && !pick("representativeAuthority")) issue("representativeAuthority", translatable("errors.fields.recordTheRepresentativesAuthorityEGLegal"));
  const method = pick("signatureMethod");
  if (method === "TYPED" && !pick("signatureTyped")) issue("signatureTyped", translatable("errors.fields.theSignerMustTypeTheirNameTo"));
  if (method === "DRAWN" && !pick("signatureImage")?.startsWith("data:image/png;base64,")) issue("signatureImage", translatable("errors.fields.theSignerMustSignInTheBox"));
}

export const RecordAuthorizationSchema = z
  .record(z.unknown())
  .superRefine((raw, ctx) => {
    const base = RecordAuthorizationBaseSchema.safeParse(raw);
    // Each issue as it is (not re-coded as custom): zod's own wording is then still recognised and put in the reader's words (ADR 071).
    if (!base.success) for (const issue of base.error.issues) ctx.addIssue(issue as z.IssueData);
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
  receivedVia: z.enum(REVOCATION_CHANNELS, { errorMap: () => ({ message: translatable("errors.fields.sayHowTheRevocationWasReceived") }) }),
  receivedOn: boundedDate(translatable("errors.fields.enterTheDayTheRevocationWasReceived"))
    .refine((v) => new Date(`${v}T00:00:00Z`).getTime() <= Date.now(), translatable("errors.fields.theRevocationCannotBeReceivedInThe"))
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type RevokeAuthorizationInput = z.infer<typeof RevokeAuthorizationSchema>;
