import type { Socket } from "socket.io";
import { readSessionId } from "~/modules/auth/cookie.server";
import { loadAuthContext } from "~/modules/auth/service.server";

/**
 * Socket.IO middleware: the handshake must carry a valid session cookie (the same one pages use);
 * anonymous or expired sessions are refused with "unauthorized". Use it on every namespace:
 * `io.of("/x").use(authenticateSocket)`.
 */
export async function authenticateSocket(socket: Socket, next: (error?: Error) => void) {
  try {
    const sessionId = await readSessionId(socket.request.headers.cookie);
    const auth = sessionId ? await loadAuthContext(sessionId) : null;
    if (!auth) return next(new Error("unauthorized"));
    socket.data.sessionId = auth.sessionId;
    socket.data.userId = auth.user.id;
    socket.data.userName = auth.user.name;
    socket.data.organizationId = auth.organization?.id ?? null;
    socket.data.coalitionId = auth.coalition?.id ?? null;
    next();
  } catch (error) {
    next(error instanceof Error ? error : new Error("handshake failed"));
  }
}
