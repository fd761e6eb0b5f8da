/**
 * The hub's HTTP entry: Express with security headers, CSRF origin checks and the sign-in rate
 * limit, /healthz, /readyz, /metrics, JSON request logs, static assets, the Remix request handler,
 * and Socket.IO on the same server; graceful shutdown on SIGTERM (server/shutdown.ts).
 *   npm start        production build (built first if missing)
 *   npm run serve    the compiled server (build/node/index.js, npm run build), no TypeScript loader
 *   npm run dev      Vite dev server with hot reload (DEV_SERVER=true)
 */
import path from "node:path";
import { createServer } from "node:http";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { withHttpErrorsBuild } from "~/utils/http-errors.server";
import { startWebhookDelivery } from "~/modules/referral/webhook-delivery.server";
import { bootDatabase, bootSecrets } from "./boot";
import { attachRealtime } from "./realtime";
import { startReferralReminders, stopReferralReminders } from "~/modules/referral/reminders.server";
import { noLegacyDataRequests, requestContext, sameOriginOnly, securityHeaders } from "./security";
import { createLogger, requestLogger, routeConsoleTo } from "./logging";
import { createMetrics } from "./metrics";
import { healthRoutes } from "./health";
import { gracefulShutdown } from "./shutdown";

const env = getEnv();
const dev = env.DEV_SERVER;
const production = env.NODE_ENV === "production" && !dev;
const logger = createLogger({ level: env.LOG_LEVEL, pretty: !production });
// Production: every line the app prints (console.*) becomes a JSON line with a level.
if (production) routeConsoleTo(logger);

const database = await bootDatabase(env);
bootSecrets(env);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);
app.use(requestContext);
const metrics = createMetrics({ io: () => realtime?.io, token: env.METRICS_TOKEN });
app.use(metrics.middleware);
if (production || env.LOG_REQUESTS) app.use(requestLogger(logger));
app.use(securityHeaders({ dev, tileOrigin: tileOrigin(env.MAP_TILE_URL) }));
app.use(compression());

// lifecycle is created below with the HTTP server; probes only run once it listens.
const health = healthRoutes({ isDraining: () => lifecycle.isDraining() });
app.get("/healthz", health.healthz);
app.get("/readyz", health.readyz);
app.get("/metrics", metrics.handler);

app.use(sameOriginOnly);
app.use(noLegacyDataRequests);
// Sign-in limits are enforced in the sign-in service itself, for every path that reaches it
// (/login, /login.data, …) and across processes (docs/decisions/062-sign-in-limits-in-the-database.md).

let build: ServerBuild | (() => Promise<ServerBuild>);
if (dev) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  build = () => (viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(withHttpErrorsBuild);
} else {
  const buildDir = path.resolve("build");
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  // Every route's loader and action behind the one error mapper (ADR 060).
  build = withHttpErrorsBuild((await import(path.join(buildDir, "server/index.js"))) as ServerBuild);
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: dev ? "development" : "production",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  }),
);

const httpServer = createServer(app);
const realtime = await attachRealtime(httpServer, { databaseUrl: env.DATABASE_URL });
// Web hook outbox: polled every few seconds and kicked after each referral change (every process; rows are claimed with SKIP LOCKED).
const webhooks = startWebhookDelivery();

// Referral reminders: every process runs the job; claims make two processes safe (one reminder each).
startReferralReminders();

httpServer.listen(env.PORT, env.HOST, () => {
  console.info(`Coalition Hub on http://localhost:${env.PORT} (${database.kind}${dev ? ", dev server" : ""})`);
});

const lifecycle = gracefulShutdown(
  httpServer,
  {
    stopWorkers: async () => {
      await Promise.all([stopReferralReminders(), webhooks.stop()]);
    },
    closeRealtime: () => realtime.close(),
    closeDatabase: () => database.close(),
  },
  { timeoutMs: env.SHUTDOWN_TIMEOUT_MS, log: (m) => logger.info(m) },
);

function tileOrigin(url: string) {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, "a")).origin;
  } catch {
    return null;
  }
}
