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

export async function bootDatabase(env: Env, { log = console.info }: { log?: (m: string) => void } = {}): Promise<Database> {
  if (env.DATABASE_URL) {
    const database = await openPostgres(env.DATABASE_URL);
    installDatabase(database);
    return database;
  }
  fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  const started = Date.now();
  const database = await openPglite(path.join(env.dataDir, "pgdata"));
  installDatabase(database);
  const applied = await applyMigrations(await database.migrationAdapter());
  if (applied.length) log(`Applied ${applied.length} migration(s) to the embedded database: ${applied.join(", ")}`);
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
