/**
 * npm run bench:conference — 200 simulated participants in one conference room (socket.io-client),
 * delivery latency p50/p99 and delivered messages per second, side by side with a raw Socket.IO
 * echo (no auth, no detector, no database) in the same run and on the same machine.
 * With TEST_DATABASE_URL set, also across two server processes on PostgreSQL (participants split
 * between the nodes, senders on node A). Loopback only; bounded in count and time.
 *
 *   PARTICIPANTS=200 SENDERS=20 RATE=20 SECONDS=10 npm run bench:conference
 */
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { Server } from "socket.io";
import { io, type Socket } from "socket.io-client";
import pg from "pg";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { signInOverHttp } from "../tests/e2e/http";
import { freePort, startServer, type RunningServer } from "../tests/e2e/server";

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 200);
const SENDERS = Number(process.env.SENDERS ?? 20); // the room's rate limit is per socket: spread the load
const RATE = Number(process.env.RATE ?? 20); // messages per second, all senders together
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONFERENCE = "6c0f0e6e-0000-4000-8000-000000000601"; // the demo seed's upcoming conference
const PEOPLE = ["director@hospital.demo.test", "director@foodbank.demo.test", "care.manager@hospital.demo.test", "care.manager@foodbank.demo.test"];

type Result = { label: string; sent: number; deliveries: number; expected: number; p50: number; p99: number; max: number; perSecond: number };

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

function connect(url: string, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false, timeout: 10_000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Sends RATE msgs/s for SECONDS from the senders; every other socket records the delivery latency. */
async function run(label: string, sockets: Socket[], senders: Socket[], send: (socket: Socket, body: string) => Promise<void>): Promise<Result> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const s of sockets) {
    s.on("message:new", (m: { body: string }) => {
      const t = sentAt.get(m.body);
      if (t !== undefined) latencies.push(performance.now() - t);
    });
  }
  const total = RATE * SECONDS;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = `${label.split(" ")[0].replace(/\W/g, "")} run, point ${i}: let us try the volunteer drivers first`;
    sentAt.set(body, performance.now());
    pending.push(send(senders[i % senders.length], body));
  }
  await Promise.all(pending);
  const expected = total * (sockets.length - 1); // everyone but the sender
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  for (const s of sockets) s.removeAllListeners("message:new");
  latencies.sort((a, b) => a - b);
  return { label, sent: total, deliveries: latencies.length, expected, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1], perSecond: latencies.length / elapsed };
}

async function rawEcho(): Promise<Result> {
  const port = await freePort();
  const http = createServer();
  const server = new Server(http);
  server.on("connection", (socket) => {
    socket.join("room");
    socket.on("message:send", (payload: { body: string }, ack: (r: unknown) => void) => {
      ack({ ok: true });
      socket.to("room").emit("message:new", payload);
    });
  });
  await new Promise<void>((r) => http.listen(port, "127.0.0.1", () => r()));
  const sockets: Socket[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) sockets.push(await connect(`http://127.0.0.1:${port}`));
  for (const s of sockets.slice(0, SENDERS)) await s.timeout(10_000).emitWithAck("message:send", { body: "warm-up" });
  await new Promise((r) => setTimeout(r, 1500));
  const result = await run("raw echo", sockets, sockets.slice(0, SENDERS), async (s, body) => {
    await s.timeout(10_000).emitWithAck("message:send", { body });
  });
  for (const s of sockets) s.close();
  await new Promise<void>((r) => server.close(() => r()));
  return result;
}

async function conference(label: string, urls: string[]): Promise<Result> {
  const cookies = new Map<string, string>();
  for (const url of urls) for (const email of PEOPLE) cookies.set(`${url} ${email}`, await signInOverHttp(url, email));
  const sockets: Socket[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const url = urls[i % urls.length];
    const socket = await connect(`${url}/conferences`, cookies.get(`${url} ${PEOPLE[i % PEOPLE.length]}`));
    const ack = await socket.timeout(10_000).emitWithAck("join", { conferenceId: CONFERENCE, sinceSeq: 1_000_000 });
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    sockets.push(socket);
  }
  // Senders on the first node (index 0, 2, 4 … when there are two nodes).
  const senders = sockets.filter((_, i) => i % urls.length === 0).slice(0, SENDERS);
  // Warm-up (not measured): JIT, connection pools, the first transactions.
  for (const [i, s] of senders.entries()) await s.timeout(10_000).emitWithAck("message:send", { conferenceId: CONFERENCE, body: `warm-up point ${i}`, clientId: `w${i}` });
  await new Promise((r) => setTimeout(r, 1500));
  const result = await run(label, sockets, senders, async (s, body) => {
    const ack = await s.timeout(10_000).emitWithAck("message:send", { conferenceId: CONFERENCE, body, clientId: body.slice(0, 60) });
    if (!ack.ok) throw new Error(`send refused: ${ack.code} ${ack.error}`);
  });
  for (const s of sockets) s.close();
  return result;
}

async function twoNodes(): Promise<{ servers: RunningServer[]; cleanup: () => Promise<void> } | null> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const dbName = `hub_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const env = { DATABASE_URL: url.toString(), SESSION_SECRET: "bench-two-node-secret-0123456789-abcdefghij", FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"), LOGIN_RATE_LIMIT: "1000" };
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], { env: { ...process.env, ...env }, stdio: "pipe" });
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "seed"], { env: { ...process.env, ...env }, stdio: "pipe" });
  const servers = await Promise.all([startServer({ env }), startServer({ env })]);
  return {
    servers,
    cleanup: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

async function main() {
  await buildIfStale({ log: (m: string) => console.info(`[bench] ${m}`) });
  console.info(`${PARTICIPANTS} participants, ${SENDERS} senders, ${RATE} messages/s for ${SECONDS} s`);
  const results: Result[] = [await rawEcho()];
  const server = await startServer();
  try {
    results.push(await conference("conference, one node (embedded PostgreSQL)", [server.url]));
  } finally {
    await server.stop();
  }
  const cluster = await twoNodes();
  if (cluster) {
    try {
      results.push(await conference("conference, two nodes (PostgreSQL adapter)", cluster.servers.map((s) => s.url)));
    } finally {
      await cluster.cleanup();
    }
  } else console.info("(two nodes skipped: set TEST_DATABASE_URL)");

  console.info("\nrun                                          delivered/expected   p50 ms   p99 ms   max ms   deliveries/s");
  for (const r of results) console.info(`${r.label.padEnd(44)} ${`${r.deliveries}/${r.expected}`.padStart(18)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ${fmt(r.max).padStart(8)} ${fmt(r.perSecond).padStart(14)}`);
  const raw = results[0];
  for (const r of results.slice(1)) console.info(`${r.label}: ${(r.perSecond / raw.perSecond).toFixed(2)}× raw throughput at the same offered load`);
  const lost = results.some((r) => r.deliveries < r.expected);
  if (lost) {
    console.error("Some deliveries did not arrive within 10 s.");
    process.exitCode = 1;
  }
}

await main();
