/**
 * Caseload benchmark (issue #15): one care manager with CLIENTS enrolled clients (2,000 by default)
 * at every level, with contacts, reviews and next steps spread over months. Measured, side by side
 * in the same run and alternating each round:
 *   - baseline: a bare indexed read of a page of 50 of the care manager's clients (no join, no order
 *     by due date, no decryption);
 *   - the huddle caseload query (`getHuddleCaseload`, page 1: summary, ordered page, steps due, 50
 *     names decrypted, the audit event);
 *   - the /caseload page's loader through the session guard (caseload + outreach list), as the
 *     server renders it;
 *   - the client picker's search (`searchOwnClients`, ADR 104) over the same 2,000 names;
 *   - with a PostgreSQL server: time to the rendered caseload in headless Chromium (the built
 *     server on the benchmark's database, navigation start to the list drawn and a frame after).
 * Median of ROUNDS rounds (≥ 5) of REQUESTS sequential calls each; goal: the page renders in < 1 s.
 *
 *   npm run bench:caseload                           embedded PostgreSQL (PGlite, in memory)
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:caseload
 *                                                    (or TEST_DATABASE_URL) a PostgreSQL server:
 *                                                    a scratch database is created and dropped
 *   CLIENTS=2000 ROUNDS=5 REQUESTS=20 TTI_RUNS=5 BENCH_TTI=0   tune the run (BENCH_TTI=0: no browser)
 */
import fs from "node:fs";
import pg from "pg";
import { chromium } from "playwright-core";
import { openPglite, openPostgres, type Database } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";
import { installDatabase, db } from "~/utils/db.server";
import { installSessionSecrets } from "~/utils/runtime.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { currentKeyId, encryptField, installFieldKeys } from "~/utils/field-encryption.server";
import { encryptClientFields } from "~/modules/client/service.server";
import { searchOwnClients } from "~/modules/client/search.server";
import { contactDueSql, enrolledClientsSql, getHuddleCaseload } from "~/modules/care/caseload.server";
import { cadenceForOrganization } from "~/modules/care/cadence.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { Prisma } from "~/utils/db.server";
import { careContext } from "~/modules/care/encryption.server";
import { addDays, todayUtc } from "~/modules/care/dates";
import * as caseloadRoute from "~/routes/_app.caseload";
import { createCoalition, createOrganization, createUser, DEFAULT_TEST_PASSWORD } from "../tests/factories";
import { actorFor } from "../tests/actors";
import { signedInRequester } from "../tests/helpers";

const CLIENTS = Number(process.env.CLIENTS ?? 2000);
const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const REQUESTS = Number(process.env.REQUESTS ?? 20);
const TTI_RUNS = Math.max(5, Number(process.env.TTI_RUNS ?? 5));
const GOAL_MS = 1000;
const KEY = Buffer.alloc(32, 9);
const SECRET = "bench-caseload-secret-0123456789-abcdefghij";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => n.toFixed(1);

const FIRST = ["María", "Robert", "Ana", "James", "Lucía", "David", "Rosa", "Michael", "Carmen", "John", "Elena", "William", "Teresa", "Joseph", "Gloria", "Thomas", "Isabel", "Charles", "Patricia", "Daniel"];
const LAST = ["Ortiz", "Kline", "García", "Smith", "Martínez", "Johnson", "Romero", "Brown", "Trujillo", "Davis", "Sandoval", "Miller", "Vigil", "Wilson", "Archuleta", "Moore", "Lucero", "Taylor", "Baca", "Anderson", "Montoya", "Thomas", "Gallegos", "Jackson", "Maestas", "White", "Chávez", "Harris", "Duran", "Martin"];

