/**
 * Backups as an operator takes them (npm run db:backup / db:restore, docs/decisions/087-backups.md):
 * the demo is backed up, restored into an empty database, and the restore's own check finds every
 * client decryptable and the audit chain intact. The field-encryption key is not in the backup: a
 * restore without it is refused by the check. Embedded database always; PostgreSQL with
 * TEST_DATABASE_URL.
 */
import { seededDemoClients } from "./seed-clients";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const demoClientCount = () => seededDemoClients().length;

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, NODE_ENV: "test", ...env }, encoding: "utf8" });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hub-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("embedded database: the demo restores into a new DATA_DIR with its key; every client decrypts, the chain verifies", async () => {
    const source = { DATA_DIR: path.join(tmp, "source") };
    expect(run("scripts/db.ts", ["migrate"], source).code).toBe(0);
    const seeded = run("scripts/db.ts", ["seed"], source);
    expect(seeded.code, seeded.out).toBe(0);
    const file = path.join(tmp, "demo.tar.gz");
    const backup = run("scripts/backup.ts", ["backup", file], source);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain("The field-encryption key is NOT in it");

    // Without the key kept apart, the restored data cannot be read: the check says so.
    const keyless = run("scripts/backup.ts", ["restore", file], { DATA_DIR: path.join(tmp, "keyless") });
    expect(keyless.code).toBe(1);
    expect(keyless.out).toContain("The field encryption key is missing");

    const target = path.join(tmp, "target");
    fs.mkdirSync(target);
    fs.copyFileSync(path.join(source.DATA_DIR, "field-encryption-key"), path.join(target, "field-encryption-key"));
    const restored = run("scripts/backup.ts", ["restore", file], { DATA_DIR: target });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(new RegExp(`Check: ${demoClientCount()} client\\(s\\) decrypted; audit chain intact: [1-9]\\d* event\\(s\\) verified`));

    // A database is never overwritten.
    const again = run("scripts/backup.ts", ["restore", file], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.out).toContain("is not empty");
  }, 400_000);

  const postgresUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!postgresUrl)("PostgreSQL: pg_dump of the demo restores into an empty database; every client decrypts, the chain verifies", async () => {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const names = [`hub_backup_src_${process.pid}`, `hub_backup_dst_${process.pid}`];
    const urlOf = (name: string) => Object.assign(new URL(postgresUrl!), { pathname: `/${name}` }).toString();
    try {
      for (const name of names) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
      const key = { FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString("base64") };
      const source = { DATABASE_URL: urlOf(names[0]), ...key };
      expect(run("scripts/db.ts", ["migrate"], source).code).toBe(0);
      const seeded = run("scripts/db.ts", ["seed"], source);
      expect(seeded.code, seeded.out).toBe(0);
      const file = path.join(tmp, "demo.dump");
      const backup = run("scripts/backup.ts", ["backup", file], source);
      expect(backup.code, backup.out).toBe(0);

      const restored = run("scripts/backup.ts", ["restore", file], { DATABASE_URL: urlOf(names[1]), ...key });
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toMatch(new RegExp(`Check: ${demoClientCount()} client\\(s\\) decrypted; audit chain intact: [1-9]\\d* event\\(s\\) verified`));

      const again = run("scripts/backup.ts", ["restore", file], { DATABASE_URL: urlOf(names[1]), ...key });
      expect(again.code).toBe(1);
      expect(again.out).toContain("restore into an empty database");
    } finally {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 400_000);
});
