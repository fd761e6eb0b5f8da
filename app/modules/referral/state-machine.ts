/**
 * Every referral status change, in one table: FHIR Task statuses for referrals (SDOH Clinical Care
 * IG) and which side may set them. The sender sets draft, requested, cancelled and
 * entered-in-error; the receiver accepted, rejected, on-hold, in-progress, completed and failed.
 * A reason is required for rejected, cancelled, on-hold and failed; an outcome for completed.
 * Pure and shared by server and UI (the UI offers only the moves this table allows).
 */
import { translatable, type MessageValues } from "~/utils/translatable";

export const REFERRAL_STATUSES = ["DRAFT", "REQUESTED", "ACCEPTED", "REJECTED", "ON_HOLD", "IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_REASONS = ["NOT_ELIGIBLE", "NO_CAPACITY", "NOT_A_GOOD_FIT", "COULD_NOT_CONTACT", "CLIENT_DECLINED", "OTHER"] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

export const REFERRAL_OUTCOMES = ["GOT_HELP", "COULD_NOT_GET_HELP", "REFERRED_ELSEWHERE", "OTHER"] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_PRIORITIES = ["ROUTINE", "URGENT", "ASAP", "STAT"] as const;
export type ReferralPriority = (typeof REFERRAL_PRIORITIES)[number];

export type Side = "sender" | "receiver";

/** FHIR Task.status codes. */
export const FHIR_TASK_STATUS: Record<ReferralStatus, string> = {
  DRAFT: "draft",
  REQUESTED: "requested",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  ON_HOLD: "on-hold",
  IN_PROGRESS: "in-progress",
  COMPLETED: "completed",
  FAILED: "failed",
  CANCELLED: "cancelled",
  ENTERED_IN_ERROR: "entered-in-error",
};

/** Who sets each status. */
export const SETTER: Record<ReferralStatus, Side> = {
  DRAFT: "sender",
  REQUESTED: "sender",
  CANCELLED: "sender",
  ENTERED_IN_ERROR: "sender",
  ACCEPTED: "receiver",
  REJECTED: "receiver",
  ON_HOLD: "receiver",
  IN_PROGRESS: "receiver",
  COMPLETED: "receiver",
  FAILED: "receiver",
};

/** The statuses after which nothing more happens (the loop is closed or abandoned). */
export const TERMINAL: readonly ReferralStatus[] = ["REJECTED", "COMPLETED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"];
/** Terminal statuses the receiver reports back: the sender learns what happened (a closed loop). */
export const LOOP_CLOSED: readonly ReferralStatus[] = ["REJECTED", "COMPLETED", "FAILED"];
/** Waiting for the receiver to accept or decline. */
export const AWAITING_RESPONSE: readonly ReferralStatus[] = ["REQUESTED"];
/** Accepted and being worked: the sender is owed an update at least weekly. */
export const BEING_WORKED: readonly ReferralStatus[] = ["ACCEPTED", "IN_PROGRESS", "ON_HOLD"];

/** from -> the statuses it may move to. The setter of the target decides the side. */
const MOVES: Record<ReferralStatus, readonly ReferralStatus[]> = {
  DRAFT: ["REQUESTED", "CANCELLED", "ENTERED_IN_ERROR"],
  REQUESTED: ["ACCEPTED", "REJECTED", "CANCELLED", "ENTERED_IN_ERROR"],
  ACCEPTED: ["IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"],
  IN_PROGRESS: ["ON_HOLD", "COMPLETED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"],
  ON_HOLD: ["IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"],
  REJECTED: ["ENTERED_IN_ERROR"],
  COMPLETED: ["ENTERED_IN_ERROR"],
  FAILED: ["ENTERED_IN_ERROR"],
  CANCELLED: ["ENTERED_IN_ERROR"],
  ENTERED_IN_ERROR: [],
};

export const REASON_REQUIRED: readonly ReferralStatus[] = ["REJECTED", "CANCELLED", "ON_HOLD", "FAILED"];
/** Declines and failures carry a coded reason; these codes also need an explanation. */
export const CODED_REASON: readonly ReferralStatus[] = ["REJECTED", "FAILED"];
export const EXPLANATION_REQUIRED_FOR: readonly ReferralReason[] = ["NOT_A_GOOD_FIT", "OTHER"];

/** Messages are translatables (`errors.services.referral.*`): the one error mapper words them in the reader's language (ADR 081). */
export type TransitionCheck = { ok: true } | { ok: false; code: "same-status" | "illegal-move" | "wrong-side"; message: string };

const e = (key: string, values?: MessageValues) => translatable(`errors.services.referral.${key}`, values);
/** A status as a word in a sentence: FHIR's task status in English ("on-hold"), its adjective in Spanish ("en espera"). */
export const statusWord = (status: ReferralStatus) => e(`statusWord.${status}`);

/** May `side` move a referral from `from` to `to`? */
export function checkTransition(from: ReferralStatus, to: ReferralStatus, side: Side): TransitionCheck {
  if (from === to) return { ok: false, code: "same-status", message: e("alreadyStatus", { status: statusWord(to) }) };
  if (!MOVES[from].includes(to)) {
    return { ok: false, code: "illegal-move", message: e("illegalMove", { from: statusWord(from), to: statusWord(to) }) };
  }
  if (SETTER[to] !== side) {
    return { ok: false, code: "wrong-side", message: e(SETTER[to] === "sender" ? "onlySenderMarks" : "onlyReceiverMarks", { status: statusWord(to) }) };
  }
  return { ok: true };
}

/** The moves one side can make now (for buttons). */
export function allowedMoves(from: ReferralStatus, side: Side): ReferralStatus[] {
  return MOVES[from].filter((to) => SETTER[to] === side);
}

export type TransitionDetails = { reason?: ReferralReason | null; reasonText?: string | null; outcome?: ReferralOutcome | null; outcomeText?: string | null };

/** The reason/outcome rules; returns field errors (translatables) keyed like the transition form. */
export function checkDetails(to: ReferralStatus, d: TransitionDetails): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = d.reasonText?.trim() ?? "";
  if (CODED_REASON.includes(to)) {
    if (!d.reason) errors.reason = e("chooseReason");
    else if (EXPLANATION_REQUIRED_FOR.includes(d.reason) && !text) errors.reasonText = e("explainReason");
  } else if (REASON_REQUIRED.includes(to) && !text) {
    errors.reasonText = e("reasonRequired");
  }
  if (to === "COMPLETED" && !d.outcome) errors.outcome = e("sayOutcome");
  if (to === "COMPLETED" && d.outcome === "OTHER" && !(d.outcomeText?.trim())) errors.outcomeText = e("describeOutcome");
  return errors;
}
