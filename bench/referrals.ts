/**
 * Referral benchmark (issue 5).
 *  (a) Sending a referral through sendReferral (consent check, fit facts, the write, the timeline
 *      entry, the audit event, web hook outbox, and the live event emitted to a real Socket.IO
 *      server with a connected client) at a paced RATE per second for SECONDS, side by side in the
 *      same run with a bare INSERT of the same Referral row at the same pace. Latency is measured
 *      from each request's scheduled start, so a backlog shows up (no coordinated omission).
 *      Goal: p95 ≤ 50 ms and ≤ 3× the bare insert.
 *  (b) The inbox page query (listReferrals, page 1, and the overdue filter) for an organization
 *      with INBOX referrals. Goal: p95 ≤ 100 ms.
 * Rounds alternate (bare, send, inbox); the median of the rounds' p50/p95 is reported.
 *
 *   npm run bench:referrals                 embedded PostgreSQL (PGlite, in memory)
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:referrals
 *                                           a PostgreSQL server (a scratch database is created and dropped)
 *   RATE=100 SECONDS=10 ROUNDS=3 INBOX=10000 REQUESTS=200   tune the run
 */
import { createServer } from "node:http";
import pg from "pg";
import { Server } from "socket.io";
import { io as connectClient, type Socket } from "socket.io-client";
import { openPglite, openPostgres, type Database } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";
import { installDatabase, db } from "~/utils/db.server";
import { installIo, installSessionSecrets } from "~/utils/runtime.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { currentKeyId, encryptOptional, installFieldKeys } from "~/utils/field-encryption.server";
import { organizationRoom } from "~/realtime/emit.server";
import { sendReferral, noteContext } from "~/modules/referral/service.server";
import type { ServerEventName } from "~/realtime/events";
import { listReferrals } from "~/modules/referral/queries.server";
import { createCoalition, createOrganization, createUser } from "../tests/factories";
import { actorFor, createAuthorization, createClient } from "../tests/consent-factories";
import { referralActor, sendInput } from "../tests/referral-factories";

