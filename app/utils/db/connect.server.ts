/**
 * Opening the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PostgreSQL
 * (PGlite, real Postgres compiled to WebAssembly) kept in DATA_DIR/pgdata. Same schema, same
 * migrations, same Prisma client; see docs/decisions/001-embedded-postgres-with-pglite.md.
 */
import fs from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client.ts";

export type Database = {
  prisma: PrismaClient;
  kind: "pglite" | "postgresql";
  /** A fresh adapter factory for the migration engine, on the same database. */
  migrationAdapter: () => Promise<SqlMigrationAwareDriverAdapterFactory>;
  close: () => Promise<void>;
};

/**
 * How long a query waits for a connection (a new one, or a free slot in the pool) before it fails:
 * pg's default is forever, so a database that stops answering would hang every request. With it a
 * request fails within seconds and the mapper answers 503 (ADR 090).
 */
export const CONNECT_TIMEOUT_MS = 5_000;

export async function openPostgres(connectionString: string, { max = 10, connectionTimeoutMillis = CONNECT_TIMEOUT_MS } = {}): Promise<Database> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis }) });
  return {
    prisma,
    kind: "postgresql",
    migrationAdapter: async () => wholeScriptMigrations(new PrismaPg({ connectionString, max: 2 }) as unknown as SqlMigrationAwareDriverAdapterFactory),
    close: () => prisma.$disconnect(),
  };
}

type ScriptAdapter = { executeScript(script: string): Promise<void>; underlyingDriver(): { query(sql: string): Promise<unknown> } };

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks any statement
 * with a semicolon inside it (a PL/pgSQL function body, a string). PostgreSQL's simple-query
 * protocol runs a whole multi-statement script in one round trip, atomically: send it as is.
 */
function wholeScriptMigrations(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = <T>(adapter: T): T => {
    const a = adapter as unknown as ScriptAdapter;
    a.executeScript = async (script: string) => {
      await a.underlyingDriver().query(script);
    };
    return adapter;
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  } as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * @param dataDir a directory to persist to, or undefined for an in-memory database (tests).
 * PGlite does not create parent directories, and one process owns a directory at a time.
 */
export async function openPglite(
  dataDir?: string,
  { loadDataDir }: { loadDataDir?: Blob } = {},
): Promise<Database & { isNew: boolean; dumpDataDir: () => Promise<Blob> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let isNew = true;
  if (dataDir) {
    isNew = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  }
  const pg = new PGlite({ dataDir, loadDataDir });
  await pg.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
  return {
    prisma,
    kind: "pglite",
    isNew,
    migrationAdapter: async () => new PrismaPGlite(pg) as unknown as SqlMigrationAwareDriverAdapterFactory,
    dumpDataDir: () => pg.dumpDataDir("gzip"),
    close: async () => {
      await prisma.$disconnect();
      await pg.close();
    },
  };
}