async function openDatabase(): Promise<{ database: Database; cleanup: () => Promise<void>; kind: string; url: string | null }> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    return { database, cleanup: () => database.close(), kind: "PGlite (embedded, in memory)", url: null };
  }
  const name = `bench_caseload_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: 10 });
  return {
    database,
    url: target.toString(),
    kind: `PostgreSQL (${target.host})`,
    cleanup: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** CLIENTS enrolled clients of one care manager, written in bulk (the services would take minutes; the rows are the same). */
async function generate(organizationId: string, careManagerId: string) {
  const today = todayUtc();
  const levels = ["HIGH", "MEDIUM", "LOW"] as const;
  const clients = [];
  const enrollments = [];
  const plans = [];
  const goals = [];
  const steps = [];
  for (let i = 0; i < CLIENTS; i++) {
    const id = crypto.randomUUID();
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    const birthDate = `19${40 + (i % 60)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    clients.push({ id, organizationId, primaryCareManagerId: careManagerId, preferredLanguage: i % 3 === 0 ? "es" : "en", createdById: careManagerId, ...encryptClientFields(id, { name, birthDate }) });
    const enrolledOn = addDays(today, -(10 + (i % 300)));
    enrollments.push({ clientId: id, organizationId, program: "Enhanced care program", status: "ENROLLED" as const, decidedOn: enrolledOn, enrolledOn, keyId: currentKeyId(), decidedById: careManagerId });
    const planId = crypto.randomUUID();
    plans.push({ id: planId, clientId: id, organizationId, level: levels[i % 3], lastContactOn: i % 7 === 0 ? null : addDays(today, -(i % 45)), lastReviewedOn: i % 5 === 0 ? null : addDays(today, -(i % 120)), createdById: careManagerId });
    const goalId = crypto.randomUUID();
    goals.push({ id: goalId, planId, textCipher: encryptField("Stay in my own home", careContext("CareGoal.text", goalId)), priority: 1, keyId: currentKeyId(), createdById: careManagerId });
    const stepId = crypto.randomUUID();
    steps.push({ id: stepId, planId, goalId, textCipher: encryptField("Call the landlord", careContext("CareStep.text", stepId)), owner: "CARE_MANAGER" as const, dueOn: addDays(today, i % 20), keyId: currentKeyId(), createdById: careManagerId });
  }
  for (let i = 0; i < CLIENTS; i += 500) {
    await db.client.createMany({ data: clients.slice(i, i + 500) });
    await db.enrollment.createMany({ data: enrollments.slice(i, i + 500) });
    await db.carePlan.createMany({ data: plans.slice(i, i + 500) });
    await db.careGoal.createMany({ data: goals.slice(i, i + 500) });
    await db.careStep.createMany({ data: steps.slice(i, i + 500) });
  }
  for (const table of ["Client", "Enrollment", "CarePlan", "CareGoal", "CareStep"]) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
}

