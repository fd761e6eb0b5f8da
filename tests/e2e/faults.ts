/**
 * The faults suite of issue 17 (ADR 090), shared by `npm run faults` (bench/faults.ts, larger
 * counts) and its short version in `npm test` (tests/e2e/faults.test.ts):
 *
 * - killNode: two nodes on one PostgreSQL database, clients spread across both — care managers
 *   sending referrals (idempotency key), the food bank accepting them (version check), a care
 *   manager recording consents (idempotency key), conference participants posting over sockets
 *   (client message id). Node A is killed with SIGKILL mid-load. A write whose answer did not
 *   arrive is sent again, as it was, to node B (what a browser or a proxy does); A's socket
 *   clients reconnect to B and re-join "since message N". Afterwards the database is counted.
 * - restartDatabase: two nodes on a private PostgreSQL cluster (never the shared one), pages and
 *   sends on both while the cluster is restarted with `pg_ctl restart`: every answer's time and
 *   status is recorded (the longest a request hung, how many 503s, any 500), then how long until
 *   both nodes answer pages again by themselves; sends refused during the outage are sent again
 *   afterwards with their keys, and every acknowledged one is counted.
 *
 * Loopback only; bounded in count and time (every wait has a deadline).
 */
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { signInOverHttp, demoReferralTarget } from "./http";
import { startTwoNodes, type RunningServer, type TwoNodes } from "./server";
import { startPrivatePostgres } from "./private-postgres";

/** The demo seed's upcoming conference (hospital hosts; the food bank is invited). */
export const DEMO_CONFERENCE = "6c0f0e6e-0000-4000-8000-000000000601";

