/**
 * Per-domain Socket.IO handlers, registered by server/realtime.ts once the handshake has
 * authenticated the socket. Each feature adds one entry (its own namespace or events).
 */
import type { Server } from "socket.io";
import { registerConferenceNamespace } from "~/modules/conference/realtime.server";

export type SocketHandlerRegistration = (io: Server) => void;

export const socketHandlers: SocketHandlerRegistration[] = [
  // --- conferences (issue 6) ---
  registerConferenceNamespace,

  // (end of handlers)
];