async function timed(work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Navigation start → the caseload list drawn and a frame later, in headless Chromium against the built server on this database. */
async function timeToRendered(url: string, email: string) {
  const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p));
  if (!chromiumPath) return null;
  const { buildIfStale } = await import("../scripts/build-if-stale.mjs");
  const { startServer } = await import("../tests/e2e/server");
  await buildIfStale({ log: (m: string) => console.info(`[tti] ${m}`) });
  const app = await startServer({ env: { DATABASE_URL: url, SESSION_SECRET: SECRET, FIELD_ENCRYPTION_KEY: KEY.toString("base64"), SEED_DEMO: "false" }, timeoutMs: 300_000 });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  const times: number[] = [];
  try {
    for (let run = 0; run < TTI_RUNS; run++) {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEFAULT_TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL("**/home");
      await page.goto(`${app.url}/caseload`, { waitUntil: "commit" });
      await page.waitForFunction(() => document.querySelectorAll("ul.care-caseload > li").length >= 50, null, { timeout: 120_000, polling: 20 });
      const at = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
      times.push(at);
      console.info(`[tti] run ${run + 1}: ${at.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  return times;
}

async function main() {
  setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: "./data-bench-unused", SESSION_SECRET: SECRET }));
  installSessionSecrets([SECRET]);
  installFieldKeys([KEY]);
  const { database, cleanup, kind, url } = await openDatabase();
  installDatabase(database);
  try {
    await applyMigrations(await database.migrationAdapter());
    const coalition = await createCoalition({ slug: "bench-caseload" });
    const hospital = await createOrganization({ coalitionId: coalition.id, name: "Bench Hospital", kind: "HOSPITAL" });
    const careManager = await createUser({ email: "bench.caseload@example.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const t0 = performance.now();
    await generate(hospital.id, careManager.id);
    const generated = performance.now() - t0;
    const actor = actorFor(careManager.id, hospital.id);
    const as = await signedInRequester(careManager.email);

    const baseline = () => db.client.findMany({ where: { organizationId: hospital.id, primaryCareManagerId: careManager.id, deletedAt: null }, select: { id: true, nameCipher: true }, orderBy: { createdAt: "asc" }, take: 50 });
    const huddle = () => getHuddleCaseload({ actor });
    const loader = () => caseloadRoute.loader({ request: as.get("/caseload"), params: {}, context: {} });
    const search = () => searchOwnClients({ actor, q: "Kline" });
    // The huddle query's parts, to see where its time goes.
    const cadence = await cadenceForOrganization({ organizationId: hospital.id, coalitionId: coalition.id });
    const mine = Prisma.sql`${enrolledClientsSql(hospital.id)} AND c."primaryCareManagerId" = ${careManager.id}::uuid`;
    const due = contactDueSql(cadence);
    const today = todayUtc();
    const parts = {
      cadence: () => cadenceForOrganization({ organizationId: hospital.id, coalitionId: coalition.id }),
      summary: () => db.$queryRaw`SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${due} < ${today}::date))::int AS overdue ${mine}`,
      ordered: () => db.$queryRaw`SELECT c.id, c."nameCipher", ${due} AS "dueOn" ${mine} ORDER BY (${due} < ${today}::date) DESC, (CASE p."level" WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END), ${due} ASC, c."createdAt" ASC, c.id ASC LIMIT 50`,
      audit: () => recordAuditEvent({ action: "bench.caseload_viewed", subjectType: "Client", actorUserId: careManager.id, organizationId: hospital.id, metadata: { count: 50 } }),
    };

    // Warm-up: prepared plans, the JIT.
    for (let i = 0; i < 5; i++) await Promise.all([baseline(), huddle(), loader(), search()]);
    const page = await huddle();
    const found = await search();

    const results: Record<string, number[]> = { baseline: [], huddle: [], loader: [], search: [], cadence: [], summary: [], ordered: [], audit: [] };
    for (let round = 0; round < ROUNDS; round++) {
      results.baseline.push(await timed(baseline));
      results.huddle.push(await timed(huddle));
      results.loader.push(await timed(loader));
      results.search.push(await timed(search));
      for (const [key, work] of Object.entries(parts)) results[key]!.push(await timed(work));
    }
    const tti = url && process.env.BENCH_TTI !== "0" ? await timeToRendered(url, careManager.email) : null;

    console.info(`\nCaseload benchmark on ${kind}, ${new Date().toISOString().slice(0, 10)}, load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" / ")}.`);
    console.info(`${CLIENTS.toLocaleString("en-US")} enrolled clients of one care manager, generated in ${(generated / 1000).toFixed(1)} s; the huddle list's first page shows ${page.clients.length} of ${page.total.toLocaleString("en-US")} (${page.summary.overdue} overdue); the picker's search for "Kline" decrypts ${found.clients.length}${found.more ? " (more match)" : ""}.`);
    console.info(`Median of ${ROUNDS} rounds, each the median of ${REQUESTS} sequential calls:\n`);
    console.info("| what | median (ms) | rounds (ms) | × baseline |");
    console.info("|---|---:|---|---:|");
    const b = median(results.baseline!);
    for (const [label, key] of [["baseline: bare indexed read of 50 rows", "baseline"], ["huddle caseload query (page 1, 50 names decrypted)", "huddle"], ["/caseload loader (guard + caseload + outreach)", "loader"], ["client picker search (≤ 10 decrypted)", "search"], ["  part: cadence lookup", "cadence"], ["  part: summary count", "summary"], ["  part: ordered page of 50", "ordered"], ["  part: audit event", "audit"]] as const) {
      const m = median(results[key]!);
      console.info(`| ${label} | ${ms(m)} | ${results[key]!.map(ms).join(", ")} | ${(m / b).toFixed(1)} |`);
    }
    if (tti?.length) console.info(`| time to rendered caseload in Chromium (navigation → list drawn) | ${median(tti).toFixed(0)} | ${tti.map((t) => t.toFixed(0)).join(", ")} | – |`);
    const render = tti?.length ? median(tti) : median(results.loader!);
    console.info(`\nGoal: the caseload page renders in < 1 s (${tti?.length ? "in Chromium" : "server loader; no browser run"}): ${render.toFixed(0)} ms — ${render < GOAL_MS ? "met" : "missed"}.`);
  } finally {
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
