/**
 * Database commands that work on machines where Prisma's CLI cannot download its engine:
 *   npm run db:migrate                 apply pending migrations (DATABASE_URL, or the embedded DB)
 *   npm run db:migration -- <name>     create prisma/migrations/<ts>_<name> from schema changes
 *   npm run db:seed                    load the demo coalition (idempotent)
 *   npm run audit:verify               check the audit trail's hash chain
 * See docs/decisions/002-migrations-with-the-wasm-schema-engine.md.
 */
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { openPglite, openPostgres } from "~/utils/db/connect.server";
import { applyMigrations, createMigration } from "~/utils/db/migrator.server";
import { installDatabase } from "~/utils/db.server";

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
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use migrate, migration <name>, seed or audit:verify.`);
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0)) // the Wasm engine keeps the event loop alive ~10 s
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
