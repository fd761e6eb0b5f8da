// `npm start`: build the app when the build is missing or older than the sources, then serve it
// in production mode on the embedded database (or DATABASE_URL).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync("build/server/index.js") ? fs.statSync("build/server/index.js").mtimeMs : 0;
const sourcesAt = Math.max(newestMtime("app"), newestMtime("public"), fs.statSync("vite.config.ts").mtimeMs);
if (!builtAt || sourcesAt > builtAt) {
  console.info(builtAt ? "Sources changed since the last build: building…" : "First start: building the app…");
  const build = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
process.exit(server.status ?? 0);
