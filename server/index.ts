/**
 * The hub's HTTP entry: Express with security headers, CSRF origin checks and the sign-in rate
 * limit, /healthz, static assets, the Remix request handler, and Socket.IO on the same server.
 *   npm start        production build (built first if missing)
 *   npm run dev      Vite dev server with hot reload (DEV_SERVER=true)
 */
import path from "node:path";
import { createServer } from "node:http";
import express from "express";
import compression from "compression";
import morgan from "morgan";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { withHttpErrorsBuild } from "~/utils/http-errors.server";
import { db } from "~/utils/db.server";
import { startWebhookDelivery } from "~/modules/referral/webhook-delivery.server";
import { bootDatabase, bootSecrets } from "./boot";
import { attachRealtime } from "./realtime";
import { startReferralReminders, stopReferralReminders } from "~/modules/referral/reminders.server";
import { noLegacyDataRequests, requestContext, sameOriginOnly, securityHeaders } from "./security";

const env = getEnv();
const dev = env.DEV_SERVER;

const database = await bootDatabase(env);
bootSecrets(env);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);
app.use(requestContext);
app.use(securityHeaders({ dev, tileOrigin: tileOrigin(env.MAP_TILE_URL) }));
app.use(compression());
if (env.LOG_REQUESTS) app.use(morgan("tiny"));

app.get("/healthz", async (_req, res) => {
  try {
    await db.$queryRaw`SELECT 1`;
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  } catch (error) {
    res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable", error: "database unreachable" });
    console.error("[healthz] database check failed:", error instanceof Error ? error.message : error);
  }
});

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

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await webhooks.stop().catch(() => {});
  stopReferralReminders();
  await realtime.close().catch(() => {});
  await database.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

function tileOrigin(url: string) {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, "a")).origin;
  } catch {
    return null;
  }
}