const RATE = Number(process.env.RATE ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const INBOX = Number(process.env.INBOX ?? 10_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const POOL = Number(process.env.POOL ?? 10); // the server's default pool size

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => n.toFixed(1);

async function openDatabase(): Promise<{ database: Database; cleanup: () => Promise<void>; kind: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    return { database, cleanup: () => database.close(), kind: "PGlite (embedded, in memory, one connection)" };
  }
  const name = `bench_referrals_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: POOL });
  return {
    database,
    kind: `PostgreSQL (${target.host}, pool of ${POOL})`,
    cleanup: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Calls `work` RATE times a second for SECONDS; latency from each call's scheduled start. */
async function paced(work: (i: number) => Promise<unknown>) {
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let failures = 0;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      work(i).then(
        () => void latencies.push(performance.now() - due),
        (error) => {
          failures += 1;
          if (failures <= 3) console.error(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies[latencies.length - 1], achieved: latencies.length / elapsed, failures };
}

async function main() {
  setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: "./data-bench-unused" }));
  installSessionSecrets(["bench-secret-bench-secret-bench-secret-0123"]);
  installFieldKeys([Buffer.alloc(32, 5)]);
  const { database, cleanup, kind } = await openDatabase();
  installDatabase(database);

  // A real Socket.IO server with one client in the recipient's room: the live event is emitted for real.
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", () => r()));
  const port = (http.address() as { port: number }).port;
  let client: Socket | null = null;
  try {
    await applyMigrations(await database.migrationAdapter());
    const coalition = await createCoalition({ slug: "bench-referrals" });
    const hospital = await createOrganization({ coalitionId: coalition.id, name: "Bench Hospital" });
    const foodBank = await createOrganization({ coalitionId: coalition.id, name: "Bench Food Bank" });
    const others = await Promise.all(["Clinic", "Housing", "Legal Aid", "Senior Center"].map((n) => createOrganization({ coalitionId: coalition.id, name: `Bench ${n}` })));
    const careManager = await createUser({ email: "bench.sender@example.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const receiverUser = await createUser({ email: "bench.receiver@example.test", memberships: [{ organizationId: foodBank.id, role: "CARE_MANAGER" }] });
    const custodian = actorFor(careManager.id, hospital.id);
    const clientId = await createClient(custodian, { name: "Bench Client", birthDate: "1970-01-01", preferredLanguage: "en" });
    await createAuthorization(custodian, clientId, { recipientIds: [foodBank.id] });
    const sender = referralActor(careManager.id, hospital.id);
    const receiver = referralActor(receiverUser.id, foodBank.id);

    io.on("connection", (socket) => void socket.join(organizationRoom(foodBank.id)));
    installIo(io);
    client = connectClient(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      client!.once("connect", () => resolve());
      client!.once("connect_error", reject);
    });
    let liveEvents = 0;
    client.on("referral.changed" satisfies ServerEventName<"/">, () => void (liveEvents += 1));

    // (b) data: INBOX referrals to the food bank from five partners, statuses and dates spread over a year.
    const started = performance.now();
    const statuses = ["REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "COMPLETED", "REJECTED", "ON_HOLD", "FAILED", "CANCELLED", "COMPLETED"] as const;
    const senders = [hospital, ...others];
    const cipher = encryptOptional("Needs groceries this week", noteContext("bench"));
    const now = Date.now();
    const rows = Array.from({ length: INBOX }, (_, i) => {
      const sentAt = new Date(now - (i % 365) * 86_400_000 - i * 1000);
      const status = statuses[i % statuses.length];
      return {
        coalitionId: coalition.id, clientId, senderOrganizationId: senders[i % senders.length].id, senderUserId: careManager.id, recipientOrganizationId: foodBank.id,
        sdohCodes: ["food-insecurity"], priority: "ROUTINE" as const, noteCipher: cipher, keyId: currentKeyId(), categories: ["CONTACT_DEMOGRAPHICS" as const, "SOCIAL_NEEDS" as const],
        status, idempotencyKey: crypto.randomUUID(), sentAt, acceptedAt: status === "REQUESTED" || status === "CANCELLED" ? null : new Date(sentAt.getTime() + 86_400_000),
        closedAt: ["COMPLETED", "REJECTED", "FAILED", "CANCELLED"].includes(status) ? new Date(sentAt.getTime() + 5 * 86_400_000) : null,
      };
    });
    for (let i = 0; i < rows.length; i += 2000) await db.referral.createMany({ data: rows.slice(i, i + 2000) });
    await db.$executeRawUnsafe(`ANALYZE "Referral"`);
    const generated = performance.now() - started;

    // The bare insert: the same row sendReferral writes, prepared in advance, one INSERT.
    const bareRow = () => ({ ...rows[0], id: crypto.randomUUID(), senderOrganizationId: hospital.id, status: "REQUESTED" as const, idempotencyKey: crypto.randomUUID(), sentAt: new Date(), acceptedAt: null, closedAt: null });
    const bare = () => db.referral.create({ data: bareRow(), select: { id: true } });
    const send = () => sendReferral({ actor: sender, input: sendInput({ clientId, recipientOrganizationId: foodBank.id }) });
    const inbox = (filter: { overdue: boolean; page: number }) => listReferrals({ actor: receiver, box: "inbox", filter, coalitionId: coalition.id });

    // Warm-up: connections, prepared plans, the JIT.
    for (let i = 0; i < 30; i++) await Promise.all([bare(), send(), inbox({ overdue: false, page: 1 })]);

    const results = { bare: [] as Awaited<ReturnType<typeof paced>>[], send: [] as Awaited<ReturnType<typeof paced>>[], inbox: [] as { p50: number; p95: number }[], overdue: [] as { p50: number; p95: number }[] };
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await paced(() => bare()));
      results.send.push(await paced(() => send()));
      for (const [label, filter] of [["inbox", { overdue: false, page: 1 }], ["overdue", { overdue: true, page: 1 }]] as const) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t0 = performance.now();
          await inbox(filter);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        results[label].push({ p50: quantile(times, 0.5), p95: quantile(times, 0.95) });
      }
    }
    await new Promise((r) => setTimeout(r, 200));
    const sendsTotal = RATE * SECONDS * ROUNDS + 30;
    const page = await inbox({ overdue: false, page: 1 });

    console.info(`\nReferral benchmark on ${kind}; ${ROUNDS} rounds; median of the rounds.`);
    console.info(`Inbox data: ${INBOX.toLocaleString("en-US")} referrals generated and inserted in ${(generated / 1000).toFixed(1)} s; the inbox page lists ${page.rows.length} of ${page.total.toLocaleString("en-US")}.`);
    console.info(`Live events received by the Socket.IO client: ${liveEvents} of ${sendsTotal} sends.\n`);
    console.info(`| ${RATE}/s for ${SECONDS} s | p50 (ms) | p95 (ms) | max (ms) | achieved/s | failures | rounds' p95 |`);
    console.info("|---|---:|---:|---:|---:|---:|---|");
    for (const label of ["bare", "send"] as const) {
      const r = results[label];
      console.info(`| ${label === "bare" ? "bare INSERT" : "sendReferral"} | ${ms(median(r.map((x) => x.p50)))} | ${ms(median(r.map((x) => x.p95)))} | ${ms(median(r.map((x) => x.max)))} | ${median(r.map((x) => x.achieved)).toFixed(0)} | ${r.reduce((s, x) => s + x.failures, 0)} | ${r.map((x) => ms(x.p95)).join(", ")} |`);
    }
    const sendP95 = median(results.send.map((x) => x.p95));
    const bareP95 = median(results.bare.map((x) => x.p95));
    console.info(`\nSend p95 ${ms(sendP95)} ms: goal ≤ 50 ms ${sendP95 <= 50 ? "met" : "missed"}; ${(sendP95 / bareP95).toFixed(1)}× the bare insert: goal ≤ 3× ${sendP95 <= 3 * bareP95 ? "met" : "missed"}.`);
    console.info(`\n| inbox query (${REQUESTS} sequential) | p50 (ms) | p95 (ms) | rounds' p95 | goal p95 ≤ 100 ms |`);
    console.info("|---|---:|---:|---|---|");
    for (const label of ["inbox", "overdue"] as const) {
      const r = results[label];
      const p95 = median(r.map((x) => x.p95));
      console.info(`| ${label === "inbox" ? "page 1" : "page 1, overdue filter"} | ${ms(median(r.map((x) => x.p50)))} | ${ms(p95)} | ${r.map((x) => ms(x.p95)).join(", ")} | ${p95 <= 100 ? "met" : "missed"} |`);
    }
  } finally {
    client?.close();
    installIo(undefined);
    await new Promise<void>((r) => io.close(() => r()));
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
