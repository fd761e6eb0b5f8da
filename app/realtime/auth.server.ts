import type { Socket } from "socket.io";
import { readSessionId } from "~/modules/auth/cookie.server";
import { loadAuthContext } from "~/modules/auth/service.server";
import { sessionRoom } from "./session.server";

/**
 * Socket.IO middleware: the handshake must carry a valid session cookie (the same one pages use);
 * anonymous or expired sessions are refused with "unauthorized". Use it on every namespace:
 * `io.of("/x").use(authenticateSocket)`.
 *
 * It also runs for a connection restored by connection state recovery (skipMiddlewares: false,
 * ADR 064): the restored socket must present the cookie of the very session it belonged to.
 * Every socket joins its session's room, so ending the session disconnects it (session.server.ts).
 */
export async function authenticateSocket(socket: Socket, next: (error?: Error) => void) {
  try {
    const sessionId = await readSessionId(socket.request.headers.cookie);
    const auth = sessionId ? await loadAuthContext(sessionId) : null;
    if (!auth) return next(new Error("unauthorized"));
    if (socket.recovered && socket.data?.sessionId !== auth.sessionId) return next(new Error("unauthorized"));
    socket.data.sessionId = auth.sessionId;
    socket.data.userId = auth.user.id;
    socket.data.userName = auth.user.name;
    socket.data.organizationId = auth.organization?.id ?? null;
    socket.data.coalitionId = auth.coalition?.id ?? null;
    await socket.join(sessionRoom(auth.sessionId));
    next();
  } catch (error) {
    console.error("[realtime] handshake failed:", error instanceof Error ? error.message : error);
    next(new Error("handshake failed"));
  }
}
