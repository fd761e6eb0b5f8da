/**
 * The socket contract, in one place (ADR 075): for every namespace, every event each side may send
 * and the zod schema of its payload — and, for client requests, of the acknowledgement's answer.
 * Browser-safe (schemas only) and imported by both sides:
 * - the server's emitters (`emit.server.ts`) and handlers (`handle.server.ts`) take their types
 *   from it, so a payload that does not fit the map does not compile;
 * - the browser hooks (`components/shell/live-socket.ts`, `components/conference/use-conference-room.ts`)
 *   type their Socket.IO sockets with it and parse what arrives with the same schemas;
 * - the socket fuzz suite (tests/e2e/fuzz-sockets.test.ts) throws bad input at every client event.
 *
 * It names no domain module (app/realtime/ imports none but the session check): where a payload
 * carries a domain word (a referral status, an identifier type) the wire says `string`, bounded,
 * and the domain's emitter is typed with its narrower type.
 *
 * A new event is added here first; from then on it is typed on both sides, validated and fuzzed.
 */
import { z } from "zod";
import { boundedDate, boundedNumber, INT4_MAX, safeText, uuid } from "~/utils/form-fields";

// --- shared pieces ------------------------------------------------------------------------------

/** A short code or label from a domain's vocabulary (status, role, identifier type). */
const code = z.string().min(1).max(40);
const id = z.string().min(1).max(64);
const name = z.string().max(200);
const isoDateTime = z.string().max(40);

export const SOCKET_ERROR_CODES = ["invalid", "not_found", "forbidden", "too_long", "rate_limited", "identifiers", "ended", "unauthorized", "unknown_event", "server"] as const;
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number];

/** A span of a message the identifier check held back (deid's Finding, on the wire). */
export const WireFindingSchema = z.object({ type: code, start: z.number().int(), end: z.number().int(), text: z.string(), replacement: z.string(), source: z.enum(["clients", "lexicon"]).optional() });
export type WireFinding = z.infer<typeof WireFindingSchema>;

/** Every refusal, whichever the event: a code the browser translates, and a message. */
export const SocketErrorSchema = z.object({
  ok: z.literal(false),
  code: z.enum(SOCKET_ERROR_CODES),
  error: z.string(),
  field: z.string().optional(),
  findings: z.array(WireFindingSchema).optional(),
});
export type SocketError = z.infer<typeof SocketErrorSchema>;

/** The event that carries an error to a socket that sent no acknowledgement callback. */
const ErrorEventSchema = SocketErrorSchema.pick({ code: true, error: true });

const request = <P extends z.ZodTypeAny, R extends z.ZodRawShape>(payload: P, reply: R) => ({ payload, reply: z.object(reply) });

// --- "/": organization and user events (toasts, referral pages) -------------------------------

/** A referral changed: both organizations' inbox, outbox and referral pages listen. No client details, by design. */
export const ReferralChangedSchema = z.object({
  referralId: id,
  kind: z.enum(["sent", "status", "comment", "reminder", "external"]),
  status: code,
  version: z.number().int(),
  senderOrganizationId: id,
  recipientOrganizationId: id,
  byOrganizationId: id.nullable(),
  byOrganizationName: name.nullable(),
});
export type ReferralChanged = z.infer<typeof ReferralChangedSchema>;

/**
 * A next step of a care plan given to a partner organization changed (ADR 101): assigned to the
 * partner, or marked done (by the partner or by the client's organization). Both organizations'
 * rooms get it; the partner's task list and the plan page reload what they show through their
 * consent-checked loaders. Ids only — never the step's words, the note or the client's name; the
 * client's id goes to the client's own organization only (null in the partner's copy).
 */
export const CareStepChangedSchema = z.object({
  kind: z.enum(["assigned", "done"]),
  stepId: id,
  planId: id,
  clientId: id.nullable(),
  organizationId: id,
  partnerOrganizationId: id,
  byOrganizationId: id,
  byOrganizationName: name,
});
export type CareStepChanged = z.infer<typeof CareStepChangedSchema>;

/** Someone accepted an invitation to the organization. */
export const MemberJoinedSchema = z.object({ name, role: code });

// --- "/conferences": the live case-conference room ----------------------------------------------

export const MESSAGE_MAX_LENGTH = 2000;