export type Tally = { write: string; acknowledged: number; found: number; lost: number; duplicated: number; retried: number };
export type KillResult = { tallies: Tally[]; sockets: { onKilledNode: number; reconnected: number; missedMessages: number; messagesInRoom: number }; errors: string[] };
export type RestartResult = {
  tallies: Tally[];
  requests: number;
  during: { answered: number; status503: number; status500: number; otherErrors: number; friendlyPage: boolean | null };
  maxHangMs: number;
  restartMs: number;
  recoveredMs: number | null;
  recovered: boolean;
  errors: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

type Target = { clientId: string; recipientId: string };


class Refused extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function post(base: string, path: string, cookie: string, body: URLSearchParams, timeoutMs = 15_000) {
  const res = await fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" }, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  return { status: res.status, location: res.headers.get("location"), text };
}

function referralForm(target: Target, key: string) {
  const body = new URLSearchParams({ intent: "send", clientId: target.clientId, recipientOrganizationId: target.recipientId, sdohCodes: "food-insecurity", priority: "ROUTINE", idempotencyKey: key });
  body.append("categories", "CONTACT_DEMOGRAPHICS");
  body.append("categories", "SOCIAL_NEEDS");
  return body;
}

/** A referral send: acknowledged = the redirect to the new referral. */
async function sendReferral(base: string, cookie: string, target: Target, key: string): Promise<string> {
  const res = await post(base, "/referrals/new", cookie, referralForm(target, key));
  if (res.status !== 302 || !res.location?.startsWith("/referrals/")) throw new Refused(res.status);
  return res.location.slice("/referrals/".length).split("?")[0];
}

/** Accepting a referral at version 1: acknowledged = 200. A retry that finds it already accepted gets 409. */
async function acceptReferral(base: string, cookie: string, referralId: string): Promise<"accepted" | "conflict"> {
  const res = await post(base, `/referrals/${referralId}`, cookie, new URLSearchParams({ intent: "transition", to: "ACCEPTED", version: "1" }));
  if (res.status === 200) return "accepted";
  if (res.status === 409) return "conflict";
  throw new Refused(res.status);
}

function consentForm(target: Target, key: string, today: string) {
  const body = new URLSearchParams({
    intent: "record", form: "GENERAL", purpose: `Food assistance follow-up ${key}`, language: "en", effectiveDate: today, expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on", signerKind: "CLIENT", signerName: "Robert Kline", signatureMethod: "TYPED", signatureTyped: "Robert Kline", idempotencyKey: key,
  });
  body.append("categories", "CONTACT_DEMOGRAPHICS");
  body.append("recipientIds", target.recipientId);
  return body;
}

/** Recording a consent: acknowledged = the redirect back to the client. */
async function recordConsent(base: string, cookie: string, target: Target, key: string, today: string) {
  const res = await post(base, `/clients/${target.clientId}/authorize`, cookie, consentForm(target, key, today));
  if (res.status !== 302) throw new Refused(res.status);
}

/**
 * One write, answered or retried: on node `first`; if no answer arrives (connection refused or
 * cut, a 5xx), the same request again on the node that is up, up to `attempts` times. The count
 * of retries is kept.
 */
async function withRetry<T>(nodes: () => string[], first: string, op: (base: string) => Promise<T>, onRetry: () => void, attempts = 6): Promise<T> {
  let base = first;
  for (let i = 1; ; i++) {
    try {
      return await op(base);
    } catch (error) {
      if (error instanceof Refused && error.status < 500) throw error;
      if (i >= attempts) throw error;
      onRetry();
      await sleep(Math.min(2000, 100 * 2 ** i));
      const up = nodes();
      base = up[i % up.length];
    }
  }
}

// --- sockets ------------------------------------------------------------------------------------

type Ack = { ok: boolean; code?: string; error?: string; message?: { seq: number }; messages?: { seq: number }[] };

/** A conference participant: posts, keeps every message it receives, re-joins "since message N" on another node when its node dies. */
class Participant {
  seen = new Set<number>();
  lastSeq = 0;
  acknowledged = new Map<string, number>();
  pending: string[] = [];
  socket: Socket | null = null;
  reconnects = 0;
  retried = 0;
  stopped = false;
  startedOn: string;

  constructor(
    readonly cookie: string,
    readonly nodes: () => string[],
    first: string,
  ) {
    this.startedOn = first;
  }

  private take(messages: { seq: number }[] = []) {
    for (const m of messages) {
      this.seen.add(m.seq);
      this.lastSeq = Math.max(this.lastSeq, m.seq);
    }
  }

  async connect(base: string) {
    const socket = io(`${base}/conferences`, { transports: ["websocket"], extraHeaders: { cookie: this.cookie }, reconnection: false, timeout: 5000 });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.on("message:new", (m: { seq: number }) => {
      const gap = m.seq > this.lastSeq + 1;
      const since = this.lastSeq;
      this.take([m]);
      if (gap) void (socket.timeout(5000).emitWithAck("messages:since", { conferenceId: DEMO_CONFERENCE, sinceSeq: since }) as Promise<Ack>).then((a) => this.take(a.messages), () => {});
    });
    const ack = (await socket.timeout(10_000).emitWithAck("join", { conferenceId: DEMO_CONFERENCE, sinceSeq: this.lastSeq })) as Ack;
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    this.take(ack.messages);
    this.socket = socket;
    socket.once("disconnect", () => {
      if (this.socket === socket) this.socket = null;
      if (!this.stopped) void this.reconnect();
    });
  }

  private async reconnect() {
    for (let i = 0; i < 20 && !this.stopped; i++) {
      await sleep(200);
      try {
        const up = this.nodes();
        await this.connect(up[i % up.length]);
        this.reconnects += 1;
        return;
      } catch {
        /* that node is not up either: try again */
      }
    }
  }

  /** Posts one message; a send whose acknowledgement does not arrive is kept and sent again, with its id, once connected. */
  async post(n: number) {
    const clientId = this.pending.shift() ?? randomUUID();
    const socket = this.socket;
    if (!socket) {
      this.pending.unshift(clientId);
      return;
    }
    try {
      const ack = (await socket.timeout(8000).emitWithAck("message:send", { conferenceId: DEMO_CONFERENCE, body: `Checking in on the pantry schedule, note ${["one", "two", "three", "four"][n % 4]}.`, clientId })) as Ack;
      if (ack.ok && ack.message) {
        this.acknowledged.set(clientId, ack.message.seq);
        this.take([ack.message]);
      } else this.pending.unshift(clientId); // refused (rate limit, a node going away): the same message again later
    } catch {
      this.retried += 1;
      this.pending.unshift(clientId);
    }
  }

  close() {
    this.stopped = true;
    this.socket?.close();
  }
}

async function dbQuery<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function tally(write: string, acknowledged: string[], counts: Map<string, number>, retried: number): Tally {
  const found = acknowledged.filter((k) => (counts.get(k) ?? 0) > 0).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  return { write, acknowledged: acknowledged.length, found, lost: acknowledged.length - found, duplicated, retried };
}

// --- kill -9 a node -----------------------------------------------------------------------------

export async function killNode({ postgresUrl, senders = 4, participants = 4, beforeKill = 20, afterKill = 20, log = console.info }: { postgresUrl: string; senders?: number; participants?: number; beforeKill?: number; afterKill?: number; log?: (m: string) => void }): Promise<KillResult> {
  const nodes: TwoNodes = await startTwoNodes(postgresUrl, "faults_kill");
  const errors: string[] = [];
  const people: Participant[] = [];
  try {
    const { nodeA, nodeB } = nodes;
    let killed = false;
    const up = () => (killed ? [nodeB.url] : [nodeA.url, nodeB.url]);
    const care = await signInOverHttp(nodeB.url, "care.manager@hospital.demo.test"); // sessions live in the database: valid on both
    const foodbank = await signInOverHttp(nodeB.url, "director@foodbank.demo.test");
    const target = await demoReferralTarget(nodeB.url, care);
    const today = new Date().toISOString().slice(0, 10);

    for (let i = 0; i < participants; i++) {
      const who = i % 2 === 0 ? "director@hospital.demo.test" : "director@foodbank.demo.test";
      const p = new Participant(await signInOverHttp(nodeB.url, who), up, i % 2 === 0 ? nodeA.url : nodeB.url);
      await p.connect(p.startedOn);
      people.push(p);
    }

    const sent = new Map<string, string>(); // idempotency key → referral id
    const accepted = new Set<string>();
    const consents: string[] = [];
    const retries = { sent: 0, accepted: 0, consents: 0, messages: 0 };
    let stop = false;
    const toAccept: string[] = [];

    const sendLoop = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const key = randomUUID();
        const first = up()[(i + n) % up().length];
        try {
          const id = await withRetry(up, first, (base) => sendReferral(base, care, target, key), () => (retries.sent += 1));
          sent.set(key, id);
          toAccept.push(id);
        } catch (error) {
          errors.push(`send: ${error instanceof Error ? error.message : error}`);
        }
      }
    };
    const acceptLoop = async () => {
      for (let n = 0; !stop || toAccept.length; n++) {
        const id = toAccept.shift();
        if (!id) {
          await sleep(20);
          continue;
        }
        try {
          let retriedThis = false;
          const answer = await withRetry(up, up()[n % up().length], (base) => acceptReferral(base, foodbank, id), () => {
            retries.accepted += 1;
            retriedThis = true;
          });
          // A 409 on a retry: the first try was applied before the node died; the page shows it accepted.
          if (answer === "accepted" || retriedThis) accepted.add(id);
          else errors.push(`accept ${id}: conflict without a retry`);
        } catch (error) {
          errors.push(`accept: ${error instanceof Error ? error.message : error}`);
        }
      }
    };
    const consentLoop = async () => {
      for (let n = 0; !stop; n++) {
        const key = randomUUID();
        try {
          await withRetry(up, up()[n % up().length], (base) => recordConsent(base, care, target, key, today), () => (retries.consents += 1));
          consents.push(key);
        } catch (error) {
          errors.push(`consent: ${error instanceof Error ? error.message : error}`);
        }
      }
    };
    const chatLoop = async (p: Participant) => {
      for (let n = 0; !stop; n++) {
        await p.post(n);
        await sleep(500);
      }
      // What is still unacknowledged is sent again (same ids) until answered or the deadline.
      const deadline = Date.now() + 15_000;
      while (p.pending.length && Date.now() < deadline) {
        await p.post(0);
        await sleep(300);
      }
    };

    const loops = [...Array.from({ length: senders }, (_, i) => sendLoop(i)), acceptLoop(), consentLoop(), ...people.map(chatLoop)];
    await until(() => sent.size >= beforeKill || errors.length > 0, 120_000, `${beforeKill} acknowledged sends before the kill`);
    killed = true;
    process.kill(nodeA.pid, "SIGKILL");
    await nodeA.exited;
    log(`[faults] node A killed after ${sent.size} acknowledged sends`);
    const atKill = sent.size;
    await until(() => sent.size >= atKill + afterKill || errors.length > 20, 180_000, `${afterKill} acknowledged sends after the kill`);
    stop = true;
    await Promise.all(loops);
    await sleep(1000); // the last broadcasts

    for (const p of people) retries.messages += p.retried;
    const dbUrl = nodes.databaseUrl;
    const sentRows = await dbQuery<{ key: string; n: number }>(dbUrl, `SELECT "idempotencyKey" AS key, count(*)::int AS n FROM "Referral" WHERE "idempotencyKey" = ANY($1::text[]) GROUP BY 1`, [[...sent.keys()]]);
    const acceptRows = await dbQuery<{ id: string; n: number }>(dbUrl, `SELECT "referralId"::text AS id, count(*)::int AS n FROM "ReferralEvent" WHERE "toStatus" = 'ACCEPTED' AND "referralId" = ANY($1::uuid[]) GROUP BY 1`, [[...sent.values()]]);
    const consentRows = await dbQuery<{ purpose: string; n: number }>(dbUrl, `SELECT purpose, count(*)::int AS n FROM "ConsentAuthorization" WHERE purpose LIKE 'Food assistance follow-up %' GROUP BY 1`);
    const messageRows = await dbQuery<{ key: string; n: number; seq: number }>(dbUrl, `SELECT "clientMessageId" AS key, count(*)::int AS n, min(seq) AS seq FROM "ConferenceMessage" WHERE "conferenceId" = $1 AND "clientMessageId" IS NOT NULL GROUP BY 1`, [DEMO_CONFERENCE]);
    const allSeqs = (await dbQuery<{ seq: number }>(dbUrl, `SELECT seq FROM "ConferenceMessage" WHERE "conferenceId" = $1`, [DEMO_CONFERENCE])).map((r) => r.seq);

    const tallies = [
      tally("referral sent", [...sent.keys()], new Map(sentRows.map((r) => [r.key, r.n])), retries.sent),
      tally("referral accepted", [...accepted], new Map(acceptRows.map((r) => [r.id, r.n])), retries.accepted),
      tally("consent recorded", consents, new Map(consentRows.map((r) => [r.purpose.slice("Food assistance follow-up ".length), r.n])), retries.consents),
      tally("conference message", people.flatMap((p) => [...p.acknowledged.keys()]), new Map(messageRows.map((r) => [r.key, r.n])), retries.messages),
    ];
    const killedNodeClients = people.filter((p) => p.startedOn === nodeA.url);
    const missedMessages = people.reduce((sum, p) => sum + allSeqs.filter((s) => !p.seen.has(s)).length, 0);
    return {
      tallies,
      sockets: { onKilledNode: killedNodeClients.length, reconnected: killedNodeClients.filter((p) => p.reconnects > 0).length, missedMessages, messagesInRoom: allSeqs.length },
      errors,
    };
  } finally {
    for (const p of people) p.close();
    await nodes.stop();
  }
}

