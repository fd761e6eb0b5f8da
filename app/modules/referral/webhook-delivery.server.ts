/**
 * Organization web hooks, the delivery half: a worker in each server process claims due PENDING
 * rows of the WebhookDelivery outbox (`FOR UPDATE SKIP LOCKED`, so two processes never take the
 * same row), leases them, and POSTs each payload signed with its endpoint's secret:
 *
 *   X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, `${X-Hub-Timestamp}.${body}`)>
 *   X-Hub-Timestamp: Unix seconds;  X-Hub-Delivery: the delivery id;  X-Hub-Event: the event
 *
 * A 2xx answer within the timeout is DELIVERED; anything else (another status, a timeout, a refused
 * connection, a redirect) is retried with exponential backoff and jitter, and after MAX_ATTEMPTS it
 * is FAILED. Delivery is at least once: the receiver deduplicates by X-Hub-Delivery.
 * The worker polls every few seconds and is kicked right after a referral change commits.
 * See docs/decisions/051-fhir-task-api-and-web-hooks.md.
 */
import type { WebhookDeliveryError } from "./schemas";
import { createHmac } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { decryptField } from "~/utils/field-encryption.server";
import { secretContext } from "./webhooks.server";
import { isPrivateAddress } from "./webhook-url.server";

/** Delay before attempt n+1 after n failed attempts (then ±20% jitter): 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h. */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 86_400_000] as const;
export const MAX_ATTEMPTS = 8;
export const DELIVERY_TIMEOUT_MS = 5_000;
/** A claimed row is not claimed again for this long (longer than a call may take); a crash mid-call retries after it. */
const LEASE_MS = 60_000;
const BATCH_SIZE = 20;

export function backoffDelay(failedAttempts: number, random: () => number = Math.random) {
  const base = BACKOFF_MS[Math.min(Math.max(failedAttempts, 1), BACKOFF_MS.length) - 1];
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function signWebhook(secret: string, timestamp: number, body: string) {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type DeliveryOptions = {
  /** The clock (tests move it forward instead of waiting). */
  now?: () => Date;
  batchSize?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  random?: () => number;
  /** Refuse private/loopback addresses at connect time (default: in production). */
  guardPrivateNetwork?: boolean;
};

type Claimed = { id: string; event: string; payload: unknown; attempts: number; endpoint: { id: string; url: string; secretCipher: string } };

/** Claims up to `batchSize` due deliveries for this process: one attempt counted, leased for LEASE_MS. */
export async function claimDueDeliveries({ at, batchSize = BATCH_SIZE }: { at: Date; batchSize?: number }): Promise<Claimed[]> {
  return db.$transaction(async (tx) => {
    // Timestamps are stored as UTC wall time (timestamp without time zone), as Prisma writes them.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${at.toISOString()}::timestamp AND e."revokedAt" IS NULL
      ORDER BY d."nextAttemptAt", d."id"
      LIMIT ${batchSize}::int
      FOR UPDATE OF d SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.webhookDelivery.updateMany({ where: { id: { in: ids } }, data: { attempts: { increment: 1 }, nextAttemptAt: new Date(at.getTime() + LEASE_MS) } });
    return tx.webhookDelivery.findMany({
      where: { id: { in: ids } },
      select: { id: true, event: true, payload: true, attempts: true, endpoint: { select: { id: true, url: true, secretCipher: true } } },
      orderBy: { nextAttemptAt: "asc" },
    });
  });
}

export type CallResult = { statusCode: number } | { error: string };

/** Connects only to public addresses (the name is checked as it resolves, so a DNS answer cannot smuggle in a private one). */
const publicOnlyLookup = ((hostname: string, options: dns.LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => {
  dns.lookup(hostname, { ...options }, (error, address, family) => {
    if (error) return callback(error, address, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    if (addresses.some(isPrivateAddress)) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATE" }), address, family);
    callback(null, address, family);
  });
}) as unknown as LookupFunction;

/** One POST; never throws. Redirects are not followed (a 3xx is a failure). */
export function postWebhook(url: string, body: string, headers: Record<string, string>, { timeoutMs = DELIVERY_TIMEOUT_MS, guardPrivateNetwork = false }: { timeoutMs?: number; guardPrivateNetwork?: boolean } = {}): Promise<CallResult> {
  const target = new URL(url);
  if (guardPrivateNetwork && isIP(target.hostname.replace(/^\[|\]$/g, "")) && isPrivateAddress(target.hostname)) return Promise.resolve({ error: "private-address" satisfies WebhookDeliveryError });
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "CoalitionHub-Webhooks/1", ...headers },
        ...(guardPrivateNetwork ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        resolve({ statusCode: response.statusCode ?? 0 });
        response.resume(); // the answer's body is not read
        response.on("error", () => {});
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      const code: WebhookDeliveryError | null = error.name === "AbortError" || error.name === "TimeoutError" ? "timeout" : error.code === "EPRIVATE" ? "private-address" : null;
      resolve({ error: code ?? (error.message || String(error)).slice(0, 300) });
    });
    request.end(body);
  });
}

