// Builds the app when build/ is missing or older than the sources, and the compiled server
// (build/node, scripts/build-server.mjs) when it is older than its sources. Used by `npm start`
// and the end-to-end test setup.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer, SERVER_BUNDLE } from "./build-server.mjs";

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated") continue; // Prisma client: regenerated on install, not an app change
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const builtAt = (marker) => (fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0);

export async function buildIfStale({ log = console.info } = {}) {
  const appBuiltAt = builtAt("build/server/index.js");
  const appSourcesAt = Math.max(newestMtime("app"), newestMtime("public"), newestMtime("vite.config.ts"), newestMtime("package-lock.json"));
  let built = false;
  if (!appBuiltAt || appSourcesAt > appBuiltAt) {
    log(appBuiltAt ? "Sources changed since the last build: building…" : "Building the app…");
    const build = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("The build failed");
    built = true;
  }
  // The server bundle also holds the seed (prisma/) and the factories it reuses (tests/).
  const serverBuiltAt = builtAt(SERVER_BUNDLE);
  const serverSourcesAt = Math.max(appSourcesAt, newestMtime("server"), newestMtime("prisma"), newestMtime("tests/factories.ts"), newestMtime("tests/referral-factories.ts"), newestMtime("tests/consent-factories.ts"), newestMtime("tsconfig.json"));
  if (!serverBuiltAt || serverSourcesAt > serverBuiltAt) {
    await buildServer({ log });
    built = true;
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfStale();