// --- restart the database -----------------------------------------------------------------------

export async function restartDatabase({ readers = 4, senders = 2, outageWindowMs = 6000, log = console.info }: { readers?: number; senders?: number; outageWindowMs?: number; log?: (m: string) => void } = {}): Promise<RestartResult> {
  const cluster = await startPrivatePostgres();
  let nodes: TwoNodes | null = null;
  const errors: string[] = [];
  try {
    nodes = await startTwoNodes(cluster.url, "faults_restart");
    const both: RunningServer[] = [nodes.nodeA, nodes.nodeB];
    const up = () => both.map((n) => n.url);
    const care = await signInOverHttp(nodes.nodeA.url, "care.manager@hospital.demo.test");
    const target = await demoReferralTarget(nodes.nodeA.url, care);

    type Sample = { start: number; ms: number; status: number | "error"; friendly?: boolean };
    const samples: Sample[] = [];
    let stop = false;
    const acknowledged = new Map<string, string>();
    const refused: string[] = [];
    let retried = 0;

    const readLoop = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const base = both[(i + n) % 2].url;
        const start = Date.now();
        try {
          const res = await fetch(`${base}/referrals`, { headers: { cookie: care }, signal: AbortSignal.timeout(30_000) });
          const text = await res.text();
          samples.push({ start, ms: Date.now() - start, status: res.status, friendly: res.status === 503 ? /cannot reach its database/.test(text) : undefined });
        } catch {
          samples.push({ start, ms: Date.now() - start, status: "error" });
        }
        await sleep(25);
      }
    };
    const sendLoop = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const key = randomUUID();
        const base = both[(i + n) % 2].url;
        const start = Date.now();
        try {
          const res = await post(base, "/referrals/new", care, referralForm(target, key), 30_000);
          samples.push({ start, ms: Date.now() - start, status: res.status });
          if (res.status === 302) acknowledged.set(key, res.location ?? "");
          else refused.push(key);
        } catch {
          samples.push({ start, ms: Date.now() - start, status: "error" });
          refused.push(key);
        }
        await sleep(50);
      }
    };

    const loops = [...Array.from({ length: readers }, (_, i) => readLoop(i)), ...Array.from({ length: senders }, (_, i) => sendLoop(i))];
    await sleep(1500);
    const restartAt = Date.now();
    const { ms: restartMs } = await cluster.restart();
    log(`[faults] pg_ctl restart took ${restartMs} ms`);
    // Recovery: both nodes answer a page (200) again, by themselves.
    let recoveredMs: number | null = null;
    const recoverDeadline = Date.now() + 60_000;
    while (Date.now() < recoverDeadline) {
      const servesPage = async (n: RunningServer) => {
        try {
          const r = await fetch(`${n.url}/referrals`, { headers: { cookie: care }, signal: AbortSignal.timeout(10_000) });
          await r.text(); // the body too: a timeout while reading it is "not yet", not a crash of the suite
          return r.status === 200;
        } catch {
          return false;
        }
      };
      const ok = await Promise.all(both.map(servesPage));
      const ready = await Promise.all(both.map((n) => fetch(`${n.url}/readyz`).then((r) => r.status === 200, () => false)));
      if (ok.every(Boolean) && ready.every(Boolean)) {
        recoveredMs = Date.now() - restartAt;
        break;
      }
      await sleep(100);
    }
    await sleep(Math.max(0, outageWindowMs - (Date.now() - restartAt)));
    stop = true;
    await Promise.all(loops);

    // What the outage refused, sent again with the same keys (what a person does after the friendly
    // page), within a deadline: a node that never came back must not keep the suite running.
    const resendDeadline = Date.now() + 60_000;
    for (const key of refused) {
      if (!recoveredMs || Date.now() > resendDeadline) {
        errors.push(`${refused.length} refused sends not sent again: ${recoveredMs ? "deadline" : "the nodes did not recover"}`);
        break;
      }
      try {
        const id = await withRetry(up, up()[0], (base) => sendReferral(base, care, target, key), () => (retried += 1));
        acknowledged.set(key, `/referrals/${id}`);
      } catch (error) {
        errors.push(`resend: ${error instanceof Error ? error.message : error}`);
      }
    }
    retried += refused.length;

    // A node that died: say why (the end of its output, without request lines).
    for (const [name, node] of [["A", nodes.nodeA], ["B", nodes.nodeB]] as const) {
      const exit = await Promise.race([node.exited, sleep(10).then(() => "running" as const)]);
      if (exit !== "running") errors.push(`node ${name} exited with ${exit}: ${node.output().split("\n").filter((l) => !l.includes('"msg":"request"')).slice(-40).join("\n")}`);
    }
    const rows = await dbQuery<{ key: string; n: number }>(nodes.databaseUrl, `SELECT "idempotencyKey" AS key, count(*)::int AS n FROM "Referral" WHERE "idempotencyKey" = ANY($1::text[]) GROUP BY 1`, [[...acknowledged.keys()]]);
    const during = samples.filter((s) => s.start >= restartAt - 200 && s.start <= restartAt + restartMs + 2000);
    const errorSamples = samples.filter((s) => s.status !== 200 && s.status !== 302);
    return {
      tallies: [tally("referral sent", [...acknowledged.keys()], new Map(rows.map((r) => [r.key, r.n])), retried)],
      requests: samples.length,
      during: {
        answered: during.length,
        status503: errorSamples.filter((s) => s.status === 503).length,
        status500: errorSamples.filter((s) => s.status === 500).length,
        otherErrors: errorSamples.filter((s) => s.status !== 503 && s.status !== 500).length,
        // Pages (GET) that answered 503 show the friendly page; sends answer their form with the same message.
        friendlyPage: errorSamples.some((s) => s.friendly !== undefined) ? errorSamples.every((s) => s.friendly !== false) : null,
      },
      maxHangMs: Math.max(0, ...samples.filter((s) => s.start >= restartAt - 500).map((s) => s.ms)),
      restartMs,
      recoveredMs,
      recovered: recoveredMs !== null,
      errors: [...errors, ...errorSamples.filter((s) => s.status !== 503).map((s) => `${s.status} after ${s.ms} ms`)],
    };
  } finally {
    await nodes?.stop();
    cluster.stop();
  }
}

