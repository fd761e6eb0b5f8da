/**
 * Socket.IO on the same HTTP server. The handshake authenticates with the same session cookie as
 * pages (anonymous sockets are refused); each socket joins its user's and organization's rooms.
 * With PostgreSQL, @socket.io/postgres-adapter carries room broadcasts between server processes.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { authenticateSocket } from "~/realtime/auth.server";
import { organizationRoom, userRoom } from "~/realtime/emit.server";
import { installIo } from "~/utils/runtime.server";
import { socketHandlers } from "~/realtime/handlers.server";

export async function attachRealtime(httpServer: HttpServer, { databaseUrl }: { databaseUrl?: string }) {
  const io = new Server(httpServer, { serveClient: false, connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 } });
  let closeAdapter: (() => Promise<void>) | undefined;

  if (databaseUrl) {
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    const pg = await import("pg");
    const pool = new pg.default.Pool({ connectionString: databaseUrl, max: 4 });
    pool.on("error", (error) => console.error("[realtime] PostgreSQL adapter pool error", error.message));
    io.adapter(createAdapter(pool, { tableName: "socket_io_attachments" }));
    closeAdapter = () => pool.end();
  }

  io.use(authenticateSocket);

  io.on("connection", (socket) => {
    socket.join(userRoom(socket.data.userId));
    if (socket.data.organizationId) socket.join(organizationRoom(socket.data.organizationId));
  });

  for (const register of socketHandlers) register(io);

  installIo(io);
  return {
    io,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter?.();
    },
  };
}
