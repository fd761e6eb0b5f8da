/**
 * Backups of the hub's database, and restoring one into an empty database.
 *   PostgreSQL: pg_dump's custom format (`pg_dump -Fc`), restored with pg_restore in one
 *               transaction into an empty database (schema, data, triggers, the migration history).
 *   Embedded:   PGlite's own copy of its data directory (a .tar.gz), taken with the hub stopped
 *               (one process owns the directory), restored into a DATA_DIR without a database.
 * The field-encryption key is never in a backup: it is kept apart (whoever holds the dump alone
 * must not be able to read client identifiers), and a restore is checked with it: every client
 * decrypted, the audit chain verified. See docs/decisions/087-backups.md.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { openPglite } from "./connect.server";

const run = promisify(execFile);

export async function backupPostgres({ databaseUrl, file }: { databaseUrl: string; file: string }) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // --no-owner/--no-privileges: the dump restores under whichever role runs the restore.
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${databaseUrl}`]);
  fs.chmodSync(file, 0o600);
}

/** Refuses a database that already has tables: a restore never merges into or overwrites data. */
export async function restorePostgres({ databaseUrl, file }: { databaseUrl: string; file: string }) {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0].n > 0) throw new Error(`The target database already has ${rows[0].n} table(s): restore into an empty database (createdb a new one, then point DATABASE_URL at it).`);
  } finally {
    await client.end();
  }
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${databaseUrl}`, file]);
}

export async function backupPglite({ pgdataDir, file }: { pgdataDir: string; file: string }) {
  if (!fs.existsSync(path.join(pgdataDir, "PG_VERSION"))) throw new Error(`No embedded database in ${pgdataDir}`);
  const database = await openPglite(pgdataDir);
  try {
    const dump = await database.dumpDataDir();
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await database.close();
  }
}

export async function restorePglite({ pgdataDir, file }: { pgdataDir: string; file: string }) {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  if (fs.existsSync(pgdataDir) && fs.readdirSync(pgdataDir).length > 0) throw new Error(`${pgdataDir} is not empty: restore into a new DATA_DIR (or move the old database away first).`);
  fs.mkdirSync(pgdataDir, { recursive: true, mode: 0o700 });
  const database = await openPglite(pgdataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await database.close();
}
