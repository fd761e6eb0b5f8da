/**
 * Map benchmark: 50,000 assets, then GET /api/assets at city and county zoom, p50/p95 over many
 * requests, repeated in several rounds (the median of the rounds is reported), plus memory.
 *
 *   npm run bench:map                      embedded PostgreSQL (PGlite, in memory)
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:map
 *                                          a PostgreSQL server (a scratch database is created and dropped)
 *   BENCH_ASSETS=50000 BENCH_ROUNDS=5 BENCH_REQUESTS=200   tune the run
 *
 *   BENCH_DATABASE_NAME=bench_map          keep that database and reuse its assets next time (before/after runs on the same data)
 *
 * The request goes through the real route (zod parsing, session check, SQL, GeoJSON): it is what
 * the browser calls. The baseline rows are the bare index query for the same box. Time to an
 * interactive map in Chromium is `npm run bench:map:tti` (bench/map-tti.ts).
 */
import pg from "pg";
import { openPglite, openPostgres, type Database } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";
import { installDatabase, db } from "~/utils/db.server";
import { installSessionSecrets } from "~/utils/runtime.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { createCoalition, createOrganization, createUser } from "../tests/factories";
import { signedInRequester } from "../tests/helpers";
import { generateDemoDirectory } from "../prisma/seed-data/directory";
import { demoOrganizations } from "../prisma/seed-data/demo-coalition";
import * as assetsApi from "~/routes/api.assets";

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);

