/**
 * Time to an interactive map in headless Chromium: our map page (server-side clusters at county
 * zoom, supercluster in the browser near in) against a naive page that puts every one of the
 * assets on a Leaflet map as its own marker. Goal: ours ≤ 1.5 s.
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_DATABASE_NAME=bench_map npm run bench:map   (once: 50,000 assets)
 *   BENCH_DATABASE_URL=… BENCH_DATABASE_NAME=bench_map npm run bench:map:tti
 *   BENCH_TTI_RUNS=5 BENCH_TTI_NAIVE_RUNS=1   runs of our page / of the naive page (medians reported)
 *
 * "Interactive" = the page shows markers or clusters and the "N assets in view" status, and the
 * main thread then answers a frame and a task: measured in the page from navigation start, so
 * sign-in is not counted. Each run is a fresh browser context (cold HTTP cache). Tiles are
 * pointed at a local address that refuses connections (no tile server is reachable here).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { freePort, startServer } from "../tests/e2e/server";

const RUNS = Number(process.env.BENCH_TTI_RUNS ?? 5);
/** The naive page takes minutes with 50,000 markers on this machine: fewer runs by default. */
const NAIVE_RUNS = Number(process.env.BENCH_TTI_NAIVE_RUNS ?? 1);
const GOAL_MS = 1500;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function databaseUrl() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("Set BENCH_DATABASE_URL (and BENCH_DATABASE_NAME, default bench_map) to the database `npm run bench:map` prepared.");
  const target = new URL(url);
  target.pathname = `/${process.env.BENCH_DATABASE_NAME ?? "bench_map"}`;
  return target.toString();
}

/** Serves the naive page, Leaflet from node_modules and every asset as GeoJSON. */
async function startNaiveServer(points: string) {
  const port = await freePort();
  const files: Record<string, [string, string | Buffer]> = {
    "/": ["text/html", fs.readFileSync(path.resolve("bench/map-naive.html"))],
    "/leaflet.js": ["text/javascript", fs.readFileSync(path.resolve("node_modules/leaflet/dist/leaflet.js"))],
    "/leaflet.css": ["text/css", fs.readFileSync(path.resolve("node_modules/leaflet/dist/leaflet.css"))],
    "/points.json": ["application/geo+json", points],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Milliseconds from navigation start until the map is drawn and the main thread is free. */
async function timeToInteractive(page: Page, url: string): Promise<{ ms: number; heapMb: number; markers: number }> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => document.querySelectorAll(".asset-cluster, .asset-marker, .m").length > 0 && /\d+ assets in view/.test(document.querySelector(".map-status")?.textContent ?? ""), null, { timeout: 600_000, polling: 50 });
  const ms = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const markers = await page.evaluate(() => document.querySelectorAll(".asset-cluster, .asset-marker, .m").length);
  return { ms, heapMb: heap / 1024 / 1024, markers };
}

async function main() {
  const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p));
  if (!chromiumPath) throw new Error("No Chromium: install Debian's `chromium` package or set CHROMIUM_PATH.");
  const url = databaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ body: string; count: number }>(
    `SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object('type', 'Feature', 'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(a."longitude", a."latitude")), 'properties', json_build_object('name', a."name"))))::text AS body, count(*)::int AS count
     FROM "Asset" a JOIN "Coalition" c ON c."id" = a."coalitionId" WHERE c."slug" = 'bench-coalition' AND a."deletedAt" IS NULL`,
  );
  await client.end();
  if (!rows[0]?.count) throw new Error("No bench assets: run `npm run bench:map` with the same BENCH_DATABASE_URL and BENCH_DATABASE_NAME first.");

  await buildIfStale({ log: (m: string) => console.info(`[tti] ${m}`) });
  const refused = await freePort();
  const app = await startServer({ env: { DATABASE_URL: url, SESSION_SECRET: "bench-tti-secret-0123456789-abcdefghijklmnop", FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), MAP_TILE_URL: `http://127.0.0.1:${refused}/{z}/{x}/{y}.png` } });
  const naive = await startNaiveServer(rows[0].body);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--disable-background-networking", "--no-first-run"] });
    const results: Record<string, { ms: number[]; heapMb: number[]; markers: number }> = { ours: { ms: [], heapMb: [], markers: 0 }, naive: { ms: [], heapMb: [], markers: 0 } };
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email").fill("bench@example.test");
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL("**/home");
      const ours = await timeToInteractive(page, `${app.url}/map`);
      await context.close();
      results.ours.ms.push(ours.ms);
      results.ours.heapMb.push(ours.heapMb);
      results.ours.markers = ours.markers;
      console.info(`run ${run + 1}: ours ${ours.ms.toFixed(0)} ms (${ours.markers} markers/clusters)`);
    }
    for (let run = 0; run < NAIVE_RUNS; run++) {
      const naiveContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const naivePage = await naiveContext.newPage();
      const plain = await timeToInteractive(naivePage, naive.url);
      await naiveContext.close();
      results.naive.ms.push(plain.ms);
      results.naive.heapMb.push(plain.heapMb);
      results.naive.markers = plain.markers;
      console.info(`naive run ${run + 1}: ${plain.ms.toFixed(0)} ms (${plain.markers} markers)`);
    }
    console.info(`\nTime to an interactive map, ${rows[0].count.toLocaleString("en-US")} assets, headless Chromium, median of ${RUNS} runs (ours, the first one cold) and ${NAIVE_RUNS} (naive):\n`);
    console.info("| page | interactive (ms) | JS heap (MB) | markers drawn | goal ≤ 1.5 s |");
    console.info("|---|---:|---:|---:|---|");
    for (const [label, key] of [["our map page (/map, county view)", "ours"], ["naive page: every asset a marker", "naive"]] as const) {
      const r = results[key];
      const ms = median(r.ms);
      console.info(`| ${label} | ${ms.toFixed(0)} | ${median(r.heapMb).toFixed(0)} | ${r.markers} | ${key === "ours" ? (ms <= GOAL_MS ? "met" : "missed") : "–"} |`);
    }
  } finally {
    await browser?.close();
    await naive.stop();
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
