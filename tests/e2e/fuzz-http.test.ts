/**
 * HTTP fuzz suite (issue #13): every route module's loader and action, read from the build's
 * route manifest (tests/e2e/fuzz/routes.ts), gets generated bad input — route parameters, search
 * parameters, form fields, JSON and multipart bodies, wrong or missing content types, huge and
 * deep bodies — as an anonymous visitor, as three demo roles and with an API key, through the
 * document URL, the single-fetch `.data` URL and the legacy `?_data=` protocol.
 *
 * It asserts what the hub promises: no 5xx, no unhandled error in the server's output, and the
 * server still answering /healthz after each route. A failure names the exact request and the
 * server's own error line, so it can be replayed with curl.
 *
 *   FUZZ_SEED   fast-check seed (default 1313): the same seed sends the same requests
 *   FUZZ_RUNS   random cases per route and method on top of the fixed hostile list (default 6)
 *   FUZZ_FULL=1 every value class for every field and parameter (npm run test:fuzz)
 *
 * It runs on its own server and data directory: the actions it fuzzes really write, so the other
 * end-to-end tests keep their demo data. See docs/decisions/070-http-fuzz-suite.md.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { signInOverHttp } from "./http";
import { describe as describeRequest, FuzzClient, normalize, type Failure, type FuzzRequest, type Role } from "./fuzz/client";
import { addressable, crawl, type CrawlResult } from "./fuzz/crawl";
import { actionCases, loaderCases, type Plan } from "./fuzz/cases";
import { enumerateRoutes, type FuzzRoute } from "./fuzz/routes";

const SEED = Number(process.env.FUZZ_SEED ?? 1313);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const FULL = process.env.FUZZ_FULL === "1";
const PHASE_TIMEOUT = FULL || RUNS > 20 ? 3_600_000 : 600_000;

const ROLES: Role[] = [
  { name: "convener", email: "convener@demo.test", cookie: null },
  { name: "hospital director", email: "director@hospital.demo.test", cookie: null },
  { name: "food bank care manager", email: "care.manager@foodbank.demo.test", cookie: null },
  { name: "anonymous", email: null, cookie: null },
  { name: "hospital API key", email: null, cookie: null, authorization: "" },
];

let server: RunningServer;
let client: FuzzClient;
let routes: FuzzRoute[];
let seen: CrawlResult;
let plan: Plan;
const fuzzedRoutes = new Set<string>();
const deadAfter: string[] = [];
const lostRoles = new Set<string>();
const timings = new Map<string, { requests: number; ms: number }>();
const phases: string[] = [];
const baselineRefusals: string[] = [];

/** An API key of the hospital, created the way a director does it (the FHIR and HSDS APIs take keys). */
async function createApiKey(role: Role): Promise<string> {
  const director = ROLES[1];
  const res = await fetch(`${server.url}/organization/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie: director.cookie! },
    body: new URLSearchParams({ intent: "create-key", name: `fuzz key ${Date.now()}` }),
  });
  const key = /(chub_[\w-]{20,})/.exec(await res.text())?.[1];
  if (!key) throw new Error(`No API key in the answer (${res.status})`);
  role.authorization = `Bearer ${key}`;
  return key;
}

async function ensureRoles() {
  for (const role of ROLES) {
    if (role.email) {
      if (!(await client.ensureSession(role))) lostRoles.add(role.name);
    } else if (role.authorization !== undefined) {
      const res = await fetch(`${server.url}/api/fhir/r4/Task`, { headers: { authorization: role.authorization } }).catch(() => null);
      await res?.arrayBuffer();
      if (res?.status !== 200) await createApiKey(role).catch(() => lostRoles.add(role.name));
    }
  }
}

/** Sends a route's requests, then checks the server is alive and the roles still signed in. */
async function run(routeId: string, requests: FuzzRequest[]) {
  if (deadAfter.length) return;
  fuzzedRoutes.add(routeId);
  const started = Date.now();
  for (const req of requests) {
    const baseline = req.note.startsWith("baseline");
    const res = await client.send(req, { readBody: baseline });
    if (baseline && res && res.status >= 400) baselineRefusals.push(`${res.status} ${describeRequest(req).slice(0, 300)} → ${res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 200)}`);
  }
  const t = timings.get(routeId) ?? { requests: 0, ms: 0 };
  timings.set(routeId, { requests: t.requests + requests.length, ms: t.ms + Date.now() - started });
  await client.scanOutput();
  if (!(await client.healthy())) {
    deadAfter.push(routeId);
    return;
  }
  await ensureRoles();
}

function report(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `${f.request.routeId} — ${f.status} ${normalize(f.message)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`${failures.length} requests answered 5xx (or no answer), ${groups.size} distinct causes:`];
  for (const [, list] of groups) {
    const f = list[0];
    lines.push(`\n● ${f.request.routeId}: ${f.status} ${f.message}${f.frame ? `\n    at ${f.frame}` : ""}`);
    for (const g of list.slice(0, 3)) lines.push(`    ${describeRequest(g.request)}`);
    if (list.length > 3) lines.push(`    … and ${list.length - 3} more like it`);
  }
  return lines.join("\n");
}

