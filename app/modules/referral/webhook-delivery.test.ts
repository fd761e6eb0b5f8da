/**
 * Web hook delivery against a real HTTP server started in the test on 127.0.0.1 (only the network
 * is stood in for: the receiver is a real socket, the database is real, the worker code is the
 * production code). The clock is passed in, so retries are tested without waiting for them.
 */
import { withoutRandomHex } from "../../../tests/helpers";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { decryptField } from "~/utils/field-encryption.server";
import { createReferralWorld, sendTestReferral } from "../../../tests/referral-factories";
import { transitionReferral } from "./service.server";
import { secretContext } from "./webhooks.server";
import { registerWebhookEndpoint, revokeWebhookEndpoint, sendTestWebhook } from "./webhook-endpoints.server";
import { BACKOFF_MS, backoffDelay, claimDueDeliveries, deliverDueWebhooks, postWebhook, signWebhook, startWebhookDelivery, stopWebhookDelivery } from "./webhook-delivery.server";
import { isPrivateAddress, webhookUrlProblem as urlProblem } from "./webhook-url.server";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { actorFor } from "../../../tests/actors";
import type { Actor } from "~/modules/auth/actor";

type Received = { headers: IncomingMessage["headers"]; body: string; at: number };
type Behaviour = number | "hang";

/** A receiver on 127.0.0.1 answering each call with the next scripted status (the last one repeats). */
async function receiver(script: Behaviour[] = [200]) {
  const received: Received[] = [];
  const hanging: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const behaviour = script[Math.min(received.length, script.length - 1)];
      received.push({ headers: req.headers, body, at: Date.now() });
      if (behaviour === "hang") hanging.push(req);
      else res.writeHead(behaviour).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/referrals`;
  servers.push(server);
  return { url, received };
}

const servers: Server[] = [];
const endpoints: { actor: Actor; id: string }[] = [];

afterEach(async () => {
  await stopWebhookDelivery();
  // Abandon what this test left queued, so the next test's passes see only their own rows.
  for (const e of endpoints.splice(0)) await revokeWebhookEndpoint({ actor: e.actor, endpointId: e.id });
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function setup(script?: Behaviour[]) {
  const w = await createReferralWorld();
  const director = actorFor(w.directorB.id, w.orgB.id, { role: "DIRECTOR" });
  const hook = await receiver(script);
  const { endpoint, secret } = await registerWebhookEndpoint({ actor: director, input: { url: hook.url, description: "Case system" } });
  endpoints.push({ actor: director, id: endpoint.id });
  return { ...w, director, hook, endpoint, secret };
}

const rowsOf = (endpointId: string) => db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
const fixedRandom = () => 0.5; // jitter factor exactly 1
const at = (base: Date, ms: number) => () => new Date(base.getTime() + ms);

describe("web hook URLs", () => {
  it("https only; http only to this machine outside production; no private networks in production", () => {
    const dev = { production: false };
    const prod = { production: true };
    // The problem is a translatable (the form says it in the reader's language): read as the English reader sees it.
    const en = translatorForLocale("en");
    const webhookUrlProblem = (raw: string, rules: { production: boolean }) => {
      const problem = urlProblem(raw, rules);
      return problem === null ? null : translateMessage(problem, en);
    };
    expect(webhookUrlProblem("https://hooks.example.org/referrals", prod)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.org/referrals", dev)).toMatch(/https/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost:4000/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", prod)).toMatch(/https/);
    expect(webhookUrlProblem("ftp://hooks.example.org/", dev)).toMatch(/https/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.org/", dev)).toMatch(/user name and password/);
    expect(webhookUrlProblem("not a url", dev)).toMatch(/full URL/);
    for (const internal of ["https://10.1.2.3/x", "https://192.168.0.10/x", "https://[::1]/x", "https://169.254.169.254/latest", "https://intranet/x", "https://ehr.internal/x", "https://localhost/x"]) {
      expect(webhookUrlProblem(internal, prod)).toMatch(/public address/);
      expect(webhookUrlProblem(internal, dev)).toBeNull();
    }
    expect([isPrivateAddress("172.20.0.1"), isPrivateAddress("::ffff:127.0.0.1"), isPrivateAddress("fd00::1"), isPrivateAddress("100.64.1.1")]).toEqual([true, true, true, true]);
    expect([isPrivateAddress("8.8.8.8"), isPrivateAddress("2606:4700::1111"), isPrivateAddress("172.32.0.1")]).toEqual([false, false, false]);
  });

  it("in production the connection itself refuses private addresses, also behind a name", async () => {
    const hook = await receiver([200]);
    const port = new URL(hook.url).port;
    expect(await postWebhook(`http://127.0.0.1:${port}/x`, "{}", {}, { guardPrivateNetwork: true })).toEqual({ error: "private-address" });
    expect(await postWebhook(`http://localhost:${port}/x`, "{}", {}, { guardPrivateNetwork: true })).toEqual({ error: "private-address" });
    expect(hook.received).toHaveLength(0);
    expect(await postWebhook(`http://localhost:${port}/x`, "{}", {}, { guardPrivateNetwork: false })).toEqual({ statusCode: 200 });
    expect(hook.received).toHaveLength(1);
  });

  it("backoff grows from 30 s to a day, with ±20% jitter", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, fixedRandom))).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 86_400_000, 86_400_000]);
    expect(backoffDelay(1, () => 0)).toBe(24_000);
    expect(backoffDelay(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
    expect(BACKOFF_MS[0]).toBe(30_000);
  });
});

