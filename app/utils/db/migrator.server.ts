/**
 * Prisma migrations without Prisma's native CLI engine.
 *
 * Prisma's CLI downloads a native schema engine at first use, which these machines cannot do.
 * Prisma ships the same engine compiled to WebAssembly (@prisma/schema-engine-wasm); driven with a
 * driver adapter it reads and writes the standard `prisma/migrations/<ts>_<name>/migration.sql`
 * folders, so `prisma migrate deploy` keeps working wherever the native CLI can run.
 * See docs/decisions/002-migrations-with-the-wasm-schema-engine.md.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

/**
 * One engine per process, shared through globalThis: the bindings module is a singleton in Node's
 * module cache, and instantiating a second wasm for it (e.g. from a second copy of this file in
 * another vitest project) would swap the memory under the first one's feet.
 */
const shared = globalThis as unknown as { __prismaSchemaEngine?: Promise<EngineModule>; __prismaSchemaEngineQueue?: Promise<unknown> };

/**
 * The package's entry imports its .wasm as an ES module, which Node 20 cannot do; instantiate the
 * same wasm-bindgen output by hand (what the entry file does, in four lines).
 */
function loadEngine(): Promise<EngineModule> {
  shared.__prismaSchemaEngine ??= (async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
      __wbg_set_wasm(wasm: unknown): void;
    };
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const bytes = await fs.readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return shared.__prismaSchemaEngine;
}

/** Engine operations run one at a time in a process (the Wasm engine is not re-entrant). */
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const previous = shared.__prismaSchemaEngineQueue ?? Promise.resolve();
  const next = previous.then(fn, fn);
  shared.__prismaSchemaEngineQueue = next.catch(() => undefined);
  return next;
}

async function readMigrationsList(dir = MIGRATIONS_DIR) {
  await fs.mkdir(dir, { recursive: true });
  const entries = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
      try {
        content = { tag: "ok", value: await fs.readFile(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: String(error) };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  let lockContent: string | null = null;
  try {
    lockContent = await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8");
  } catch {
    lockContent = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// Tables the schema engine must leave alone (created by hand-written SQL in a migration).
export const EXTERNAL_TABLES = ["public.socket_io_attachments"];
const noFilters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };

function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>) => Promise<T>,
): Promise<T> {
  return serialized(() => runWithEngine(adapterFactory, fn));
}

async function runWithEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>) => Promise<T>,
): Promise<T> {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const { SchemaEngine } = await loadEngine();
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await fn(engine);
  } catch (error) {
    const detail = logs.length ? `\n${logs.slice(-5).join("\n")}` : "";
    throw new Error(`${formatEngineError(error)}${detail}`);
  } finally {
    engine.free();
  }
}

function formatEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** Applies every migration not yet applied (= `prisma migrate deploy`). Returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  return withEngine(adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/**
 * Writes a new migration folder for the difference between the migration history and
 * prisma/schema.prisma (= `prisma migrate dev --create-only`). Returns the folder name, or null
 * when the schema has no changes.
 */
export async function createMigration(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  { draft = false }: { draft?: boolean } = {},
): Promise<string | null> {
  const migrationsList = await readMigrationsList();
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  return withEngine(adapterFactory, async (engine) => {
    // devDiagnostic replays the history into the adapter's shadow database and caches the
    // resulting schema; createMigration (which has no shadow database of its own in the Wasm
    // engine) then diffs against that cache. This is the order `prisma migrate dev` uses.
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: noFilters });
    if (diagnostic.action.tag === "reset") {
      throw new Error(`The development database needs a reset before a migration can be created: ${diagnostic.action.reason}`);
    }
    const output = await engine.createMigration({
      draft,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
      filters: noFilters,
    });
    if (output.migrationScript === null) return null;
    const folder = path.join(MIGRATIONS_DIR, output.generatedMigrationName);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, `migration.${output.extension}`), output.migrationScript);
    await fs.writeFile(
      path.join(MIGRATIONS_DIR, "migration_lock.toml"),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    return output.generatedMigrationName;
  });
}
