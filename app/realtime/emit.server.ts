/**
 * Emitting from services, after their transaction commits, into scoped rooms. With a PostgreSQL
 * adapter installed the event reaches sockets on every server process.
 */
import { getIo } from "~/utils/runtime.server";

export const organizationRoom = (organizationId: string) => `org:${organizationId}`;
export const userRoom = (userId: string) => `user:${userId}`;

export function emitToOrganization(organizationId: string, event: string, payload: unknown) {
  getIo()?.to(organizationRoom(organizationId)).emit(event, payload);
}

export function emitToUser(userId: string, event: string, payload: unknown) {
  getIo()?.to(userRoom(userId)).emit(event, payload);
}
