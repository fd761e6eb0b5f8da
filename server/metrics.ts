/**
 * Prometheus metrics (prom-client): request rate and latency per route pattern and status class,
 * live sockets, and the background workers' backlog (web hook deliveries due, referrals due a
 * reminder). Served on /metrics to loopback callers, or to anyone presenting METRICS_TOKEN.
 * See docs/decisions/085-production-server.md.
 */
import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import client from "prom-client";
import type { Server as IoServer } from "socket.io";
import { db } from "~/utils/db.server";
import { routePattern } from "./logging";

export function createMetrics({ io, token }: { io?: () => IoServer | undefined; token?: string } = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const requestDuration = new client.Histogram({
    name: "hub_http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status class",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inFlight = new client.Gauge({ name: "hub_http_requests_in_flight", help: "HTTP requests being served", registers: [registry] });

  new client.Gauge({
    name: "hub_sockets_connected",
    help: "Socket.IO connections open on this node",
    registers: [registry],
    collect() {
      this.set(io?.()?.engine.clientsCount ?? 0);
    },
  });

  new client.Gauge({
    name: "hub_worker_backlog",
    help: "Work due for the background workers (shared by every node): web hook deliveries due now, referrals waiting for a response past the window",
    labelNames: ["worker"] as const,
    registers: [registry],
    async collect() {
      try {
        const [row] = await db.$queryRaw<{ webhooks: bigint; reminders: bigint }[]>`
          SELECT (SELECT count(*) FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')) AS webhooks,
                 (SELECT count(*) FROM "Referral" r JOIN "Coalition" c ON c."id" = r."coalitionId"
                   WHERE r."status" = 'REQUESTED' AND r."acceptReminderAt" IS NULL
                     AND r."sentAt" + make_interval(days => c."referralAcceptDays") <= (now() AT TIME ZONE 'UTC')) AS reminders`;
        this.set({ worker: "webhooks" }, Number(row.webhooks));
        this.set({ worker: "reminders" }, Number(row.reminders));
      } catch {
        // Database down: the gauge keeps its last value; /readyz says why.
      }
    },
  });

  /** Counts every request except the scrape itself. */
  function middleware(req: Request, res: Response, next: NextFunction) {
    if (req.path === "/metrics") return next();
    const end = requestDuration.startTimer({ method: req.method });
    inFlight.inc();
    let done = false;
    res.on("close", () => {
      if (done) return;
      done = true;
      inFlight.dec();
      end({ route: metricRoute(req), status: res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : "aborted" });
    });
    next();
  }

  async function handler(req: Request, res: Response) {
    if (!allowed(req, token)) {
      res.status(403).type("text/plain").send("Forbidden: metrics are served to this machine, or with the metrics token.");
      return;
    }
    res.set("Cache-Control", "no-store").type(registry.contentType).send(await registry.metrics());
  }

  return { registry, middleware, handler };
}

/** Assets and static files in one series each: their count is unbounded and their latency uninteresting. */
function metricRoute(req: Request) {
  if (req.path.startsWith("/assets/")) return "/assets/*";
  if (/\.[a-z0-9]{2,5}$/i.test(req.path) && !req.path.endsWith(".data")) return "static";
  return routePattern(req.path);
}

function allowed(req: Request, token: string | undefined) {
  const header = req.headers.authorization ?? "";
  if (token) {
    const given = Buffer.from(header.replace(/^Bearer\s+/i, ""));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  const address = req.socket.remoteAddress ?? "";
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}
