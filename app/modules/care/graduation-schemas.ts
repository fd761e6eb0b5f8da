/**
 * Graduation's forms (issue #15, ADR 098): readiness recorded with the client, and the graduation
 * with its closing summary. One zod schema per form, bounded, shared by the browser
 * (useSchemaForm) and the action (parseForm). Browser-safe: no server imports.
 */
import { z } from "zod";
import { careTextFields } from "./schemas";

export const GRADUATION_LIMITS = {
  note: 2000,
  goalsAchieved: 1500,
  whatContinues: 1500,
  whoToCall: 500,
} as const;

/** The three readiness criteria, in the order the page shows them. */
export const READINESS_CRITERIA = ["goalsMet", "selfManagement", "stableLevel"] as const;
export type ReadinessCriterion = (typeof READINESS_CRITERIA)[number];

const { m, requiredText, optionalNote } = careTextFields("careGraduation.errors");

/** A checkbox posts "on" when ticked and nothing when not. */
const checkbox = z
  .enum(["on"], { errorMap: () => ({ message: m("checkbox") }) })
  .optional()
  .transform((v) => v === "on");

export const RecordReadinessSchema = z.object({
  intent: z.literal("record-readiness"),
  goalsMet: checkbox,
  selfManagement: checkbox,
  stableLevel: checkbox,
  note: optionalNote(GRADUATION_LIMITS.note),
});
export type RecordReadinessInput = z.infer<typeof RecordReadinessSchema>;

/** Graduation: the closing summary in plain words, and the practice it goes to ("" = not on the hub). */
export const GraduateSchema = z.object({
  intent: z.literal("graduate"),
  practiceOrganizationId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .pipe(z.string().uuid(m("practice")).optional()),
  goalsAchieved: requiredText(GRADUATION_LIMITS.goalsAchieved, "goalsAchieved"),
  whatContinues: requiredText(GRADUATION_LIMITS.whatContinues, "whatContinues"),
  whoToCall: requiredText(GRADUATION_LIMITS.whoToCall, "whoToCall"),
});
export type GraduateInput = z.infer<typeof GraduateSchema>;

/** Try again to send a graduation's summary that did not reach its practice. */
export const ResendSummarySchema = z.object({
  intent: z.literal("resend-summary"),
  graduationId: z.string().trim().uuid(m("graduation")).transform((v) => v.toLowerCase()),
});

/** The graduation forms of the care plan page, by intent (the plan's action tries these after CARE_PLAN_FORMS). */
export const GRADUATION_FORMS = {
  "record-readiness": RecordReadinessSchema,
  graduate: GraduateSchema,
  "resend-summary": ResendSummarySchema,
} as const;
export type GraduationIntent = keyof typeof GRADUATION_FORMS;
export type GraduationForm = { [K in GraduationIntent]: z.infer<(typeof GRADUATION_FORMS)[K]> }[GraduationIntent];
export const isGraduationIntent = (intent: unknown): intent is GraduationIntent => typeof intent === "string" && Object.hasOwn(GRADUATION_FORMS, intent);

/** Ready to graduate: every criterion met. */
export const isReady = (r: Record<ReadinessCriterion, boolean>) => READINESS_CRITERIA.every((c) => r[c]);
