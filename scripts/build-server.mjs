// The production server as plain JavaScript: server/index.ts and everything it imports from app/
// bundled by esbuild (already installed as Vite's own bundler) into build/node/, with every npm
// package left as an import of node_modules. `npm run serve` runs it with no TypeScript loader.
// The Remix app itself is build/server/index.js (remix vite:build), loaded by it at start.
// See docs/decisions/085-production-server.md.
import { build } from "esbuild";

export const SERVER_BUNDLE = "build/node/index.js";

export async function buildServer({ log = console.info } = {}) {
  const started = Date.now();
  await build({
    entryPoints: { index: "server/index.ts" },
    outdir: "build/node",
    bundle: true,
    splitting: true, // the demo seed and the dev server stay separate chunks, loaded on demand
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json", // the ~/ alias
    sourcemap: true,
    logLevel: "warning",
    // Bundled ESM has no require; some generated code expects one.
    banner: { js: 'import { createRequire as __hubCreateRequire } from "node:module"; const require = __hubCreateRequire(import.meta.url);' },
  });
  log(`Server built into build/node in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