describe("web hook delivery", () => {
  it("signs each call so the receiver can verify it with the secret, and carries no client details", async () => {
    const w = await setup();
    const referral = await sendTestReferral(w);
    const run = await deliverDueWebhooks({ random: fixedRandom });
    expect(run.delivered).toBeGreaterThanOrEqual(1);
    expect(w.hook.received).toHaveLength(1);
    const [call] = w.hook.received;

    // What a receiver does: recompute the HMAC over `${timestamp}.${body}` and compare in constant time.
    const timestamp = String(call.headers["x-hub-timestamp"]);
    const expected = createHmac("sha256", w.secret).update(`${timestamp}.${call.body}`).digest("hex");
    const given = String(call.headers["x-hub-signature-256"]);
    expect(given).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(timingSafeEqual(Buffer.from(given), Buffer.from(`sha256=${expected}`))).toBe(true);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    expect(createHmac("sha256", "whsec_wrong").update(`${timestamp}.${call.body}`).digest("hex")).not.toBe(expected);
    expect(signWebhook(w.secret, Number(timestamp), call.body)).toBe(given);

    const [row] = await rowsOf(w.endpoint.id);
    expect(call.headers["x-hub-delivery"]).toBe(row.id);
    expect(call.headers["x-hub-event"]).toBe("referral.status_changed");
    expect(call.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(call.body)).toEqual({
      event: "referral.status_changed", referralId: referral.id, status: "requested", previousStatus: null, version: 1,
      senderOrganizationId: w.orgA.id, recipientOrganizationId: w.orgB.id, occurredAt: expect.any(String),
    });
    expect(call.body).not.toContain(w.clientId);
    const withoutIds = withoutRandomHex(call.body);
    for (const secret of ["Rosalind", "Featherstonehaugh", "1961", "555-0100", "Elm St", "groceries"]) expect(withoutIds).not.toContain(secret);
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null });
    // The secret is stored encrypted, bound to its row.
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.endpoint.id } });
    expect(stored.secretCipher).not.toContain(w.secret);
    expect(decryptField(stored.secretCipher, secretContext(w.endpoint.id))).toBe(w.secret);
  });

  it("a 500 is retried after the backoff, then delivered", async () => {
    const w = await setup([500, 200]);
    const referral = await sendTestReferral(w);
    const t0 = new Date();
    await deliverDueWebhooks({ now: () => t0, random: fixedRandom });
    let [row] = await rowsOf(w.endpoint.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    await deliverDueWebhooks({ now: at(t0, 29_000), random: fixedRandom });
    expect(w.hook.received).toHaveLength(1); // not yet due

    await deliverDueWebhooks({ now: at(t0, 30_000), random: fixedRandom });
    [row] = await rowsOf(w.endpoint.id);
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200, lastError: null });
    expect(w.hook.received.map((r) => r.headers["x-hub-delivery"])).toEqual([row.id, row.id]); // same delivery id: the receiver deduplicates
    expect(JSON.parse(w.hook.received[1].body).referralId).toBe(referral.id);
  });

  it("no answer within the timeout counts as a failed attempt", async () => {
    const w = await setup(["hang"]);
    await sendTestReferral(w);
    const t0 = new Date();
    const run = await deliverDueWebhooks({ now: () => t0, timeoutMs: 300, random: fixedRandom });
    expect(run.retrying).toBeGreaterThanOrEqual(1);
    const [row] = await rowsOf(w.endpoint.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, lastError: "timeout" });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);
  });

  it("after the last allowed attempt the delivery is FAILED and never tried again", async () => {
    const w = await setup([503]);
    await sendTestReferral(w);
    const t0 = new Date();
    const day = 86_400_000;
    for (let i = 0; i < 4; i++) await deliverDueWebhooks({ now: at(t0, i * 2 * day), maxAttempts: 3, random: fixedRandom });
    const [row] = await rowsOf(w.endpoint.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lastStatusCode: 503, lastError: "HTTP 503" });
    expect(w.hook.received).toHaveLength(3);
  });

  it("two workers at once: every delivery is claimed and sent exactly once", async () => {
    const w = await setup([200]);
    for (let i = 0; i < 12; i++) await sendTestWebhook({ actor: w.director, endpointId: w.endpoint.id });
    const now = new Date(Date.now() + 1000);
    // The claim itself: two concurrent claims never share a row.
    const [first, second] = await Promise.all([claimDueDeliveries({ at: now, batchSize: 5 }), claimDueDeliveries({ at: now, batchSize: 5 })]);
    const claimedIds = [...first, ...second].map((d) => d.id);
    expect(claimedIds).toHaveLength(10);
    expect(new Set(claimedIds).size).toBe(10);
    await db.webhookDelivery.updateMany({ where: { endpointId: w.endpoint.id }, data: { nextAttemptAt: now, attempts: 0 } }); // put them back

    const runs = await Promise.all([deliverDueWebhooks({ now: () => now, batchSize: 7 }), deliverDueWebhooks({ now: () => now, batchSize: 7 })]);
    const more = await deliverDueWebhooks({ now: () => now, batchSize: 7 });
    expect(runs[0].claimed + runs[1].claimed + more.claimed).toBe(12);
    const ids = w.hook.received.map((r) => r.headers["x-hub-delivery"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect((await rowsOf(w.endpoint.id)).every((d) => d.status === "DELIVERED" && d.attempts === 1)).toBe(true);
  });

  it("a revoked endpoint gets nothing new, and what was waiting is abandoned unsent", async () => {
    const w = await setup([500]);
    const first = await sendTestReferral(w);
    await deliverDueWebhooks({ random: fixedRandom }); // fails once, waits to retry
    await revokeWebhookEndpoint({ actor: w.director, endpointId: w.endpoint.id });
    await transitionReferral({ actor: w.receiver, referralId: first.id, input: { to: "ACCEPTED", version: 1 } });
    await sendTestReferral(w);
    const rows = await rowsOf(w.endpoint.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "FAILED", lastError: "revoked" });
    await deliverDueWebhooks({ now: at(new Date(), 86_400_000) });
    expect(w.hook.received).toHaveLength(1);
    await expect(sendTestWebhook({ actor: w.director, endpointId: w.endpoint.id })).rejects.toMatchObject({ status: 404 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.endpoint_revoked", subjectId: w.endpoint.id } });
    expect(audit.metadata).toMatchObject({ abandonedDeliveries: 1 });
  });

  it("the worker started at boot delivers right after a status change commits, and stops cleanly", async () => {
    const w = await setup([200]);
    const referral = await sendTestReferral(w); // queued before the worker starts
    startWebhookDelivery({ intervalMs: 3_600_000 }); // the first pass runs at once; later ones only when kicked
    await waitFor(() => w.hook.received.length === 1);
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } });
    await waitFor(() => w.hook.received.length === 2);
    expect(JSON.parse(w.hook.received[1].body)).toMatchObject({ status: "accepted", previousStatus: "requested", version: 2 });
    await stopWebhookDelivery();
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "IN_PROGRESS", version: 2 } });
    const rows = await rowsOf(w.endpoint.id);
    expect(rows.map((r) => r.status)).toEqual(["DELIVERED", "DELIVERED", "PENDING"]);
  });
});

async function waitFor(condition: () => boolean, limitMs = 10_000) {
  const until = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("the condition did not come true in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
