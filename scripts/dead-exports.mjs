#!/usr/bin/env node
/**
 * Lists exported names under app/ that no other file mentions (ADR 080): `node scripts/dead-exports.mjs`.
 * A name counts as used when it appears as a word in any other source file of app/, server/,
 * tests/, bench/, scripts/ or prisma/ (a re-export or a test counts). Route-module conventions
 * (loader, action, meta, default, ErrorBoundary …) and the Remix entry's handleDataRequest are
 * skipped. --internal also lists names only their own file uses (exported without need).
 * Exit code 1 when a dead export is found, so it can run in CI.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOTS = ["app", "server", "tests", "bench", "scripts", "prisma"];
const CONVENTIONS = new Set(["loader", "action", "meta", "links", "headers", "ErrorBoundary", "default", "handle", "shouldRevalidate", "clientLoader", "clientAction", "HydrateFallback", "Layout", "handleDataRequest", "handleError", "streamTimeout"]);
const EXPORT = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|type|interface|enum)\s+([A-Za-z0-9_$]+)/gm;

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (name === "node_modules" || name === "generated") return [];
  return statSync(path).isDirectory() ? walk(path) : /\.(tsx?|mjs|js)$/.test(name) ? [path] : [];
});
const files = ROOTS.flatMap((root) => { try { return walk(root); } catch { return []; } });
const source = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
const escape = (s) => s.replace(/[$]/g, "\\$");
const internal = process.argv.includes("--internal");

let dead = 0;
for (const [file, text] of source) {
  if (!file.startsWith("app/")) continue;
  const entry = file.startsWith("app/routes/") || /^app\/(root|entry\.server|entry\.client)\.tsx$/.test(file);
  for (const [, name] of text.matchAll(EXPORT)) {
    if (entry && CONVENTIONS.has(name)) continue;
    const word = new RegExp(`\\b${escape(name)}\\b`);
    if ([...source].some(([other, t]) => other !== file && word.test(t))) continue;
    const ownUses = text.match(new RegExp(`\\b${escape(name)}\\b`, "g")).length;
    if (ownUses > 1 && !internal) continue;
    if (ownUses <= 1) dead++;
    console.log(`${ownUses > 1 ? "internal" : "dead    "}  ${file}  ${name}`);
  }
}
process.exit(dead > 0 ? 1 : 0);