export type DeliveryRun = { claimed: number; delivered: number; retrying: number; failed: number };

/** One pass of the worker: claim what is due, call each endpoint, record what happened. */
export async function deliverDueWebhooks(options: DeliveryOptions = {}): Promise<DeliveryRun> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const guardPrivateNetwork = options.guardPrivateNetwork ?? getEnv().NODE_ENV === "production";
  const claimed = await claimDueDeliveries({ at: now(), batchSize: options.batchSize });
  const run: DeliveryRun = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(now().getTime() / 1000);
      let result: CallResult;
      try {
        const secret = decryptField(delivery.endpoint.secretCipher, secretContext(delivery.endpoint.id));
        const headers = { "X-Hub-Signature-256": signWebhook(secret, timestamp, body), "X-Hub-Timestamp": String(timestamp), "X-Hub-Delivery": delivery.id, "X-Hub-Event": delivery.event };
        result = await postWebhook(delivery.endpoint.url, body, headers, { timeoutMs: options.timeoutMs, guardPrivateNetwork });
      } catch (error) {
        result = { error: error instanceof Error ? error.message : String(error) };
      }
      const finished = now();
      if ("statusCode" in result && result.statusCode >= 200 && result.statusCode < 300) {
        await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "DELIVERED", deliveredAt: finished, lastStatusCode: result.statusCode, lastError: null } });
        run.delivered += 1;
        return;
      }
      const exhausted = delivery.attempts >= maxAttempts;
      const lastError = "statusCode" in result ? `HTTP ${result.statusCode}` : result.error;
      // A revocation while the call was out has already abandoned the row: leave it so.
      await db.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "PENDING" },
        data: {
          status: exhausted ? "FAILED" : "PENDING",
          lastStatusCode: "statusCode" in result ? result.statusCode : null,
          lastError,
          ...(exhausted ? {} : { nextAttemptAt: new Date(finished.getTime() + backoffDelay(delivery.attempts, options.random)) }),
        },
      });
      if (exhausted) run.failed += 1;
      else run.retrying += 1;
    }),
  );
  return run;
}

// ---------------------------------------------------------------------------------------------
// The background worker (one per server process)

type Worker = { timer: ReturnType<typeof setInterval>; running: Promise<void> | null; again: boolean; stopped: boolean; options: DeliveryOptions; batchSize: number };
const holder = globalThis as unknown as { __webhookWorker?: Worker | null };

function runWorker(worker: Worker) {
  if (worker.stopped) return;
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = (async () => {
    try {
      do {
        worker.again = false;
        const run = await deliverDueWebhooks({ ...worker.options, batchSize: worker.batchSize });
        if (run.claimed === worker.batchSize) worker.again = true; // more may be due
      } while (worker.again && !worker.stopped);
    } catch (error) {
      console.error("[webhooks] delivery pass failed:", error instanceof Error ? error.message : error);
    } finally {
      worker.running = null;
    }
  })();
}

/** Starts polling for due deliveries (server boot). Idempotent. */
export function startWebhookDelivery({ intervalMs = 5_000, ...options }: DeliveryOptions & { intervalMs?: number } = {}) {
  if (!holder.__webhookWorker) {
    const worker: Worker = { timer: setInterval(() => runWorker(worker), intervalMs), running: null, again: false, stopped: false, options, batchSize: options.batchSize ?? BATCH_SIZE };
    worker.timer.unref();
    holder.__webhookWorker = worker;
    runWorker(worker);
  }
  return { stop: stopWebhookDelivery };
}

/** Runs a pass now (after a referral change commits); does nothing where the worker is not started. */
export function kickWebhookDelivery() {
  if (holder.__webhookWorker) runWorker(holder.__webhookWorker);
}

/** Stops polling and waits for the pass in flight (shutdown, tests). */
export async function stopWebhookDelivery() {
  const worker = holder.__webhookWorker;
  if (!worker) return;
  holder.__webhookWorker = null;
  worker.stopped = true;
  clearInterval(worker.timer);
  await worker.running;
}
