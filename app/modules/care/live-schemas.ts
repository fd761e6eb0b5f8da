/**
 * A partner's own task list and peer support from the plan (issue #15, ADR 101): one zod schema
 * per form, shared by the browser and the action. Browser-safe: no server imports.
 */
import { z } from "zod";
import { boundedDate, uuid } from "~/utils/form-fields";
import { CARE_LIMITS, careTextFields } from "./schemas";

export const CARE_LIVE_LIMITS = {
  /** The partner's "done" note: a short line, not a record. */
  doneNote: 300,
  search: 80,
  /** Peer support groups the picker offers at a time. */
  peerResults: 8,
  /** Steps a partner's task list shows (the earliest due first). */
  tasksListed: 200,
  /** Done steps stay on the partner's list this many days. */
  doneShownDays: 14,
} as const;

const { m, requiredText, optionalNote } = careTextFields("careLive.errors");

/** The partner marks its next step done, with an optional short note for the client's care team. */
export const PartnerStepDoneSchema = z.object({
  intent: z.literal("partner-step-done"),
  stepId: uuid(m("step")),
  note: optionalNote(CARE_LIVE_LIMITS.doneNote),
});
export type PartnerStepDoneInput = z.infer<typeof PartnerStepDoneSchema>;

/**
 * From a goal, the care manager connects the client to a peer support group of the map: a next
 * step the client owns, with the group linked (how to reach it shows on the plan and the copy).
 */
export const ConnectPeerSupportSchema = z.object({
  intent: z.literal("connect-peer-support"),
  goalId: uuid(m("goal")),
  assetId: uuid(m("peerGroup")),
  text: requiredText(CARE_LIMITS.stepText, "stepText"),
  dueOn: boundedDate(m("date")),
});
export type ConnectPeerSupportInput = z.infer<typeof ConnectPeerSupportSchema>;

/** The picker's search (a search param: a bad value is a 400 naming the field). */
export const PeerSupportQuerySchema = z.object({
  peer: z
    .string()
    .trim()
    .max(CARE_LIVE_LIMITS.search, m("tooLong", { max: CARE_LIVE_LIMITS.search }))
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** The plan page's forms of this slice, by `intent`. */
export const CARE_LIVE_PLAN_FORMS = { "connect-peer-support": ConnectPeerSupportSchema } as const;
export type CareLivePlanIntent = keyof typeof CARE_LIVE_PLAN_FORMS;
export const isCareLivePlanIntent = (intent: unknown): intent is CareLivePlanIntent => typeof intent === "string" && Object.hasOwn(CARE_LIVE_PLAN_FORMS, intent);
