/**
 * One Socket.IO connection per browser tab for organization events (the session cookie
 * authenticates it; the server puts it in the user's and organization's rooms). The toasts and
 * the referral pages subscribe to it instead of opening a connection each; it closes when the
 * last subscriber leaves (after signing out).
 */
import type { Socket } from "socket.io-client";
import { serverEventSchema, type ServerEventName, type ServerPayload } from "~/realtime/events";

type Handler = (payload: unknown) => void;

let socket: Socket | null = null;
let connecting: Promise<void> | null = null;
const handlers = new Map<string, Set<Handler>>();

const sessionEndedHandlers = new Set<() => void>();

const listening = () => [...handlers.values()].some((s) => s.size > 0);

function ensureSocket() {
  if (socket || connecting) return;
  connecting = import("socket.io-client").then(({ io }) => {
    connecting = null;
    if (socket || !listening()) return;
    const s = io({ withCredentials: true });
    for (const [event, set] of handlers) for (const h of set) s.on(event, h);
    // The server disconnects a socket only when its session ended (signed out elsewhere, expired):
    // Socket.IO does not reconnect then, and neither do we; the page says so (ADR 064).
    s.on("disconnect", (reason) => {
      if (reason !== "io server disconnect") return;
      if (socket === s) socket = null;
      for (const h of sessionEndedHandlers) h();
    });
    socket = s;
  });
}

/**
 * Listens for `event` (one of the event map's, app/realtime/events.ts) until the returned function
 * is called. The payload is parsed with the map's schema first: one that does not fit never reaches
 * the handler. Browser only.
 */
export function subscribeLive<E extends ServerEventName<"/">>(event: E, handler: (payload: ServerPayload<"/", E>) => void): () => void {
  const schema = serverEventSchema("/", event);
  const h: Handler = (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) handler(parsed.data);
    else console.error(`[live] ignored a malformed "${event}" event`);
  };
  const name: string = event;
  let set = handlers.get(name);
  if (!set) handlers.set(name, (set = new Set()));
  set.add(h);
  if (socket) socket.on(name, h);
  else ensureSocket();
  return () => {
    set.delete(h);
    socket?.off(name, h);
    // Nobody listens any more (signed out, left the signed-in pages): close the connection.
    if (!listening() && socket) {
      socket.disconnect();
      socket = null;
    }
  };
}

/** Calls `handler` when the server ends this tab's connection because the session ended. */
export function onSessionEnded(handler: () => void): () => void {
  sessionEndedHandlers.add(handler);
  return () => sessionEndedHandlers.delete(handler);
}

/** Connects again (after switching organization: the server puts the socket in the new organization's room). */
export function reconnectLive() {
  if (!socket) return;
  socket.disconnect();
  socket.connect();
}
