/**
 * Graceful shutdown on SIGTERM/SIGINT, in this order, within a bounded time:
 *   1. draining: /readyz answers 503 and every response says `Connection: close`
 *   2. stop accepting: the listener closes (a new connection is refused: the proxy tries another node)
 *   3. finish in flight: wait until every request already received has been answered, then cut
 *      the idle keep-alive connections
 *   4. stop the workers (a pass in flight finishes: its claims commit or roll back whole)
 *   5. close Socket.IO: each browser sees its transport close (not a server disconnect) and so
 *      reconnects by itself, through the proxy, to another node
 *   6. close the database pool, exit 0
 * If that takes longer than `timeoutMs`, the process exits 1 anyway (whatever is still open is
 * cut; a retried request or reconnect goes to another node). See docs/decisions/085-production-server.md.
 */
import type { Server as HttpServer, ServerResponse } from "node:http";
import net from "node:net";

export type ShutdownSteps = {
  stopWorkers: () => Promise<void>;
  closeRealtime: () => Promise<void>;
  closeDatabase: () => Promise<void>;
};

export function gracefulShutdown(
  httpServer: HttpServer,
  steps: ShutdownSteps,
  { timeoutMs = 10_000, log = console.info, exit = (code: number) => process.exit(code) }: { timeoutMs?: number; log?: (message: string) => void; exit?: (code: number) => void } = {},
) {
  let draining = false;
  const open = new Set<ServerResponse>();
  let idle: (() => void) | null = null;
  // A response that says `Connection: close` ends its connection: no request can then arrive on a
  // keep-alive connection that this process is about to cut.
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  };

  httpServer.on("request", (_req, res) => {
    open.add(res);
    if (draining) closeAfter(res);
    res.once("close", () => {
      open.delete(res);
      if (open.size === 0) idle?.();
    });
  });

  const allAnswered = () => (open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve)));

  async function shutdown(signal: string) {
    if (draining) return;
    draining = true;
    open.forEach(closeAfter);
    const started = Date.now();
    log(`${signal}: shutting down (${open.size} request(s) in flight)`);
    const force = setTimeout(() => {
      log(`Shutdown took longer than ${timeoutMs} ms: exiting with ${open.size} request(s) still open`);
      exit(1);
    }, timeoutMs);
    force.unref();
    // http.Server#close() (Node ≥ 19) also cuts idle keep-alive connections at once, which races a
    // client sending its next request on one at that instant (it would see a reset, not an answer).
    // So: stop listening only; busy connections close after their response (Connection: close),
    // and the idle ones are cut once everything in flight is answered.
    net.Server.prototype.close.call(httpServer);
    await Promise.all([allAnswered(), steps.stopWorkers().catch(() => {})]);
    httpServer.closeIdleConnections();
    await steps.closeRealtime().catch(() => {});
    await steps.closeDatabase().catch(() => {});
    clearTimeout(force);
    log(`Shut down cleanly in ${Date.now() - started} ms`);
    exit(0);
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
  return { isDraining: () => draining, shutdown };
}
