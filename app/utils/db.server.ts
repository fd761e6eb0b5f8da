/**
 * The app's Prisma client. The server (server/index.ts), scripts and test setup open the database
 * once and install it here; services import `db` and never construct clients.
 */
import type { PrismaClient } from "~/generated/prisma/client.ts";
import type { Database } from "./db/connect.server";

const holder = globalThis as unknown as { __coalitionHubDatabase?: Database };

export function installDatabase(database: Database) {
  holder.__coalitionHubDatabase = database;
}

export function getDatabase(): Database {
  const database = holder.__coalitionHubDatabase;
  if (!database) throw new Error("The database is not open: call installDatabase() at boot");
  return database;
}

/** The Prisma client of the installed database (a stable reference that follows installDatabase). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const client = getDatabase().prisma as unknown as Record<string | symbol, unknown>;
    const value = client[key];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type { PrismaClient };
export { Prisma } from "~/generated/prisma/client.ts";
