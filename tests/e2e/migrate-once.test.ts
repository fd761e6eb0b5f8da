/**
 * Two nodes starting together on an empty PostgreSQL database both run `npm run db:migrate` (as
 * a container's start command would): the migrations are applied once, by one of them, and both
 * succeed. An advisory lock around the migration makes the second wait and then find nothing to
 * do (scripts/db.ts, docs/decisions/085-production-server.md). Runs with TEST_DATABASE_URL.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)("migrations with two nodes starting together", () => {
  const dbName = `hub_migrate_once_${process.pid}`;
  let admin: import("pg").Client;
  let databaseUrl: string;

  beforeAll(async () => {
    const { default: pg } = await import("pg");
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.end();
  });

  it("applies each migration once and both commands succeed", async () => {
    const migrate = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.once("exit", (code) => resolve({ code, out }));
      });
    const results = await Promise.all([migrate(), migrate()]);
    expect(results.map((r) => r.code), results.map((r) => r.out).join("\n---\n")).toEqual([0, 0]);
    const shipped = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(results.filter((r) => r.out.includes("Applied:"))).toHaveLength(1);
    expect(results.filter((r) => r.out.includes("The database is up to date."))).toHaveLength(1);
    const { default: pg } = await import("pg");
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const rows = await db.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1`);
    await db.end();
    expect(rows.rows).toHaveLength(shipped);
    expect(rows.rows.filter((r) => r.n !== 1)).toEqual([]);
  }, 180_000);
});
