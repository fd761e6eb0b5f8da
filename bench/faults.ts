/**
 * npm run faults — issue 17's fault suite (ADR 090), printed as one table:
 *   1. kill -9 of one of two nodes on PostgreSQL (TEST_DATABASE_URL or BENCH_DATABASE_URL; a fresh
 *      database is created and dropped) mid-load: referral sends and accepts, consents and
 *      conference messages through both nodes; acknowledged / found / lost / duplicated, and
 *      whether node A's socket clients reconnected to B and got every message they missed.
 *   2. a PostgreSQL restart (pg_ctl restart) mid-load, on a private throw-away cluster (initdb in a
 *      temporary directory, a free port — never the shared server): the longest a request hung,
 *      the 503s and 500s, whether both nodes recovered by themselves, and acknowledged sends.
 * Loopback only, bounded in count and time. Sizes: SENDERS, PARTICIPANTS, BEFORE_KILL, AFTER_KILL,
 * READERS. Exits 1 when anything acknowledged was lost or duplicated, a 500 was seen, a request
 * hung longer than 5 s, or a node did not recover.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run faults
 */
import os from "node:os";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { killNode, printTable, restartDatabase, type KillResult, type RestartResult } from "../tests/e2e/faults";

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const HANG_LIMIT_MS = 5000;

async function main() {
  if (!postgresUrl) throw new Error("Set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server: the kill runs two nodes on it.");
  await buildIfStale({ log: (m: string) => console.info(`[faults] ${m}`) });
  const started = Date.now();
  console.info("[faults] 1/2 kill -9 of node A mid-load…");
  const kill: KillResult = await killNode({ postgresUrl, senders: n("SENDERS", 8), participants: n("PARTICIPANTS", 8), beforeKill: n("BEFORE_KILL", 100), afterKill: n("AFTER_KILL", 100) });
  console.info("[faults] 2/2 PostgreSQL restart mid-load (private cluster)…");
  const restart: RestartResult = await restartDatabase({ readers: n("READERS", 8), senders: n("SENDERS", 8) / 2 });
  console.info(`\nFaults on two nodes (loopback), ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores.\n`);
  printTable(kill, restart);
  const bad =
    [...kill.tallies, ...restart.tallies].some((t) => t.lost || t.duplicated) ||
    kill.sockets.missedMessages > 0 ||
    kill.sockets.reconnected < kill.sockets.onKilledNode ||
    restart.during.status500 > 0 ||
    restart.maxHangMs > HANG_LIMIT_MS ||
    !restart.recovered;
  return bad ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
