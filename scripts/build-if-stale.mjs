// Builds the app when build/ is missing or older than the sources. Used by `npm start` and the
// end-to-end test setup.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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

export function buildIfStale({ log = console.info } = {}) {
  const marker = "build/server/index.js";
  const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime("app"), newestMtime("public"), newestMtime("vite.config.ts"), newestMtime("package-lock.json"));
  if (builtAt && sourcesAt <= builtAt) return false;
  log(builtAt ? "Sources changed since the last build: building…" : "Building the app…");
  const build = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("The build failed");
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
