/**
 * Per test worker: a real database of its own (embedded PGlite loaded from the migrated template,
 * or a copy of the PostgreSQL template database), installed as the app's database. Opened once per
 * worker process and kept across test files; tests create their own rows with the factories and
 * never assume an empty database.
 */
import fs from "node:fs";
import pg from "pg";
import { openPglite, openPostgres, type Database } from "~/utils/db/connect.server";
import { installDatabase } from "~/utils/db.server";
import { installSessionSecrets } from "~/utils/runtime.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { installFieldKeys } from "~/utils/field-encryption.server";

const holder = globalThis as unknown as { __testDatabase?: Promise<Database> };

let opened = 0;

/** A fresh, migrated, empty database of this worker's kind. */
export async function openTestDatabase(): Promise<Database> {
  opened += 1;
  if (process.env.TEST_DB_KIND === "postgres") {
    const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL!;
    const template = process.env.TEST_POSTGRES_TEMPLATE!;
    const name = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${opened}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // Two workers cannot copy the template at the same instant (55006): wait and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return openPostgres(url.toString(), { max: 4 });
  }
  const template = fs.readFileSync(process.env.TEST_PGLITE_TEMPLATE!);
  return openPglite(undefined, { loadDataDir: new Blob([template]) });
}

setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: "./data-test-unused" }));
installSessionSecrets(["test-secret-test-secret-test-secret-0123456789"]);
installFieldKeys([Buffer.alloc(32, 7)]); // SUITE_FIELD_KEY in tests/field-keys.ts
holder.__testDatabase ??= openTestDatabase();
installDatabase(await holder.__testDatabase);

/**
 * For tests that must break the database on purpose (tampering with the audit trail): they run
 * on a database of their own, and the worker's shared one is put back afterwards.
 */
export async function useIsolatedDatabase() {
  const shared = await holder.__testDatabase!;
  const isolated = await openTestDatabase();
  installDatabase(isolated);
  return async () => {
    installDatabase(shared);
    await isolated.close();
  };
}
