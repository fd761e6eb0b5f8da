/**
 * Emitting from services, after their transaction commits, into scoped rooms. With a PostgreSQL
 * adapter installed the event reaches sockets on every server process.
 *
 * Every event and payload is one of the event map's (events.ts): the types refuse anything else,
 * and the payload is parsed with the map's schema on the way out, so a field the map does not list
 * (a client's name in a referral event, say) never leaves the server.
 */
import { getIo } from "~/utils/runtime.server";
import { SOCKET_EVENTS, type ServerEventName, type ServerPayload, type SocketNamespace } from "./events";

export const organizationRoom = (organizationId: string) => `org:${organizationId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** Sends `event` to everyone in `room` of `namespace`, on every server process. No-op before the server is up (scripts, tests). */
export function emitToRoom<NS extends SocketNamespace, E extends ServerEventName<NS>>(namespace: NS, room: string, event: E, payload: ServerPayload<NS, E>) {
  const io = getIo();
  if (!io) return;
  const schema = (SOCKET_EVENTS[namespace].serverToClient as Record<string, { parse: (v: unknown) => unknown }>)[event];
  io.of(namespace).to(room).emit(event, schema.parse(payload));
}

export function emitToOrganization<E extends ServerEventName<"/">>(organizationId: string, event: E, payload: ServerPayload<"/", E>) {
  emitToRoom("/", organizationRoom(organizationId), event, payload);
}
