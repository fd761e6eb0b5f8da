/**
 * The background workers on two nodes (docs/decisions/086-workers-exactly-once.md): two processes
 * booted on one PostgreSQL database run the web hook delivery and referral reminder passes at the
 * same moment over the same due work. Every web hook reaches the receiver exactly once, every due
 * reminder is sent exactly once (one timeline event, one audit event), and both nodes took part.
 * Runs when TEST_DATABASE_URL names a PostgreSQL server (as in CI).
 */
import { execFileSync, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const postgresUrl = process.env.TEST_DATABASE_URL;
const DELIVERIES = 120;

type NodeResult = { webhooks: number; reminded: string[] };

describe.skipIf(!postgresUrl)("workers on two nodes", () => {
  const dbName = `hub_workers_${process.pid}`;
  let admin: import("pg").Client;
  let env: Record<string, string>;
  let receiver: http.Server;
  const received = new Map<string, number>();

  const script = (args: string[]) => execFileSync(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env }, stdio: "pipe" }).toString();

  beforeAll(async () => {
    const { default: pg } = await import("pg");
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${dbName}`;
    env = { DATABASE_URL: url.toString(), NODE_ENV: "test", SESSION_SECRET: "workers-two-nodes-secret-0123456789-abcdef", FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") };
    script(["scripts/db.ts", "migrate"]);
    script(["scripts/db.ts", "seed"]);
    // Every referral of the demo becomes due its reminder (sent and last updated 60 days ago).
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    await db.query(`UPDATE "Referral" SET "sentAt" = "sentAt" - interval '60 days', "acceptedAt" = "acceptedAt" - interval '60 days',
      "lastReceiverUpdateAt" = "lastReceiverUpdateAt" - interval '60 days', "acceptReminderAt" = NULL, "updateReminderAt" = NULL`);
    await db.end();

    receiver = http.createServer((req, res) => {
      const id = String(req.headers["x-hub-delivery"]);
      received.set(id, (received.get(id) ?? 0) + 1);
      req.resume();
      setTimeout(() => res.end("ok"), 20); // a receiver that takes a moment: the passes overlap
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  }, 300_000);

  afterAll(async () => {
    receiver?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.end();
  });

  it("deliver each due web hook and each due reminder exactly once", async () => {
    const { port } = receiver.address() as AddressInfo;
    script(["tests/e2e/fixtures/worker-node.ts", "setup", `http://127.0.0.1:${port}/hook`, String(DELIVERIES)]);

    const { default: pg } = await import("pg");
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const before = await db.query(`SELECT coalesce(max("seq"), 0)::text AS seq, (SELECT array_agg("id"::text) FROM "ReferralEvent" WHERE "kind" = 'REMINDER') AS events FROM "AuditEvent"`);
    const earlierEvents: string[] = before.rows[0].events ?? [];

    const nodes = [0, 1].map(() => {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/e2e/fixtures/worker-node.ts", "work"], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
      let out = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (d) => { out += d.toString(); if (out.includes("ready")) resolve(); }));
      const done = new Promise<NodeResult>((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`worker node exited ${code}: ${out}`)))));
      return { child, ready, done };
    });
    await Promise.all(nodes.map((n) => n.ready));
    for (const n of nodes) n.child.stdin.write("go\n");
    const [a, b] = await Promise.all(nodes.map((n) => n.done));

    // Web hooks: every delivery reached the receiver once, and both nodes delivered some.
    expect(received.size).toBe(DELIVERIES);
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]);
    expect(a.webhooks + b.webhooks).toBe(DELIVERIES);
    expect(a.webhooks).toBeGreaterThan(0);
    expect(b.webhooks).toBeGreaterThan(0);

    // Reminders: no referral reminded twice for the same window, one timeline and audit event each.
    const reminded = [...a.reminded, ...b.reminded];
    expect(reminded.length).toBeGreaterThan(0);
    expect(new Set(reminded).size).toBe(reminded.length);
    const events = await db.query(`SELECT "referralId", "text", count(*)::int AS n FROM "ReferralEvent" WHERE "kind" = 'REMINDER' AND NOT ("id"::text = ANY($1::text[])) GROUP BY 1, 2`, [earlierEvents]);
    const audits = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'referral.reminder_sent' AND "seq" > $1::bigint`, [before.rows[0].seq]);
    const delivered = await db.query(`SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE "status" = 'DELIVERED' AND "attempts" = 1`);
    await db.end();
    expect(events.rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(events.rows.length).toBe(reminded.length);
    expect(audits.rows[0].n).toBe(reminded.length);
    expect(delivered.rows[0].n).toBe(DELIVERIES);
  }, 180_000);
});