const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const before = client?.requests ?? 0;
  try {
    return await work();
  } finally {
    phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s, ${(client?.requests ?? 0) - before} requests`);
  }
};

beforeAll(async () => {
  routes = enumerateRoutes();
  server = await phase("server start", () => startServer({ env: { LOGIN_RATE_LIMIT: "100000" } }));
  client = new FuzzClient(server);
  for (const role of ROLES) if (role.email) role.cookie = await signInOverHttp(server.url, role.email);
  await createApiKey(ROLES[4]);
  seen = await phase("crawl", () => crawl(client, routes, ROLES));
  plan = { seed: SEED, runs: RUNS, full: FULL, roles: ROLES, defaultRole: ROLES[0], signIn: { email: "multi.org@demo.test", password: "coalition-demo" } };
}, 300_000);

afterAll(async () => {
  if (!client) return;
  const summary = `http fuzz: ${client.requests} requests over ${fuzzedRoutes.size} routes, ${client.failures.filter((f) => f.status !== "no answer").length} 5xx (seed ${SEED}, ${RUNS} random runs per route${FULL ? ", full" : ""})`;
  const dir = path.resolve("test-results");
  fs.mkdirSync(dir, { recursive: true });
  const slowest = [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15).map(([id, t]) => `${id}: ${t.requests} requests, ${(t.ms / 1000).toFixed(1)} s`);
  const logged = [...client.loggedWithout5xx.values()].map((e) => `${e.count}× ${e.example}`);
  fs.writeFileSync(
    path.join(dir, "fuzz-http.txt"),
    [summary, report(client.failures), `\nStatuses: ${JSON.stringify(Object.fromEntries(client.statuses))}`, `Phases: ${phases.join("; ")}`, `Slowest routes:\n${slowest.join("\n")}`, `Baseline submissions the actions refused (their field cases only test validation):\n${baselineRefusals.join("\n")}`, `Roles the fuzzing signed out for good (a valid removal or revocation): ${[...lostRoles].join(", ") || "none"}`, `\nErrors the server logged without a 5xx (informational):\n${logged.join("\n")}`].join("\n"),
  );
  process.stdout.write(`\n${summary}\n(full report: test-results/fuzz-http.txt)\n`);
  await server?.stop();
}, 60_000);

describe("HTTP fuzz: every loader and action, from the route manifest", () => {
  it("finds the routes in the build's manifest and every route file among them", () => {
    const ids = new Set(routes.map((r) => r.id));
    const files = fs.readdirSync("app/routes").filter((f) => /\.tsx?$/.test(f));
    for (const f of files) expect(ids, `app/routes/${f} is not fuzzed`).toContain(`routes/${f.replace(/\.tsx?$/, "")}`);
    expect(routes.filter((r) => r.hasAction).length).toBeGreaterThan(0);
    // The crawl found real records to aim at (else every id-taking route is only fuzzed at its 404).
    expect([...seen.params.keys()].length).toBeGreaterThan(5);
    expect([...seen.forms.keys()].length).toBeGreaterThan(5);
  });

  it(
    "loaders: no 5xx on any bad route parameter, search parameter or protocol",
    async () => {
      const before = client.failures.length;
      await phase("loaders", async () => {
        for (const route of routes.filter((r) => addressable(r) && r.hasLoader)) await run(route.id, loaderCases(route, seen, plan));
      });
      expect(deadAfter, "the server stopped answering /healthz after these routes").toEqual([]);
      const failures = client.failures.slice(before);
      expect(failures.length, report(failures)).toBe(0);
    },
    PHASE_TIMEOUT,
  );

  it(
    "actions: no 5xx on any bad form field, body or content type",
    async () => {
      const before = client.failures.length;
      const planned = routes.filter((r) => addressable(r) && r.hasAction).map((route) => ({ route, ...actionCases(route, seen, plan) }));
      await phase("actions", async () => {
        for (const { route, safe } of planned) await run(route.id, safe);
        // Sign-out, revocations and removals last, so they do not pull the rug from under the rest.
        for (const { route, destructive } of planned) if (destructive.length) await run(route.id, destructive);
      });
      expect(deadAfter, "the server stopped answering /healthz after these routes").toEqual([]);
      const failures = client.failures.slice(before);
      expect(failures.length, report(failures)).toBe(0);
    },
    PHASE_TIMEOUT,
  );

  it(
    "what the fuzzing stored does not take pages down (every page, every role, afterwards)",
    async () => {
      const before = client.failures.length;
      await phase("after-effects", async () => {
      for (const route of routes.filter((r) => addressable(r) && r.hasLoader && !r.params.includes("*"))) {
        const values = seen.params.get(route.id)?.[0];
        if (route.params.length && !values) continue;
        const pathname = route.pattern.replace(/:(\w+)/g, (_, p: string) => values![p]);
        await run(
          route.id,
          ROLES.filter((role) => role.email).map((role) => ({ routeId: route.id, method: "GET" as const, path: pathname, role, note: "after the fuzzing (stored input)" })),
        );
      }
      });
      const failures = client.failures.slice(before);
      expect(failures.length, report(failures)).toBe(0);
    },
    PHASE_TIMEOUT,
  );

  it("no unhandled error in the server's output, and it still answers", async () => {
    await client.scanOutput();
    expect(client.unhandled).toEqual([]);
    expect(await client.healthy()).toBe(true);
  });
});
