/**
 * npm run load — mixed HTTP load on two server processes sharing one PostgreSQL database
 * (TEST_DATABASE_URL or BENCH_DATABASE_URL; a fresh database is created, seeded and dropped).
 * USERS simulated users (default 200) for SECONDS (default 300), split over the actions below and
 * over both nodes, each a keep-alive connection driven by autocannon: care managers browsing
 * the inbox, the client list and a client page and sending referrals (each with a new
 * idempotency key), directors on the flow and aims pages. Prints per action p50/p95/p99 (ms),
 * requests and errors (status ≥ 400, timeouts, socket errors), and each node's resident memory
 * after warm-up and at the end (from its /metrics). Loopback only; bounded in count and time.
 * Not covered yet: the 200-person conference over sockets (see npm run bench:conference).
 *
 *   USERS=200 SECONDS=300 TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run load
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { signInOverHttp, demoReferralTarget } from "../tests/e2e/http";
import { startTwoNodes, type RunningServer } from "../tests/e2e/server";

const USERS = Number(process.env.USERS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 300);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? Math.min(30, Math.ceil(SECONDS / 10)));
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type Action = { name: string; share: number; who: "care" | "director"; request: (ctx: Ctx) => autocannon.Request };
type Ctx = { clientId: string; recipientId: string };

const ACTIONS: Action[] = [
  { name: "inbox page", share: 0.2, who: "care", request: () => ({ method: "GET", path: "/referrals" }) },
  { name: "clients page", share: 0.15, who: "care", request: () => ({ method: "GET", path: "/clients" }) },
  { name: "open a client (consent-checked)", share: 0.15, who: "care", request: (c) => ({ method: "GET", path: `/clients/${c.clientId}` }) },
  { name: "map page", share: 0.1, who: "care", request: () => ({ method: "GET", path: "/map" }) },
  {
    name: "send a referral",
    share: 0.2,
    who: "care",
    request: (c) => ({
      method: "POST",
      path: "/referrals/new",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      setupRequest: (req) => ({
        ...req,
        body: `intent=send&clientId=${c.clientId}&recipientOrganizationId=${c.recipientId}&sdohCodes=food-insecurity&priority=ROUTINE&categories=CONTACT_DEMOGRAPHICS&categories=SOCIAL_NEEDS&idempotencyKey=${randomUUID()}`,
      }),
    }),
  },
  { name: "flow page (director)", share: 0.1, who: "director", request: () => ({ method: "GET", path: "/referrals/flow" }) },
  { name: "aims page (director)", share: 0.1, who: "director", request: () => ({ method: "GET", path: "/aims" }) },
];

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

async function memoryMb(node: RunningServer) {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const bytes = Number(/^process_resident_memory_bytes (\d+(\.\d+)?)/m.exec(text)?.[1] ?? NaN);
  return bytes / 1024 / 1024;
}


async function main() {
  if (!postgresUrl) throw new Error("Set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server: the load runs on two nodes sharing it.");
  await buildIfStale({ log: (m: string) => console.info(`[load] ${m}`) });
  console.info(`[load] starting two nodes on a fresh database (migrate + seed)…`);
  const nodes = await startTwoNodes(postgresUrl, "load");
  try {
    const both = [nodes.nodeA, nodes.nodeB];
    const care = await signInOverHttp(nodes.nodeA.url, "care.manager@hospital.demo.test");
    const director = await signInOverHttp(nodes.nodeA.url, "director@hospital.demo.test");
    const ctx = await demoReferralTarget(nodes.nodeA.url, care);

    const run = (seconds: number, record: boolean) =>
      Promise.all(
        ACTIONS.flatMap((action) =>
          both.map((node) => {
            const connections = Math.max(1, Math.round((USERS * action.share) / both.length));
            const latencies: number[] = [];
            let errors = 0;
            return new Promise<{ action: string; latencies: number[]; errors: number }>((resolve, reject) => {
              const instance = autocannon(
                {
                  url: node.url,
                  connections,
                  duration: seconds,
                  timeout: 10,
                  headers: { cookie: action.who === "care" ? care : director, origin: node.url },
                  requests: [action.request(ctx)],
                },
                (error, result) => (error ? reject(error) : resolve({ action: action.name, latencies, errors: errors + (record ? result.errors + result.timeouts : 0) })),
              );
              instance.on("response", (_client, status, _bytes, ms) => {
                if (!record) return;
                latencies.push(ms);
                if (status >= 400) errors += 1;
              });
            });
          }),
        ),
      );

    console.info(`[load] warm-up ${WARMUP_SECONDS} s…`);
    await run(WARMUP_SECONDS, false);
    const memStart = await Promise.all(both.map(memoryMb));
    console.info(`[load] ${USERS} users for ${SECONDS} s on two nodes…`);
    const results = await run(SECONDS, true);
    const memEnd = await Promise.all(both.map(memoryMb));

    console.info(`\n${USERS} users, ${SECONDS} s, two nodes on PostgreSQL (loopback). Latency in ms, measured by autocannon from each response.`);
    console.info("| action | requests | p50 | p95 | p99 | errors |\n|---|---:|---:|---:|---:|---:|");
    for (const action of ACTIONS) {
      const mine = results.filter((r) => r.action === action.name);
      const all = mine.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const errors = mine.reduce((s, r) => s + r.errors, 0);
      console.info(`| ${action.name} | ${all.length} | ${fmt(quantile(all, 0.5))} | ${fmt(quantile(all, 0.95))} | ${fmt(quantile(all, 0.99))} | ${errors} |`);
    }
    console.info("\n| node | memory after warm-up (MB) | memory at end (MB) | growth |\n|---|---:|---:|---:|");
    both.forEach((_, i) => console.info(`| ${i === 0 ? "A" : "B"} | ${fmt(memStart[i])} | ${fmt(memEnd[i])} | ${fmt(((memEnd[i] - memStart[i]) / memStart[i]) * 100)} % |`));
    console.info(`\nGoals (issue 17): 0 errors; send p95 ≤ 50 ms; pages p95 ≤ 300 ms; memory growth < 10 % after warm-up. Load average at the end: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  } finally {
    await nodes.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
