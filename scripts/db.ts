/**
 * Database commands that work on machines where Prisma's CLI cannot download its engine:
 *   npm run db:migrate                 apply pending migrations (DATABASE_URL, or the embedded DB)
 *   npm run db:migration -- <name>     create prisma/migrations/<ts>_<name> from schema changes
 *   npm run db:seed                    load the demo coalition (idempotent)
 *   npm run audit:verify               check the audit trail's hash chain
 *   npm run keys:rotate                re-encrypt client data with the newest field key: with
 *                                      FIELD_ENCRYPTION_KEY=new,old set; or, for the embedded
 *                                      default, a new key is generated in DATA_DIR first
 * See docs/decisions/002-migrations-with-the-wasm-schema-engine.md.
 */
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { openPglite, openPostgres } from "~/utils/db/connect.server";
import { applyMigrations, createMigration } from "~/utils/db/migrator.server";
import { installDatabase } from "~/utils/db.server";
import fs from "node:fs";
import { generateMasterKey, installFieldKeys, parseMasterKey } from "~/utils/field-encryption.server";
import { bootFieldEncryption, fieldKeyFile, loadFieldEncryptionKeys } from "../server/boot";

const [command, ...args] = process.argv.slice(2);

async function openTarget() {
  const env = getEnv();
  const database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL, { max: 2 }) : await openPglite(path.join(env.dataDir, "pgdata"));
  installDatabase(database);
  return database;
}

async function main() {
  switch (command) {
    case "migrate": {
      const database = await openTarget();
      const applied = await applyMigrations(await database.migrationAdapter());
      console.info(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      await database.close();
      return;
    }
    case "migration": {
      const name = args[0];
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:migration -- <name in snake_case>");
      // Diff in a throwaway in-memory PostgreSQL: the history is replayed into PGlite's shadow
      // database, so creating a migration needs no server and never touches real data.
      const scratch = await openPglite();
      await applyMigrations(await scratch.migrationAdapter());
      const created = await createMigration(await scratch.migrationAdapter(), name);
      console.info(created ? `Created prisma/migrations/${created}/migration.sql` : "No schema changes: no migration created.");
      await scratch.close();
      return;
    }
    case "seed": {
      const database = await openTarget();
      await bootFieldEncryption(getEnv(), { databaseIsNew: false });
      const { seedDemo } = await import("../prisma/seed");
      await seedDemo();
      await database.close();
      return;
    }
    case "audit:verify": {
      const database = await openTarget();
      const { verifyAuditChain } = await import("~/modules/audit/service.server");
      const result = await verifyAuditChain();
      await database.close();
      if (result.ok) {
        console.info(`Audit chain intact: ${result.checked} event(s) verified.`);
        return;
      }
      console.error(`Audit chain BROKEN at event #${result.brokenAtSeq} (${result.brokenEventId}): ${result.reason}. ${result.checked} event(s) before it verified.`);
      process.exitCode = 2;
      return;
    }
    case "keys:rotate": {
      const env = getEnv();
      const database = await openTarget();
      const { rotateFieldEncryption, assertFieldKeysCoverData } = await import("~/modules/crypto/key-rotation.server");
      const existing = loadFieldEncryptionKeys(env, { mayCreate: false });
      let keys = existing;
      const file = fieldKeyFile(env);
      if (!env.FIELD_ENCRYPTION_KEY) {
        // Embedded default: the new key goes first in the file, next to the old ones, before any
        // row is touched; the old ones are dropped only once nothing uses them.
        keys = [parseMasterKey(generateMasterKey()), ...existing];
        fs.writeFileSync(file, keys.map((k) => k.toString("base64")).join("\n") + "\n", { mode: 0o600 });
      }
      installFieldKeys(keys);
      await assertFieldKeysCoverData();
      const result = await rotateFieldEncryption();
      if (!env.FIELD_ENCRYPTION_KEY) fs.writeFileSync(file, `${keys[0].toString("base64")}\n`, { mode: 0o600 });
      await database.close();
      console.info(`Re-encrypted ${result.clients} client(s), ${result.authorizations} authorization(s) and ${result.referrals} referral note(s) and comment(s) with key ${result.keyId}.`);
      console.info(env.FIELD_ENCRYPTION_KEY ? "Every record now uses the first key in FIELD_ENCRYPTION_KEY: remove the older key(s) from it." : `The new key is in ${file}: back it up now (the old one is no longer needed).`);
      return;
    }
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use migrate, migration <name>, seed, audit:verify or keys:rotate.`);
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0)) // the Wasm engine keeps the event loop alive ~10 s
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
