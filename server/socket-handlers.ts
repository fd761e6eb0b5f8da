/**
 * The domains' Socket.IO handlers, wired by the server entry once the handshake middleware is in
 * place (server/realtime.ts). Each domain owns its registration function beside its services; this
 * list is the one place that knows them all, so app/realtime/ imports no domain module (ADR 076).
 * A registration adds its own namespace (or events) and registers every handler through
 * `handleSocketEvents` (app/realtime/handle.server.ts), the one validated way (ADR 064).
 */
import type { Server } from "socket.io";
import { registerConferenceNamespace } from "~/modules/conference/realtime.server";

export type SocketHandlerRegistration = (io: Server) => void;

export const socketHandlers: SocketHandlerRegistration[] = [
  // --- conferences (issue 6) ---
  registerConferenceNamespace,

  // (end of handlers)
];
