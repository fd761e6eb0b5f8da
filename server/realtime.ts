/**
 * Socket.IO on the same HTTP server. The handshake authenticates with the same session cookie as
 * pages (anonymous sockets are refused) and must come from this site's pages (the CSRF Origin
 * rule); each socket joins its session's, user's and organization's rooms. With PostgreSQL,
 * @socket.io/postgres-adapter carries room broadcasts (and disconnects) between server processes.
 * A socket never outlives its session: ADR 064.
 */
import type { Server as HttpServer } from "node:http";
import { Server, type Namespace } from "socket.io";
import { authenticateSocket } from "~/realtime/auth.server";
import { organizationRoom, userRoom } from "~/realtime/emit.server";
import { SOCKET_MAX_PAYLOAD_BYTES } from "~/realtime/events";
import { handleSocketEvents } from "~/realtime/handle.server";
import { isSessionLive, startSessionSweep } from "~/realtime/session.server";
import { installIo } from "~/utils/runtime.server";
import { socketHandlers } from "./socket-handlers";
import { crossSiteReason } from "./security";

/** How often sockets that only listen are re-checked against their session (senders are checked on every event). */
const SESSION_SWEEP_MS = 30_000;

export async function attachRealtime(httpServer: HttpServer, { databaseUrl }: { databaseUrl?: string }) {
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    // Recovery re-runs the middlewares: a restored socket must still present its live session.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // Cross-site WebSocket hijacking: the handshake obeys the same Origin rule as form posts.
    allowRequest: (req, callback) => {
      const reason = crossSiteReason(req.headers);
      callback(reason ? `Forbidden: ${reason}` : null, !reason);
    },
  });
  let closeAdapter: (() => Promise<void>) | undefined;

  if (databaseUrl) {
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    const pg = await import("pg");
    const pool = new pg.default.Pool({ connectionString: databaseUrl, max: 4 });
    pool.on("error", (error) => console.error("[realtime] PostgreSQL adapter pool error", error.message));
    // The adapter keeps one client checked out for LISTEN, and pg-pool takes its error listener off a
    // checked-out client: when PostgreSQL restarted, that client's "terminating connection" error had
    // no listener and killed the node (found by the faults suite, ADR 090). Listen on every client;
    // the adapter sees the connection end and LISTENs again on a new one.
    pool.on("connect", (client) => {
      client.on("error", (error) => console.warn("[realtime] PostgreSQL adapter connection lost; it reconnects by itself:", error.message));
    });
    io.adapter(createAdapter(pool, { tableName: "socket_io_attachments" }));
    closeAdapter = () => pool.end();
  }

  refuseRecoveryOfEndedSessions(io.of("/"));
  io.on("new_namespace", refuseRecoveryOfEndedSessions);

  io.use(authenticateSocket);

  io.on("connection", (socket) => {
    socket.join(userRoom(socket.data.userId));
    if (socket.data.organizationId) socket.join(organizationRoom(socket.data.organizationId));
    // The browser sends nothing here (it only listens); anything it sends is answered and dropped.
    handleSocketEvents(socket, "/", {}, { errorEvent: "error:request" });
  });

  for (const register of socketHandlers) register(io);

  const stopSweep = startSessionSweep(io, SESSION_SWEEP_MS);

  installIo(io);
  return {
    io,
    close: async () => {
      stopSweep();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter?.();
    },
  };
}

/**
 * Socket.IO writes a restored socket's missed packets as soon as it restores it, before any
 * middleware runs: a state whose session has ended since is not restored at all (the client
 * then connects afresh and the middleware asks for a live session cookie).
 */
function refuseRecoveryOfEndedSessions(nsp: Namespace) {
  const adapter = nsp.adapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = (async (pid: string, offset: string) => {
    const session = await restore(pid, offset);
    if (!session) return session;
    return (await isSessionLive((session.data as { sessionId?: unknown } | undefined)?.sessionId)) ? session : null;
  }) as typeof adapter.restoreSession;
}
