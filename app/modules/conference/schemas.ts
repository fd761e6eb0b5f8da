/**
 * Conference forms, shared by server and browser. The live room's socket contract (payloads of
 * every event, both ways) is in the one event map, app/realtime/events.ts (ADR 075).
 */
import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { boundedDateTime, boundedNumber, DATE_MAX, DATE_MIN, INT4_MAX } from "~/utils/form-fields";

export const SDOH_CATEGORIES = [
  "housing",
  "food",
  "transportation",
  "utilities",
  "income",
  "employment",
  "education",
  "childcare",
  "safety",
  "social_isolation",
  "health_care_access",
  "legal",
  "language",
] as const;

export const VIGNETTE_FIELDS = ["title", "situation", "strengths", "needs", "tried", "question"] as const;
export type VignetteField = (typeof VIGNETTE_FIELDS)[number];

/** The longest chat message: the socket contract states it (app/realtime/events.ts), the room's composer shows it. */
export { MESSAGE_MAX_LENGTH } from "~/realtime/events";

const START_MESSAGE = translatable("errors.fields.chooseADateAndTimeBetween", { from: DATE_MIN.slice(0, 4), to: DATE_MAX.slice(0, 4) });

const toArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const ScheduleConferenceSchema = z
  .object({
    intent: z.literal("schedule"),
    title: z.string().trim().min(3, translatable("errors.fields.giveTheConferenceATitle")).max(160),
    // A local date and time (the coalition's time zone is applied by the route), in the hub's calendar.
    startsAt: z
      .string({ required_error: translatable("errors.fields.chooseADateAndTime") })
      .trim()
      .min(1, translatable("errors.fields.chooseADateAndTime"))
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, translatable("errors.fields.chooseAValidDateAndTime"))
      .refine((v) => boundedDateTime(START_MESSAGE).safeParse(`${v}Z`).success, START_MESSAGE),
    agenda: z.string().trim().max(4000).default(""),
    audience: z.enum(["coalition", "organizations"], { errorMap: () => ({ message: translatable("errors.fields.chooseWhoIsInvited") }) }),
    organizationIds: z.preprocess(toArray, z.array(z.string().uuid()).max(100)),
  })
  .refine((v) => v.audience === "coalition" || v.organizationIds.length > 0, { path: ["organizationIds"], message: translatable("errors.fields.chooseAtLeastOnePartnerOrganization") });

const text = (max: number) => z.string().trim().max(max).default("");

export const VignetteSchema = z.object({
  intent: z.literal("save-vignette"),
  vignetteId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  title: z.string().trim().min(3, translatable("errors.fields.giveTheVignetteAShortTitle")).max(160),
  situation: text(4000),
  strengths: text(2000),
  needs: text(2000),
  tried: text(2000),
  question: text(1000),
  sdohCategories: z.preprocess(toArray, z.array(z.enum(SDOH_CATEGORIES)).max(SDOH_CATEGORIES.length)),
});
export type VignetteInput = Omit<z.infer<typeof VignetteSchema>, "intent" | "vignetteId">;

export const DismissFindingSchema = z.object({
  intent: z.literal("dismiss"),
  vignetteId: z.string().uuid(),
  field: z.enum(VIGNETTE_FIELDS),
  type: z.string().min(1).max(20),
  text: z.string().min(1).max(500),
  reason: z.string().trim().min(3, translatable("errors.fields.sayWhyThisIsNotAnIdentifier")).max(500),
});

/** Sharing needs the author's own read: the detector finds most identifiers, not all (ADR 030). */
export const ShareVignetteSchema = z.object({
  intent: z.literal("share"),
  vignetteId: z.string().uuid(),
  reviewed: z.literal("on", { errorMap: () => ({ message: translatable("errors.fields.readTheVignetteYourselfAndTickThe") }) }),
});

/** The room page's form for the host to cancel the conference (after a confirmation). */
export const CancelConferenceSchema = z.object({ intent: z.literal("cancel") });

export const NextStepDoneSchema = z.object({ intent: z.literal("done"), nextStepId: z.string().uuid() });

/** The summary page's form to hide a message after the conference. */
export const HideMessageSchema = z.object({ intent: z.literal("hide"), seq: boundedNumber({ min: 1, max: INT4_MAX, int: true, message: translatable("errors.fields.seqMustBeAMessageNumber") }) });

/** The coalition's setting (ADR 093): a checkbox, so absent means off. */
export const SecondReaderSettingSchema = z.object({
  intent: z.literal("second-reader"),
  required: z.literal("on").optional().transform((v) => v === "on"),
});

export const ApproveVignetteSchema = z.object({ intent: z.literal("approve"), vignetteId: z.string().uuid() });
