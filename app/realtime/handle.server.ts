/**
 * The one way to handle a client-to-server socket event. For every incoming event:
 *   1. the session is re-checked (at most once a second; a signed-out or expired session is
 *      answered "unauthorized" and its socket disconnected);
 *   2. the payload is parsed with the schema registered for the event in SOCKET_EVENTS (events.ts)
 *      (an event not registered there is answered "unknown_event");
 *   3. `before` may refuse (rate limits); then the handler runs.
 * Whatever the client sends (no payload, a string, no acknowledgement callback, a callback that
 * is not a function) and whatever the handler throws, the socket gets an answer — its
 * acknowledgement, or `errorEvent` when it gave none — and nothing escapes to the process.
 */
import type { Socket } from "socket.io";
import type { z } from "zod";
import { localeCookie } from "~/i18n/i18next.server";
import { translatorForLocale } from "~/i18n/translators";
import { translatable, translateMessage, type Translate } from "~/utils/translatable";
import { humanIssueMessage } from "~/utils/zod-messages";
import { isSessionLive } from "./session.server";
import { clientPayloadSchemas, RESERVED_SOCKET_EVENTS, type AckResponse, type ClientEventName, type ClientPayload, type SocketError, type SocketNamespace } from "./events";

export type { SocketError };
/** Answers one request: its reply fields (typed by the event map), or a refusal. */
export type SocketReply<R = { ok: true }> = (response: R | SocketError) => void;

export type SocketHandlers<NS extends SocketNamespace> = {
  [E in ClientEventName<NS>]: (payload: ClientPayload<NS, E>, reply: (response: AckResponse<NS, E>) => void) => Promise<void> | void;
};

const SESSION_RECHECK_MS = 1000;

type Options = {
  /** Event that carries errors to a client that sent no acknowledgement callback. */
  errorEvent: "error:request" | "conference:error";
  /** Runs after validation, before the handler: return an error to refuse (e.g. a rate limit). */
  before?: (event: string) => SocketError | null;
  /** Maps an expected error a handler throws (e.g. AppError) to an answer; others are "server". */
  mapError?: (error: unknown) => SocketError | null;
};

function invalid(error: z.ZodError, t: Translate): SocketError {
  const issue = error.issues[0];
  const field = issue?.path.join(".");
  const tooLong = issue?.code === "too_big" && issue.type === "string";
  const message = issue ? humanIssueMessage(issue, t) : "Malformed request";
  return { ok: false, code: tooLong ? "too_long" : "invalid", error: field ? `${field}: ${message}` : message, ...(field ? { field } : {}) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any typed socket of any namespace
type AnySocket = Socket<any, any, any, any>;

export function handleSocketEvents<NS extends SocketNamespace>(socket: AnySocket, namespace: NS, handlers: SocketHandlers<NS>, options: Options) {
  const schemas = clientPayloadSchemas(namespace);
  const table = handlers as unknown as Record<string, (payload: unknown, reply: SocketReply<{ ok: true }>) => Promise<void> | void>;

  // A live session is re-checked at most once a second per socket: a flood of packets costs no
  // more than one lookup a second (sign-out does not wait for this: it disconnects at once).
  let liveUntil = 0;
  const sessionLive = async () => {
    if (Date.now() < liveUntil) return true;
    const live = await isSessionLive(socket.data?.sessionId);
    liveUntil = live ? Date.now() + SESSION_RECHECK_MS : 0;
    return live;
  };

  // Refusals are in the socket's language (the page's `lng` cookie, sent with the handshake): a
  // schema's or a service's message may be a translatable (ADR 071, 081).
  let translate: Translate = translatorForLocale("en");
  const translatorReady = localeCookie
    .parse(socket.handshake?.headers?.cookie ?? null)
    .then((locale: unknown) => void (translate = translatorForLocale(locale)))
    .catch(() => undefined);

  const replier = (ack: unknown): SocketReply<{ ok: true }> => (answer) => {
    const response = answer.ok ? answer : { ...answer, error: translateMessage(answer.error, translate) };
    try {
      if (typeof ack === "function") ack(response);
      else if (!response.ok) socket.emit(options.errorEvent, { code: response.code, error: response.error });
    } catch (error) {
      console.error(`[realtime] ${namespace} reply failed:`, error instanceof Error ? error.message : error);
    }
  };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    // An acknowledgement callback, when the client asked for one, is the last argument.
    const ack = typeof args[args.length - 1] === "function" ? args[args.length - 1] : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    const reply = replier(ack);
    void (async () => {
      try {
        await translatorReady;
        if (typeof event !== "string" || !Object.hasOwn(schemas, event) || !Object.hasOwn(table, event)) {
          return reply({ ok: false, code: "unknown_event", error: translatable("errors.services.realtime.unknownRequest") });
        }
        if (!(await sessionLive())) {
          reply({ ok: false, code: "unauthorized", error: translatable("errors.services.realtime.sessionEnded") });
          socket.disconnect(true);
          return;
        }
        const parsed = schemas[event].safeParse(payload);
        if (!parsed.success) return reply(invalid(parsed.error, translate));
        const refused = options.before?.(event);
        if (refused) return reply(refused);
        await table[event](parsed.data, reply);
      } catch (error) {
        let mapped: SocketError | null = null;
        try {
          mapped = options.mapError?.(error) ?? null;
        } catch {
          /* an unexpected error after all */
        }
        if (mapped) return reply(mapped);
        console.error(`[realtime] ${namespace} ${String(event)} failed:`, error);
        reply({ ok: false, code: "server", error: translatable("errors.services.realtime.server") });
      }
    })();
  });

  // Every listener on this socket must be one of the wrapper's: a handler registered with
  // socket.on() directly would be neither validated nor fuzzed.
  queueMicrotask(() => {
    const stray = socket.eventNames().filter((name) => typeof name === "string" && !RESERVED_SOCKET_EVENTS.has(name));
    if (stray.length) console.error(`[realtime] unregistered socket handler(s) on ${namespace}: ${stray.join(", ")} — register them through handleSocketEvents`);
  });
}
