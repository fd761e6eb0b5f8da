/**
 * npm run db:backup [-- <file>]    back up DATABASE_URL (pg_dump) or the embedded database in DATA_DIR
 * npm run db:restore -- <file>     restore into an EMPTY database (DATABASE_URL, or a DATA_DIR without
 *                                  one), then check it: every client decrypted with the field key,
 *                                  the audit chain verified. The key is not in the backup: keep it apart.
 * The embedded database must not be in use (stop `npm start` first). See docs/decisions/087-backups.md.
 */
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { openPglite, openPostgres } from "~/utils/db/connect.server";
import { installDatabase, db } from "~/utils/db.server";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "~/utils/db/backup.server";
import { bootFieldEncryption, fieldKeyFile } from "../server/boot";

const [command, fileArg] = process.argv.slice(2);
const env = getEnv();
const pgdataDir = path.join(env.dataDir, "pgdata");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

async function checkRestored() {
  const database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL, { max: 2 }) : await openPglite(pgdataDir);
  installDatabase(database);
  try {
    await bootFieldEncryption(env, { databaseIsNew: false }); // refuses when a key is missing
    const { decryptClient } = await import("~/modules/client/service.server");
    const { verifyAuditChain } = await import("~/modules/audit/service.server");
    let clients = 0;
    for (const row of await db.client.findMany()) {
      decryptClient(row); // throws on a wrong or missing key
      clients += 1;
    }
    const chain = await verifyAuditChain();
    if (!chain.ok) throw new Error(`Audit chain BROKEN at event #${chain.brokenAtSeq}: ${chain.reason}`);
    console.info(`Check: ${clients} client(s) decrypted; audit chain intact: ${chain.checked} event(s) verified.`);
  } finally {
    await database.close();
  }
}

async function main() {
  if (command === "backup") {
    const file = fileArg ?? path.join("backups", `coalition-hub-${stamp}.${env.DATABASE_URL ? "dump" : "tar.gz"}`);
    if (env.DATABASE_URL) await backupPostgres({ databaseUrl: env.DATABASE_URL, file });
    else await backupPglite({ pgdataDir, file });
    console.info(`Backed up to ${file}`);
    console.info(`The field-encryption key is NOT in it. Keep a copy of ${env.FIELD_ENCRYPTION_KEY ? "FIELD_ENCRYPTION_KEY" : fieldKeyFile(env)} apart from the backups (another place, other people): without it, client identifiers cannot be read.`);
    return;
  }
  if (command === "restore") {
    if (!fileArg) throw new Error("Usage: npm run db:restore -- <backup file>");
    if (env.DATABASE_URL) await restorePostgres({ databaseUrl: env.DATABASE_URL, file: fileArg });
    else await restorePglite({ pgdataDir, file: fileArg });
    console.info(`Restored ${fileArg} into ${env.DATABASE_URL ? "DATABASE_URL" : pgdataDir}`);
    await checkRestored();
    return;
  }
  throw new Error(`Unknown command "${command ?? ""}". Use backup [file] or restore <file>.`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
