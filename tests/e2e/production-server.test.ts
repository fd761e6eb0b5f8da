/**
 * The production server as it runs in production (the compiled build/node/index.js, NODE_ENV=
 * production), on a fresh seeded embedded database:
 *   - /readyz and /metrics answer;
 *   - the JSON logs of a care manager's journey through every demo client (list, search by name,
 *     client pages, a referral sent with a note naming the client, the receiver opening it) hold
 *     no demo client's name or birth date, and every request line carries a request id;
 *   - SIGTERM in the middle of a load of keep-alive clients: every request the server received
 *     is answered 2xx; new connections are refused (a proxy sends them to another node); the
 *     process exits 0 on its own. Docs: docs/decisions/085-production-server.md.
 */
import { seededDemoClients } from "./seed-clients";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { startServer, type RunningServer } from "./server";
import { signInOverHttp } from "./http";

/** The demo clients, with the ways a birth date may be written. */
function demoClients() {
  return seededDemoClients().map(({ name, birthDate }) => {
    const [y, m, d] = birthDate.split("-");
    return { name, birthDates: [birthDate, `${m}/${d}/${y}`, `${Number(m)}/${Number(d)}/${y}`] };
  });
}

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
};

describe("the production server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers /readyz and serves Prometheus metrics to this machine", async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    await (await fetch(`${server.url}/login`)).text();
    await (await fetch(`${server.url}/login`)).text(); // the first one's connection has surely closed
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_http_request_duration_seconds_count\{[^}]*route="\/login"[^}]*status="2xx"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hub_sockets_connected \d+/);
    expect(metrics).toMatch(/hub_worker_backlog\{worker="webhooks"\} \d+/);
    expect(metrics).toMatch(/hub_worker_backlog\{worker="reminders"\} \d+/);
  });

  it("logs a care manager's journey through every demo client as JSON lines with request ids and no client name or birth date", async () => {
    const clients = demoClients();
    const logFrom = server.output().length;
    const base = server.url;
    const hospital = await signInOverHttp(base, "care.manager@hospital.demo.test");
    const get = async (path: string, cookie = hospital) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(res.status, path).toBeLessThan(400);
      return res.text();
    };
    const list = await get("/clients");
    const clientIds = [...new Set([...list.matchAll(/\/clients\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
    expect(clientIds.length).toBeGreaterThan(3);
    for (const { name } of clients) await get(`/clients?q=${encodeURIComponent(name)}`);
    for (const id of clientIds) {
      await get(`/clients/${id}`);
    }
    // Robert Kline's authorization names the food bank: send him a referral with a note naming him.
    const kline = [...list.matchAll(/\/clients\/([0-9a-f-]{36})[^>]*>\s*Robert Kline/g)][0]?.[1];
    expect(kline, "Robert Kline's link on the client list").toBeTruthy();
    const newForm = await get(`/referrals/new?clientId=${kline}`);
    const foodBank = /<option value="([0-9a-f-]{36})"[^>]*>Arkansas Valley Community Food Bank</.exec(newForm)?.[1];
    expect(foodBank, "the food bank in the Refer to list").toBeTruthy();
    const sent = await fetch(`${base}/referrals/new`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: hospital, origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: form({ intent: "send", clientId: kline!, recipientOrganizationId: foodBank!, sdohCodes: "food-insecurity", priority: "ROUTINE", note: "Robert Kline (born 1948-11-02) needs groceries", categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"], idempotencyKey: randomUUID() }),
    });
    expect(sent.status, await sent.clone().text()).toBe(302);
    const referralPath = new URL(sent.headers.get("location")!, base).pathname;
    const foodBankCookie = await signInOverHttp(base, "care.manager@foodbank.demo.test");
    await get("/referrals", foodBankCookie);
    const page = await get(referralPath, foodBankCookie);
    expect(page).toContain("Robert Kline"); // the journey really disclosed the client

    await new Promise((r) => setTimeout(r, 200)); // let the last lines reach the pipe
    const log = server.output().slice(logFrom);
    const lines = log.split("\n").filter(Boolean);
    const requests = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string; path?: string }).filter((l) => l.msg === "request");
    // At least one logged request per search and per client page the journey opened.
    expect(requests.length).toBeGreaterThanOrEqual(clients.length + clientIds.length);
    for (const line of requests) expect(line.reqId, JSON.stringify(line)).toMatch(/^[0-9a-f-]{36}$/);
    const found = clients.flatMap(({ name, birthDates }) => [name, ...name.split(" ").filter((w) => w.length > 3), ...birthDates].filter((needle) => log.toLowerCase().includes(needle.toLowerCase())));
    expect(found, "client names or birth dates in the logs").toEqual([]);
  });

  it("SIGTERM under load: every request received is answered 2xx, new connections are refused, the process exits 0", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(`${server.url}/login`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        });
        req.on("error", reject);
      });
    const tally = { ok: 0, refused: 0, failed: [] as string[] };
    let stop = false;
    let terminated = false;
    let answeredAfterTerm = 0;
    const loop = async () => {
      while (!stop) {
        try {
          const status = await get();
          if (status === 200) {
            tally.ok += 1;
            if (terminated) answeredAfterTerm += 1;
          } else tally.failed.push(`HTTP ${status}`);
        } catch (error) {
          const code = (error as { code?: string }).code;
          // Nothing was sent on a refused connection: a proxy would send it to another node.
          if (code === "ECONNREFUSED") {
            tally.refused += 1;
            await new Promise((r) => setTimeout(r, 20));
          } else tally.failed.push(`${code ?? ""} ${(error as Error).message}`);
        }
      }
    };
    const loops = Array.from({ length: 16 }, loop);
    // Mid-load: once a good number of requests have been served.
    while (tally.ok < 100 && tally.failed.length === 0) await new Promise((r) => setTimeout(r, 50));
    terminated = true;
    process.kill(server.pid, "SIGTERM");
    const code = await server.exited;
    stop = true;
    await Promise.all(loops);
    agent.destroy();
    expect(tally.failed).toEqual([]);
    expect(code).toBe(0);
    expect(tally.refused).toBeGreaterThan(0);
    expect(server.output()).toContain("Shut down cleanly");
    // Requests in flight at SIGTERM (and ones arriving on busy keep-alive connections) were answered.
    expect(answeredAfterTerm).toBeGreaterThan(0);
  });
});
