/**
 * Once per run on a PostgreSQL server (TEST_DATABASE_URL, or DATABASE_URL): a template database
 * with every migration applied; each test worker then gets its own copy (CREATE DATABASE …
 * TEMPLATE), so workers never share rows and the server's other databases are never touched.
 */
import pg from "pg";
import { openPostgres } from "~/utils/db/connect.server";
import { applyMigrations } from "~/utils/db/migrator.server";

export function serverUrl() {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("The postgres test project needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  return url;
}

export function databaseUrl(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup() {
  const base = serverUrl();
  const template = `hub_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = await openPostgres(databaseUrl(base, template), { max: 2 });
  await applyMigrations(await database.migrationAdapter());
  await database.close();
  process.env.TEST_POSTGRES_TEMPLATE = template;

  return async () => {
    // Worker databases are named after the template; drop them all, then the template.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const { datname } of rows.filter((r) => r.datname !== template)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
