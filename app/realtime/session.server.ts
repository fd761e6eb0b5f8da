/**
 * A live connection never outlives its session (issue #13, ADR 064):
 * - every socket sits in its session's room; ending a session disconnects that room in every
 *   namespace, on every server process (the PostgreSQL adapter carries it);
 * - every event a socket sends re-checks its session (one primary-key lookup), and a sweep
 *   re-checks the sockets that only listen, so a session that expires or is revoked by a path
 *   that forgot to call `endSessionConnections` still loses its sockets.
 */
import type { Server } from "socket.io";
import { liveSessionIds } from "~/modules/auth/liveness.server";
import { getIo } from "~/utils/runtime.server";
import { uuid } from "~/utils/form-fields";

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Disconnects every socket of these sessions, on this process and the others. Call it wherever a
 * session ends: sign-out, and any future revocation (password change, member removal…).
 */
export function endSessionConnections(sessionIds: string | string[]) {
  const io = getIo();
  const ids = (Array.isArray(sessionIds) ? sessionIds : [sessionIds]).filter(Boolean);
  if (!io || ids.length === 0) return;
  const rooms = ids.map(sessionRoom);
  for (const name of io._nsps.keys()) io.of(name).in(rooms).disconnectSockets(true);
}

const SessionId = uuid();
const isSessionId = (id: unknown): id is string => SessionId.safeParse(id).success;

export async function isSessionLive(sessionId: unknown): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  return (await liveSessionIds([sessionId])).has(sessionId);
}

/** Every `intervalMs`, disconnects this process's sockets whose session has ended. */
export function startSessionSweep(io: Server, intervalMs: number) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const sockets = [...io._nsps.values()].flatMap((nsp) => [...nsp.sockets.values()]);
      const ids = [...new Set(sockets.map((s) => s.data?.sessionId).filter(isSessionId))];
      if (ids.length === 0) return;
      const live = await liveSessionIds(ids);
      for (const socket of sockets) if (!live.has(socket.data?.sessionId)) socket.disconnect(true);
    } catch (error) {
      console.error("[realtime] session sweep failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
