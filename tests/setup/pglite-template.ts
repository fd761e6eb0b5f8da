/**
 * Once per run: an embedded PostgreSQL with every migration applied, dumped to a tarball that each
 * test worker loads (well under a second) instead of running initdb and the migrations again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPglite } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";

export default async function setup() {
  const file = path.join(os.tmpdir(), `coalition-hub-template-${process.pid}.tar.gz`);
  const database = await openPglite();
  await applyMigrations(await database.migrationAdapter());
  const dump = await database.dumpDataDir();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env.TEST_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(file, { force: true });
}
