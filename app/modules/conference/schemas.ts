/**
 * Conference forms and the realtime contract (typed Socket.IO event maps), shared by server and
 * browser. Every payload from a socket is parsed with these schemas before anything else.
 */
import { z } from "zod";
import { boundedDate, boundedDateTime, boundedNumber, DATE_MAX, DATE_MIN, INT4_MAX, safeText, uuid } from "~/utils/form-fields";
import type { Finding } from "~/modules/deid/types";

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

export const MESSAGE_MAX_LENGTH = 2000;

const START_MESSAGE = `Choose a date and time between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}`;

const toArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const ScheduleConferenceSchema = z
  .object({
    intent: z.literal("schedule"),
    title: z.string().trim().min(3, "Give the conference a title").max(160),
    // A local date and time (the coalition's time zone is applied by the route), in the hub's calendar.
    startsAt: z
      .string({ required_error: "Choose a date and time" })
      .trim()
      .min(1, "Choose a date and time")
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, "Choose a valid date and time")
      .refine((v) => boundedDateTime(START_MESSAGE).safeParse(`${v}Z`).success, START_MESSAGE),
    agenda: z.string().trim().max(4000).default(""),
    audience: z.enum(["coalition", "organizations"], { errorMap: () => ({ message: "Choose who is invited" }) }),
    organizationIds: z.preprocess(toArray, z.array(z.string().uuid()).max(100)),
  })
  .refine((v) => v.audience === "coalition" || v.organizationIds.length > 0, { path: ["organizationIds"], message: "Choose at least one partner organization" });

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`).default("");

export const VignetteSchema = z.object({
  intent: z.literal("save-vignette"),
  vignetteId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  title: z.string().trim().min(3, "Give the vignette a short title").max(160),
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
  reason: z.string().trim().min(3, "Say why this is not an identifier").max(500),
});

/** Sharing needs the author's own read: the detector finds most identifiers, not all (ADR 030). */
export const ShareVignetteSchema = z.object({
  intent: z.literal("share"),
  vignetteId: z.string().uuid(),
  reviewed: z.literal("on", { errorMap: () => ({ message: "Read the vignette yourself and tick the box: the check can miss an identifier." }) }),
});

export const NextStepSchema = z.object({
  what: z.string().trim().min(3, "Say what will be done").max(500),
  ownerName: z.string().trim().min(2, "Who is responsible?").max(120),
  ownerOrganizationId: z.string().uuid({ message: "Choose the organization" }),
  dueDate: boundedDate("Choose a due date between 1900 and 2100"),
  vignetteId: z.string().uuid().optional().nullable(),
});

/** The room page's form for the host to cancel the conference (after a confirmation). */
export const CancelConferenceSchema = z.object({ intent: z.literal("cancel") });

export const NextStepDoneSchema = z.object({ intent: z.literal("done"), nextStepId: z.string().uuid() });

// --- realtime contract -------------------------------------------------------------------------

/*
 * Socket payloads: every field bounded (ids are UUIDs, numbers fit the int4 columns, text has no
 * control characters), so no payload reaches the database in a shape it would reject. The socket
 * wrapper (app/realtime/handle.server.ts) parses each event with the schema registered for it in
 * CONFERENCE_CLIENT_EVENTS below.
 */
const conferenceId = uuid("Not a valid conference id");
const seqNumber = (min: number) => boundedNumber({ min, max: INT4_MAX, int: true, message: `A message number between ${min} and ${INT4_MAX}` });

export const JoinPayload = z.object({ conferenceId, sinceSeq: seqNumber(0).default(0) });
export const MessagePayload = z.object({
  conferenceId,
  vignetteId: uuid().nullable().optional(),
  body: safeText(MESSAGE_MAX_LENGTH, { tooLong: `Messages can be at most ${MESSAGE_MAX_LENGTH} characters.` }).pipe(z.string().trim().min(1, "Write a message")),
  clientId: safeText(64).pipe(z.string().min(1)),
});
export const NextStepPayload = NextStepSchema.extend({
  conferenceId,
  what: safeText(500).pipe(z.string().trim().min(3, "Say what will be done")),
  ownerName: safeText(120).pipe(z.string().trim().min(2, "Who is responsible?")),
  ownerOrganizationId: uuid("Choose the organization"),
  dueDate: boundedDate("Choose a due date"),
  vignetteId: uuid().optional().nullable(),
});
export const FocusPayload = z.object({ conferenceId, vignetteId: uuid().nullable() });
export const ConferenceIdPayload = z.object({ conferenceId });
export const HidePayload = z.object({ conferenceId, seq: seqNumber(1) });
export const WithdrawPayload = z.object({ conferenceId, vignetteId: uuid() });

/** Every event a browser may send on "/conferences", with its payload schema (the socket fuzz suite reads this). */
export const CONFERENCE_CLIENT_EVENTS = {
  join: JoinPayload,
  "message:send": MessagePayload,
  "message:hide": HidePayload,
  "vignette:withdraw": WithdrawPayload,
  "nextstep:add": NextStepPayload,
  "focus:set": FocusPayload,
  "conference:end": ConferenceIdPayload,
} as const;

/** The summary page's form to hide a message after the conference. */
export const HideMessageSchema = z.object({ intent: z.literal("hide"), seq: boundedNumber({ min: 1, max: INT4_MAX, int: true, message: "seq must be a message number" }) });

export interface ChatMessage {
  id: string;
  seq: number;
  vignetteId: string | null;
  authorId: string;
  authorName: string;
  organizationId: string;
  organizationName: string;
  /** "" once hidden. */
  body: string;
  createdAt: string;
  /** Set when a participant hid the message because it could identify someone. */
  hiddenAt: string | null;
  hiddenByName: string | null;
}

export interface NextStepView {
  id: string;
  what: string;
  ownerName: string;
  ownerOrganizationId: string;
  ownerOrganizationName: string;
  dueDate: string;
  doneAt: string | null;
  vignetteId: string | null;
}

export interface Participant {
  userId: string;
  userName: string;
  organizationId: string;
  organizationName: string;
}

export type Ack<T> = (response: ({ ok: true } & T) | { ok: false; error: string; code: ErrorCode; findings?: Finding[] }) => void;

export type ErrorCode = "invalid" | "not_found" | "forbidden" | "too_long" | "rate_limited" | "identifiers" | "ended" | "unauthorized" | "unknown_event" | "server";

export interface ServerToClientEvents {
  "message:new": (message: ChatMessage) => void;
  /** A message changed (hidden): replace the one with the same sequence number. */
  "message:updated": (message: ChatMessage) => void;
  /** A participant withdrew a shared vignette (it could identify someone): drop it and reload. */
  "vignette:withdrawn": (payload: { vignetteId: string }) => void;
  "presence:update": (participants: Participant[]) => void;
  "nextstep:new": (step: NextStepView) => void;
  "focus:update": (payload: { vignetteId: string | null }) => void;
  "conference:ended": (payload: { conferenceId: string }) => void;
  "conference:error": (payload: { code: ErrorCode; error: string }) => void;
}

export interface ClientToServerEvents {
  /** `hidden`: every message hidden so far (a re-join learns of hides it missed among older messages). */
  join: (payload: z.input<typeof JoinPayload>, ack: Ack<{ messages: ChatMessage[]; participants: Participant[]; hidden: ChatMessage[] }>) => void;
  "message:send": (payload: z.input<typeof MessagePayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "nextstep:add": (payload: z.input<typeof NextStepPayload>, ack: Ack<{ step: NextStepView }>) => void;
  "message:hide": (payload: z.input<typeof HidePayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "vignette:withdraw": (payload: z.input<typeof WithdrawPayload>, ack: Ack<object>) => void;
  "focus:set": (payload: z.input<typeof FocusPayload>, ack: Ack<object>) => void;
  "conference:end": (payload: z.input<typeof ConferenceIdPayload>, ack: Ack<object>) => void;
}
