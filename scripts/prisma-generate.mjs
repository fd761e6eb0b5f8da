// `prisma generate` without the native schema engine (which Prisma's CLI would try to download;
// generation does not use it). See docs/decisions/002-migrations-with-the-wasm-schema-engine.md.
import { spawnSync } from "node:child_process";
import path from "node:path";

const stub = path.resolve("prisma/schema-engine-stub.sh");
const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