const VIEWS = {
  // Downtown Pueblo at zoom ~14 (what a care manager looks at).
  city: "-104.640,38.240,-104.580,38.280",
  // All of Pueblo County at zoom ~10 (the page's first view); the page limit applies.
  county: "-105.100,37.750,-104.050,38.520",
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function openDatabase(): Promise<{ database: Database; cleanup: () => Promise<void>; kind: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    return { database, cleanup: () => database.close(), kind: "PGlite (embedded, in memory)" };
  }
  // BENCH_DATABASE_NAME keeps (and reuses) a named scratch database, so before/after runs share the same data.
  const keep = process.env.BENCH_DATABASE_NAME;
  const name = keep ?? `bench_map_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!keep || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: 4 });
  return {
    database,
    kind: `PostgreSQL (${target.host})`,
    cleanup: async () => {
      await database.close();
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: "./data-bench-unused" }));
  installSessionSecrets(["bench-secret-bench-secret-bench-secret-0123"]);
  const { database, cleanup, kind } = await openDatabase();
  installDatabase(database);
  try {
    await applyMigrations(await database.migrationAdapter());
    const reused = await db.coalition.findFirst({ where: { slug: "bench-coalition" } });
    let coalition: { id: string };
    let user: { email: string };
    let generated = 0;
    let inserted = 0;
    let started = performance.now();
    if (reused && (await db.asset.count({ where: { coalitionId: reused.id } })) === ASSETS) {
      coalition = reused;
      user = await db.user.findUniqueOrThrow({ where: { email: "bench@example.test" } });
    } else {
      if (reused) throw new Error(`Database ${kind} holds a bench coalition with another asset count: drop it or pick another BENCH_DATABASE_NAME`);
      coalition = await createCoalition({ slug: "bench-coalition" });
      const organizations = new Map<string, { id: string; name: string }>();
      for (const o of demoOrganizations) {
        const { slug, name, kind: orgKind } = o;
        const created = await createOrganization({ slug: `bench-${slug}`, name, kind: orgKind, coalitionId: coalition.id });
        organizations.set(slug, { id: created.id, name });
      }
      const firstOrg = organizations.values().next().value!;
      user = await createUser({ email: "bench@example.test", memberships: [{ organizationId: firstOrg.id, role: "CARE_MANAGER" }] });

      started = performance.now();
      const rows = generateDemoDirectory({ coalitionId: coalition.id, organizations, users: new Map(), timeZone: "America/Denver", serviceLocations: ASSETS, informal: 0, seed: 50, idPrefix: "bench" });
      generated = performance.now() - started;
      started = performance.now();
      const chunk = async (name: string, data: Record<string, unknown>[], insert: (d: Record<string, unknown>[]) => Promise<unknown>) => {
        for (let i = 0; i < data.length; i += 2000) await insert(data.slice(i, i + 2000));
        void name;
      };
      /* eslint-disable @typescript-eslint/no-explicit-any -- generated rows match the models */
      await chunk("services", rows.services, (d) => db.directoryService.createMany({ data: d as any }));
      await chunk("locations", rows.locations, (d) => db.directoryLocation.createMany({ data: d as any }));
      await chunk("sals", rows.sals, (d) => db.serviceAtLocation.createMany({ data: d as any }));
      await chunk("assets", rows.assets, (d) => db.asset.createMany({ data: d as any }));
      /* eslint-enable @typescript-eslint/no-explicit-any */
      inserted = performance.now() - started;
    }
    // Same table state for every run (a migration that rewrote rows leaves dead tuples behind).
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Asset"`);
    const count = await db.asset.count({ where: { coalitionId: coalition.id } });

    const requester = await signedInRequester(user.email);
    const call = async (bbox: string, extra = "") => {
      const t0 = performance.now();
      const response = (await assetsApi.loader({ request: requester.get(`/api/assets?bbox=${bbox}${extra}`), params: {}, context: {} })) as Response;
      const text = await response.text();
      const body = JSON.parse(text) as { features: unknown[]; clusters?: unknown[]; truncated: boolean };
      return { ms: performance.now() - t0, features: body.features.length + (body.clusters?.length ?? 0), truncated: body.truncated, bytes: text.length };
    };

    const bare = async (bbox: string) => {
      // Baseline: the bare index query for the same box (ids and coordinates of one page, no JSON, no session).
      const [minLng, minLat, maxLng, maxLat] = bbox.split(",").map(Number);
      const t0 = performance.now();
      const rows = await db.$queryRaw<unknown[]>`SELECT a."id", a."longitude", a."latitude" FROM "Asset" a WHERE a."coalitionId" = ${coalition.id}::uuid AND a."deletedAt" IS NULL AND point(a."longitude", a."latitude") <@ box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat})) LIMIT 1001`;
      return { ms: performance.now() - t0, features: rows.length, truncated: rows.length > 1000 };
    };

    console.info(`\nMap benchmark on ${kind}: ${count.toLocaleString("en-US")} assets (generated in ${(generated / 1000).toFixed(1)} s, inserted in ${(inserted / 1000).toFixed(1)} s)`);
    console.info(`${ROUNDS} rounds × ${REQUESTS} requests per view, after ${WARMUP} warm-up requests; median of the rounds' p50 and p95.`);
    console.info("Page requests carry the map's zoom (zoom=10 county, 14 city), as the map page sends them; `no zoom` is the plain 1,000-point page.\n");
    type Case = [string, () => Promise<{ ms: number; features: number; truncated: boolean; bytes?: number }>];
    const cases: Case[] = [
      ["baseline: bare SQL, city box", () => bare(VIEWS.city)],
      ["baseline: bare SQL, county box", () => bare(VIEWS.county)],
      ["city", () => call(VIEWS.city, "&zoom=14")],
      ["county", () => call(VIEWS.county, "&zoom=10")],
      ["county + food filter", () => call(VIEWS.county, "&zoom=10&sdoh=food-insecurity")],
      ["city + open now", () => call(VIEWS.city, "&zoom=14&open_now=true")],
      ["county, no zoom (1,000 points)", () => call(VIEWS.county)],
      ["county + open now, no zoom", () => call(VIEWS.county, "&open_now=true")],
    ];
    // The first clustered view of a filter set builds its index (once per directory version).
    for (const [label, extra] of [["county", "&zoom=10"], ["county + food filter", "&zoom=10&sdoh=food-insecurity"], ["city + open now", "&zoom=14&open_now=true"]]) {
      const first = await call(label.startsWith("city") ? VIEWS.city : VIEWS.county, extra);
      console.info(`First request, cold cluster index (${label}): ${first.ms.toFixed(0)} ms`);
    }
    console.info("");
    console.info("| view | points + clusters returned | KB | truncated | p50 (ms) | p95 (ms) | goal p95 ≤ 30 ms |");
    console.info("|---|---:|---:|---|---:|---:|---|");
    for (const [label, run] of cases) {
      for (let i = 0; i < WARMUP; i++) await run();
      const r = { p50: [] as number[], p95: [] as number[], features: 0, truncated: false, bytes: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const one = await run();
          times.push(one.ms);
          r.features = one.features;
          r.truncated = one.truncated;
          r.bytes = one.bytes ?? 0;
        }
        times.sort((x, y) => x - y);
        r.p50.push(percentile(times, 50));
        r.p95.push(percentile(times, 95));
      }
      const p95 = median(r.p95);
      console.info(`| ${label} | ${r.features} | ${r.bytes ? (r.bytes / 1024).toFixed(0) : "–"} | ${r.truncated ? "yes" : "no"} | ${median(r.p50).toFixed(1)} | ${p95.toFixed(1)} | ${label.startsWith("baseline") ? "–" : p95 <= 30 ? "met" : "missed"} |`);
    }
    const memory = process.memoryUsage();
    console.info(`\nMemory after the run: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}${kind.startsWith("PGlite") ? " (the embedded database lives in this process)" : ""}; in-process cluster indexes included.`);
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
