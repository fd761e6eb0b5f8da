/**
 * The conference room's live side as the services see it: the room of a conference on the
 * "/conferences" namespace, and events into it after a change commits (across server processes
 * with the PostgreSQL adapter). Events and payloads are the event map's (app/realtime/events.ts).
 */
import { emitToRoom } from "~/realtime/emit.server";
import type { ServerEventName, ServerPayload } from "~/realtime/events";

export const conferenceRoom = (conferenceId: string) => `conference:${conferenceId}`;

/** Everyone in the conference's room, on every server process. */
export function emitToConference<E extends ServerEventName<"/conferences">>(conferenceId: string, event: E, payload: ServerPayload<"/conferences", E>) {
  emitToRoom("/conferences", conferenceRoom(conferenceId), event, payload);
}