/*
 * Client payloads: every field bounded (ids are UUIDs, numbers fit the int4 columns, text has no
 * control characters), so no payload reaches the database in a shape it would reject.
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
export const NextStepPayload = z.object({
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
export const SincePayload = z.object({ conferenceId, sinceSeq: seqNumber(0) });
export const WithdrawPayload = z.object({ conferenceId, vignetteId: uuid() });
/**
 * "The check missed this" (ADR 089, 092): a span of a shared vignette's field or of a message. The
 * wire bounds the shape (a vignette field is a short code, offsets fit a vignette's longest field);
 * the conference module checks the field, the type and that the span fits the text.
 */
const offset = boundedNumber({ min: 0, max: 20_000, int: true, message: "A position in the text" });
export const ReportMissedPayload = z.object({
  conferenceId,
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("vignette"), vignetteId: uuid(), field: code }),
    z.object({ kind: z.literal("message"), seq: seqNumber(1) }),
  ]),
  start: offset,
  end: offset,
  type: code,
});

export const ChatMessageSchema = z.object({
  id,
  seq: z.number().int(),
  vignetteId: id.nullable(),
  authorId: id,
  authorName: name,
  organizationId: id,
  organizationName: name,
  /** "" once hidden. */
  body: z.string(),
  createdAt: isoDateTime,
  /** Set when a participant hid the message because it could identify someone. */
  hiddenAt: isoDateTime.nullable(),
  hiddenByName: name.nullable(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const NextStepViewSchema = z.object({
  id,
  what: z.string(),
  ownerName: name,
  ownerOrganizationId: id,
  ownerOrganizationName: name,
  dueDate: z.string().max(10),
  doneAt: isoDateTime.nullable(),
  vignetteId: id.nullable(),
});
export type NextStepView = z.infer<typeof NextStepViewSchema>;

export const ParticipantSchema = z.object({ userId: id, userName: name, organizationId: id, organizationName: name });
export type Participant = z.infer<typeof ParticipantSchema>;

/** A vignette was shared with the room: everyone's room lists it at once (#14). */
export const VignetteSharedSchema = z.object({ conferenceId: id, vignetteId: id, title: z.string().max(200), authorName: name });
export type VignetteShared = z.infer<typeof VignetteSharedSchema>;

/**
 * A participant reported words the check missed: the text is already hidden (a "message:updated" or
 * "vignette:withdrawn" went with it). Who reported, what kind of identifier and whose text it was,
 * so the author is told — never the words.
 */
export const IdentifierMissedSchema = z.object({
  kind: z.enum(["vignette", "message"]),
  vignetteId: id.nullable(),
  seq: z.number().int().nullable(),
  type: code,
  authorId: id,
  reportedById: id,
  reportedByName: name,
});
export type IdentifierMissed = z.infer<typeof IdentifierMissedSchema>;

// --- the map --------------------------------------------------------------------------------------

export const SOCKET_EVENTS = {
  "/": {
    /** The browser sends nothing here: it only listens. */
    clientToServer: {},
    serverToClient: {
      "referral.changed": ReferralChangedSchema,
      "member.joined": MemberJoinedSchema,
      "care.step.changed": CareStepChangedSchema,
      "error:request": ErrorEventSchema,
    },
  },
  "/conferences": {
    clientToServer: {
      /** `hidden`: every message hidden so far (a re-join learns of hides it missed among older messages). */
      join: request(JoinPayload, { messages: z.array(ChatMessageSchema), participants: z.array(ParticipantSchema), hidden: z.array(ChatMessageSchema) }),
      /** Idempotent by `clientId`: a retry with the same id answers with the message stored the first time. */
      "message:send": request(MessagePayload, { message: ChatMessageSchema }),
      /** "Since message N": the messages after `sinceSeq` (a client that saw a gap in the numbers). */
      "messages:since": request(SincePayload, { messages: z.array(ChatMessageSchema) }),
      "message:hide": request(HidePayload, { message: ChatMessageSchema }),
      "vignette:withdraw": request(WithdrawPayload, {}),
      /** `message`: the message as hidden (null for a vignette, which is withdrawn). */
      "identifier:report": request(ReportMissedPayload, { message: ChatMessageSchema.nullable() }),
      "nextstep:add": request(NextStepPayload, { step: NextStepViewSchema }),
      "focus:set": request(FocusPayload, {}),
      "conference:end": request(ConferenceIdPayload, {}),
    },
    serverToClient: {
      "message:new": ChatMessageSchema,
      /** A message changed (hidden): replace the one with the same sequence number. */
      "message:updated": ChatMessageSchema,
      "vignette:shared": VignetteSharedSchema,
      /** A participant withdrew a shared vignette (it could identify someone): drop it and reload. */
      "vignette:withdrawn": z.object({ vignetteId: id }),
      "identifier:missed": IdentifierMissedSchema,
      "presence:update": z.array(ParticipantSchema),
      "nextstep:new": NextStepViewSchema,
      "focus:update": z.object({ vignetteId: id.nullable() }),
      "conference:ended": z.object({ conferenceId: id }),
      "conference:error": ErrorEventSchema,
    },
  },
} as const satisfies Record<string, { clientToServer: Record<string, { payload: z.ZodTypeAny; reply: z.AnyZodObject }>; serverToClient: Record<string, z.ZodTypeAny> }>;

// --- types derived from the map (Socket.IO's typed Server/Socket generics) --------------------------

type EventMap = typeof SOCKET_EVENTS;
export type SocketNamespace = keyof EventMap;
type ClientEvents<NS extends SocketNamespace> = EventMap[NS]["clientToServer"];
type ServerEvents<NS extends SocketNamespace> = EventMap[NS]["serverToClient"];

export type ClientEventName<NS extends SocketNamespace> = keyof ClientEvents<NS> & string;
export type ServerEventName<NS extends SocketNamespace> = keyof ServerEvents<NS> & string;

type RequestOf<NS extends SocketNamespace, E extends ClientEventName<NS>> = ClientEvents<NS>[E] extends { payload: infer P extends z.ZodTypeAny; reply: infer R extends z.ZodTypeAny } ? { payload: P; reply: R } : never;

/** What a client sends for event E (before parsing), and what the server handler gets (after). */
export type ClientPayloadIn<NS extends SocketNamespace, E extends ClientEventName<NS>> = z.input<RequestOf<NS, E>["payload"]>;
export type ClientPayload<NS extends SocketNamespace, E extends ClientEventName<NS>> = z.output<RequestOf<NS, E>["payload"]>;
/** The acknowledgement's answer to event E: its reply fields, or a refusal. */
export type AckResponse<NS extends SocketNamespace, E extends ClientEventName<NS>> = ({ ok: true } & z.infer<RequestOf<NS, E>["reply"]>) | SocketError;
/** What the server sends with event E. */
export type ServerPayload<NS extends SocketNamespace, E extends ServerEventName<NS>> = ServerEvents<NS>[E] extends z.ZodTypeAny ? z.infer<ServerEvents<NS>[E]> : never;

export type ServerToClientEvents<NS extends SocketNamespace> = { [E in ServerEventName<NS>]: (payload: ServerPayload<NS, E>) => void };
export type ClientToServerEvents<NS extends SocketNamespace> = { [E in ClientEventName<NS>]: (payload: ClientPayloadIn<NS, E>, ack: (response: AckResponse<NS, E>) => void) => void };

/** The schema of a server event's payload (the browser parses what arrives with it). */
export function serverEventSchema<NS extends SocketNamespace, E extends ServerEventName<NS>>(namespace: NS, event: E): z.ZodType<ServerPayload<NS, E>> {
  return (SOCKET_EVENTS[namespace].serverToClient as Record<string, z.ZodTypeAny>)[event];
}

/** The payload schema of every client event of a namespace (the handler wrapper and the fuzz suite read it). */
export function clientPayloadSchemas(namespace: SocketNamespace): Record<string, z.ZodTypeAny> {
  const events = SOCKET_EVENTS[namespace].clientToServer as Record<string, { payload: z.ZodTypeAny }>;
  return Object.fromEntries(Object.entries(events).map(([event, { payload }]) => [event, payload]));
}

/**
 * Largest packet a client may send (Socket.IO's maxHttpBufferSize): chat messages and next steps
 * are a few kB; anything bigger closes the connection before it is parsed.
 */
export const SOCKET_MAX_PAYLOAD_BYTES = 100_000;

/** Socket.IO's own events, which no handler registers through the wrapper. */
export const RESERVED_SOCKET_EVENTS = new Set(["connect", "connect_error", "disconnect", "disconnecting", "error", "newListener", "removeListener"]);
