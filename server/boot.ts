/**
 * Start-up shared by the server, the scripts and the tests: open the database (embedded PGlite or
 * PostgreSQL), apply migrations where that is automatic, seed the demo, and load the cookie secret.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Env } from "~/utils/env.server";
import { openPglite, openPostgres, type Database } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";
import { installDatabase } from "~/utils/db.server";
import { installSessionSecrets } from "~/utils/runtime.server";
import { installFieldKeys, parseMasterKey, generateMasterKey } from "~/utils/field-encryption.server";
import { assertFieldKeysCoverData } from "~/modules/crypto/key-rotation.server";

export async function bootDatabase(env: Env, { log = console.info }: { log?: (m: string) => void } = {}): Promise<Database> {
  if (env.DATABASE_URL) {
    const database = await openPostgres(env.DATABASE_URL);
    installDatabase(database);
    await bootFieldEncryption(env, { databaseIsNew: false });
    return database;
  }
  fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  const started = Date.now();
  const database = await openPglite(path.join(env.dataDir, "pgdata"));
  installDatabase(database);
  const applied = await applyMigrations(await database.migrationAdapter());
  if (applied.length) log(`Applied ${applied.length} migration(s) to the embedded database: ${applied.join(", ")}`);
  await bootFieldEncryption(env, { databaseIsNew: database.isNew });
  if (database.isNew && env.SEED_DEMO === "true") {
    const { seedDemo } = await import("../prisma/seed");
    await seedDemo({ log });
  }
  log(`Embedded PostgreSQL ready in ${env.dataDir} (${Date.now() - started} ms)`);
  return database;
}

/**
 * SESSION_SECRET from the environment (comma-separated, newest first), or for the embedded
 * default one generated on first start and kept in DATA_DIR/session-secret (owner-only).
 */
export function loadSessionSecrets(env: Env): string[] {
  if (env.SESSION_SECRET) return env.SESSION_SECRET.split(",").map((s) => s.trim()).filter(Boolean);
  const file = path.join(env.dataDir, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it to generate a new one`);
  return [secret];
}

export function bootSecrets(env: Env) {
  const secrets = loadSessionSecrets(env);
  installSessionSecrets(secrets);
  return secrets;
}

const FIELD_KEY_FILE = "field-encryption-key";
export const fieldKeyFile = (env: Env) => path.join(env.dataDir, FIELD_KEY_FILE);

/**
 * FIELD_ENCRYPTION_KEY from the environment (comma-separated, newest first), or for the embedded
 * default DATA_DIR/field-encryption-key (one key per line, newest first, owner-only), generated
 * when missing, but only for a database that holds no encrypted data yet: a lost key is never
 * silently replaced.
 */
export function loadFieldEncryptionKeys(env: Env, { mayCreate = true }: { mayCreate?: boolean } = {}): Buffer[] {
  if (env.FIELD_ENCRYPTION_KEY) return env.FIELD_ENCRYPTION_KEY.split(",").map((s) => s.trim()).filter(Boolean).map(parseMasterKey);
  const file = fieldKeyFile(env);
  if (!fs.existsSync(file)) {
    if (!mayCreate) {
      throw new Error(`The field encryption key is missing: ${file} does not exist and FIELD_ENCRYPTION_KEY is not set, but the database holds encrypted client records. Restore the key from your backup; the hub cannot read client records without it.`);
    }
    fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${generateMasterKey()}\n`, { mode: 0o600 });
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean).map(parseMasterKey);
}

/** Installs the field keys and refuses to start when stored data needs a key that is not there. */
export async function bootFieldEncryption(env: Env, { databaseIsNew }: { databaseIsNew: boolean }) {
  const { db } = await import("~/utils/db.server");
  let holdsEncryptedData: boolean;
  try {
    holdsEncryptedData = !databaseIsNew && ((await db.client.count()) > 0 || (await db.consentAuthorization.count()) > 0);
  } catch (error) {
    // A PostgreSQL server that is down at start: serve the friendly error page and a 503 from
    // /healthz rather than crash-looping. The configured keys are installed; the check that they
    // cover the stored data runs at the next start.
    // Only "cannot reach the server" (P1001); any other error (a missing table, bad credentials
    // answered by the server) still stops the start.
    const unreachable = (error as { code?: string }).code === "P1001";
    if (!unreachable || !env.DATABASE_URL || !env.FIELD_ENCRYPTION_KEY) throw error;
    console.warn(`[boot] the database did not answer (${error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : error}); starting without the key coverage check`);
    installFieldKeys(loadFieldEncryptionKeys(env, { mayCreate: false }));
    return;
  }
  installFieldKeys(loadFieldEncryptionKeys(env, { mayCreate: !holdsEncryptedData }));
  await assertFieldKeysCoverData();
}
