/**
 * The care journey's forms (issue #15): one zod schema per form, bounded, shared by the browser
 * and the action. Messages are translatable keys (ADR 071), worded in the reader's language at the
 * one error mapper. Browser-safe: no server imports.
 */
import { z } from "zod";
import { boundedDate, safeText, uuid } from "~/utils/form-fields";
import { translatable } from "~/utils/translatable";

/** Bounds of the columns and of a sane plan (the database keeps the same rules). */
export const CARE_LIMITS = {
  program: 120,
  goalText: 500,
  stepText: 300,
  note: 2000,
  handoffNote: 2000,
  search: 80,
  /** Reach out again at most this many days after the decision. */
  reachOutMaxDays: 366,
  /** A step's due day at most this many days ahead. */
  stepDueMaxDays: 730,
  pageSize: 50,
  maxPage: 1000,
} as const;

export const ENROLLMENT_STATUSES = ["ENROLLED", "NOT_A_GOOD_FIT", "DECLINED_FOR_NOW", "GRADUATED"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const GOAL_STATUSES = ["ACTIVE", "ACHIEVED", "CHANGED", "SET_ASIDE"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const STEP_OWNERS = ["CLIENT", "CARE_MANAGER", "PARTNER"] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];

/** Days after which a plan counts as "not reviewed lately" on the caseload. */
export const REVIEW_STALE_DAYS = 90;

/**
 * The care module's text fields, with messages under one locale namespace (`care.errors`,
 * `careGraduation.errors`…): a required text and an optional note, trimmed and bounded.
 */
export function careTextFields(namespace: string) {
  const m = (key: string, values?: Record<string, string | number>) => translatable(`${namespace}.${key}`, values);
  const requiredText = (max: number, emptyKey: string) =>
    z
      .string({ required_error: m(emptyKey) })
      .trim()
      .min(1, m(emptyKey))
      .pipe(safeText(max, { tooLong: m("tooLong", { max }) }));
  const optionalNote = (max: number) =>
    z
      .string()
      .trim()
      .pipe(safeText(max, { tooLong: m("tooLong", { max }) }))
      .optional()
      .transform((v) => (v ? v : undefined));
  return { m, requiredText, optionalNote };
}

const { m, requiredText, optionalNote } = careTextFields("care.errors");

const day = boundedDate(m("date"));

export const EnrollSchema = z.object({
  intent: z.literal("enroll"),
  program: requiredText(CARE_LIMITS.program, "program"),
});

export const NotAGoodFitSchema = z.object({
  intent: z.literal("not-a-good-fit"),
  program: requiredText(CARE_LIMITS.program, "program"),
  note: optionalNote(CARE_LIMITS.note),
});

export const DeclineForNowSchema = z.object({
  intent: z.literal("decline-for-now"),
  program: requiredText(CARE_LIMITS.program, "program"),
  reachOutOn: day,
  note: optionalNote(CARE_LIMITS.note),
});

export const ReassignSchema = z.object({
  intent: z.literal("reassign"),
  careManagerId: uuid(m("careManager")),
  handoffNote: requiredText(CARE_LIMITS.handoffNote, "handoffNote"),
});

export const AddGoalSchema = z.object({
  intent: z.literal("add-goal"),
  text: requiredText(CARE_LIMITS.goalText, "goalText"),
});

export const MoveGoalSchema = z.object({
  intent: z.literal("move-goal"),
  goalId: uuid(m("goal")),
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: m("direction") }) }),
});

export const AchieveGoalSchema = z.object({
  intent: z.literal("achieve-goal"),
  goalId: uuid(m("goal")),
  note: optionalNote(CARE_LIMITS.note),
});

/** The client's goal changed: the new words replace it (the old goal is kept, marked changed). */
export const ChangeGoalSchema = z.object({
  intent: z.literal("change-goal"),
  goalId: uuid(m("goal")),
  text: requiredText(CARE_LIMITS.goalText, "goalText"),
});

export const SetAsideGoalSchema = z.object({
  intent: z.literal("set-aside-goal"),
  goalId: uuid(m("goal")),
  note: optionalNote(CARE_LIMITS.note),
  /** The page asks before setting a goal aside; the action insists on the answer. */
  confirm: z.literal("yes", { errorMap: () => ({ message: m("confirmSetAside") }) }),
});

export const AddStepSchema = z
  .object({
    intent: z.literal("add-step"),
    goalId: uuid(m("goal")),
    text: requiredText(CARE_LIMITS.stepText, "stepText"),
    owner: z.enum(STEP_OWNERS, { errorMap: () => ({ message: m("owner") }) }),
    partnerOrganizationId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(uuid(m("partner")).optional()),
    dueOn: day,
  })
  .superRefine((v, ctx) => {
    if (v.owner === "PARTNER" && !v.partnerOrganizationId) ctx.addIssue({ code: "custom", path: ["partnerOrganizationId"], message: m("partner") });
  })
  .transform((v) => ({ ...v, partnerOrganizationId: v.owner === "PARTNER" ? v.partnerOrganizationId : undefined }));

export const CompleteStepSchema = z.object({
  intent: z.literal("complete-step"),
  stepId: uuid(m("step")),
});

export const ReviewPlanSchema = z.object({
  intent: z.literal("review-plan"),
  reviewedOn: day,
  note: optionalNote(CARE_LIMITS.note),
});

/** Every form of the client's care plan page, by its `intent` (the action parses with the one named). */
export const CARE_PLAN_FORMS = {
  enroll: EnrollSchema,
  "not-a-good-fit": NotAGoodFitSchema,
  "decline-for-now": DeclineForNowSchema,
  reassign: ReassignSchema,
  "add-goal": AddGoalSchema,
  "move-goal": MoveGoalSchema,
  "achieve-goal": AchieveGoalSchema,
  "change-goal": ChangeGoalSchema,
  "set-aside-goal": SetAsideGoalSchema,
  "add-step": AddStepSchema,
  "complete-step": CompleteStepSchema,
  "review-plan": ReviewPlanSchema,
} as const;
export type CarePlanIntent = keyof typeof CARE_PLAN_FORMS;
export type CarePlanForm = { [K in CarePlanIntent]: z.infer<(typeof CARE_PLAN_FORMS)[K]> }[CarePlanIntent];
export const CarePlanIntentSchema = z.object({
  intent: z.enum(Object.keys(CARE_PLAN_FORMS) as [CarePlanIntent, ...CarePlanIntent[]], { errorMap: () => ({ message: m("intent") }) }),
});

export type EnrollInput = z.infer<typeof EnrollSchema>;
export type NotAGoodFitInput = z.infer<typeof NotAGoodFitSchema>;
export type DeclineForNowInput = z.infer<typeof DeclineForNowSchema>;
export type ReassignInput = z.infer<typeof ReassignSchema>;
export type AddStepInput = Omit<z.infer<typeof AddStepSchema>, "partnerOrganizationId"> & { partnerOrganizationId?: string };
export type ReviewPlanInput = z.infer<typeof ReviewPlanSchema>;

/** The caseload's search and page (search params: bad values are a 400 naming the field). */
export const CaseloadQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(CARE_LIMITS.search, m("tooLong", { max: CARE_LIMITS.search }))
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number({ invalid_type_error: m("page") }).int(m("page")).min(1, m("page")).max(CARE_LIMITS.maxPage, m("page")).default(1),
});
