/**
 * Level of care, contact cadence and the contact log (issue #15, ADR 097): one zod schema per
 * form, shared by the browser and the action. Browser-safe: no server imports.
 */
import { z } from "zod";
import { boundedDate, boundedNumber, safeText } from "~/utils/form-fields";
import { translatable } from "~/utils/translatable";

export const CARE_LEVELS = ["HIGH", "MEDIUM", "LOW"] as const;
export type CareLevel = (typeof CARE_LEVELS)[number];

export const CONTACT_KINDS = ["VISIT", "CALL", "TEXT", "HOME_VISIT", "HOSPITAL", "VIDEO", "OTHER"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Days between contacts at each level: the coalition's choice, these until it chooses (the columns' defaults). */
export type ContactCadence = Record<CareLevel, number>;
export const DEFAULT_CADENCE: ContactCadence = { HIGH: 7, MEDIUM: 14, LOW: 30 };

export const CONTACT_LIMITS = {
  note: 2000,
  cadenceMinDays: 1,
  cadenceMaxDays: 365,
  /** The plan page lists this many contacts, newest first. */
  listed: 50,
  /** Supervision: a plan whose last review (or enrollment) is older than this many days. */
  reviewStaleDays: 30,
} as const;

const m = (key: string, values?: Record<string, string | number>) => translatable(`careContacts.errors.${key}`, values);

const cadenceDays = boundedNumber({ min: CONTACT_LIMITS.cadenceMinDays, max: CONTACT_LIMITS.cadenceMaxDays, int: true, message: m("cadenceDays", { min: CONTACT_LIMITS.cadenceMinDays, max: CONTACT_LIMITS.cadenceMaxDays }) });

/** The coalition settings' form: days between contacts at each level. */
export const ContactCadenceSchema = z.object({
  intent: z.literal("care-cadence"),
  highDays: cadenceDays,
  mediumDays: cadenceDays,
  lowDays: cadenceDays,
});
export type ContactCadenceInput = z.infer<typeof ContactCadenceSchema>;

export const SetCareLevelSchema = z.object({
  intent: z.literal("set-level"),
  level: z.enum(CARE_LEVELS, { errorMap: () => ({ message: m("level") }) }),
});

export const RecordContactSchema = z.object({
  intent: z.literal("record-contact"),
  kind: z.enum(CONTACT_KINDS, { errorMap: () => ({ message: m("kind") }) }),
  contactedOn: boundedDate(m("date")),
  note: z
    .string()
    .trim()
    .pipe(safeText(CONTACT_LIMITS.note, { tooLong: m("tooLong", { max: CONTACT_LIMITS.note }) }))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type RecordContactInput = z.infer<typeof RecordContactSchema>;

/** The care plan page's forms of this slice, by `intent` (the plan page's action dispatches here for these). */
export const CARE_CONTACT_FORMS = {
  "set-level": SetCareLevelSchema,
  "record-contact": RecordContactSchema,
} as const;
export type CareContactIntent = keyof typeof CARE_CONTACT_FORMS;
export type CareContactForm = { [K in CareContactIntent]: z.infer<(typeof CARE_CONTACT_FORMS)[K]> }[CareContactIntent];
export const isCareContactIntent = (intent: unknown): intent is CareContactIntent => typeof intent === "string" && Object.hasOwn(CARE_CONTACT_FORMS, intent);
