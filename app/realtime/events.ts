/**
 * The socket contract's table of contents: every event a browser may send, by namespace, with
 * the zod schema its payload must pass. Browser-safe (schemas only), so tests read it too: the
 * socket fuzz suite (tests/e2e/fuzz-sockets.test.ts) throws bad input at every event listed here.
 *
 * Handlers are registered only through `handleSocketEvents` (handle.server.ts), whose types ask
 * for one handler per event listed here and which refuses events that are not listed: a new
 * event is added here first, and from then on it is validated and fuzzed. See ADR 064.
 */
import type { z } from "zod";
import { CONFERENCE_CLIENT_EVENTS } from "~/modules/conference/schemas";

export const SOCKET_EVENTS = {
  /** Organization and user events (toasts, referral pages): the server only sends. */
  "/": {},
  "/conferences": CONFERENCE_CLIENT_EVENTS,
} as const satisfies Record<string, Record<string, z.ZodTypeAny>>;

export type SocketNamespace = keyof typeof SOCKET_EVENTS;

/**
 * Largest packet a client may send (Socket.IO's maxHttpBufferSize): chat messages and next steps
 * are a few kB; anything bigger closes the connection before it is parsed.
 */
export const SOCKET_MAX_PAYLOAD_BYTES = 100_000;

/** Socket.IO's own events, which no handler registers through the wrapper. */
export const RESERVED_SOCKET_EVENTS = new Set(["connect", "connect_error", "disconnect", "disconnecting", "error", "newListener", "removeListener"]);