export function printTable(kill: KillResult | null, restart: RestartResult | null, print = console.info) {
  print("| fault | write | acknowledged | found | lost | duplicated | retried |\n|---|---|---:|---:|---:|---:|---:|");
  for (const [name, result] of [["kill -9 node A", kill], ["PostgreSQL restart", restart]] as const) {
    for (const t of result?.tallies ?? []) print(`| ${name} | ${t.write} | ${t.acknowledged} | ${t.found} | ${t.lost} | ${t.duplicated} | ${t.retried} |`);
  }
  if (kill) {
    const s = kill.sockets;
    print(`\nkill -9: ${s.onKilledNode} socket clients of node A, ${s.reconnected} reconnected to node B; conference messages missed by any client: ${s.missedMessages} (of ${s.messagesInRoom} in the room). Errors: ${kill.errors.length}${kill.errors.length ? ` (${kill.errors.slice(0, 5).join("; ")})` : ""}`);
  }
  if (restart) {
    const d = restart.during;
    print(
      `PostgreSQL restart (pg_ctl restart, ${restart.restartMs} ms): ${restart.requests} requests; failed during the outage: ${d.status503} × 503 (friendly page: ${d.friendlyPage === null ? "no page refused" : d.friendlyPage ? "yes" : "NO"}), ${d.status500} × 500, ${d.otherErrors} other; longest request: ${restart.maxHangMs} ms; both nodes recovered by themselves: ${restart.recovered ? `yes, ${restart.recoveredMs} ms after the restart began` : "NO"}.`,
    );
  }
}
