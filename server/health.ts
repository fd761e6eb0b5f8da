/**
 * Probes for a load balancer or orchestrator:
 *   /healthz  the process answers and reaches its database (200, or 503 naming the cause)
 *   /readyz   send it traffic: the database answers, every migration in prisma/migrations is
 *             applied, and the node is not shutting down (503 with the reasons otherwise)
 * Both answer within PROBE_TIMEOUT_MS even when the database hangs.
 * See docs/decisions/085-production-server.md.
 */
import fs from "node:fs";
import type { Request, Response } from "express";
import { db } from "~/utils/db.server";
import { MIGRATIONS_DIR } from "~/utils/db/migrator.server";

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/** The migration folders this build ships (read once: they do not change under a running server). */
export function shippedMigrations(dir = MIGRATIONS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Migrations shipped but not (successfully) applied to the database. */
export async function pendingMigrations(shipped: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return shipped.filter((name) => !applied.has(name));
}

export function healthRoutes({ isDraining, log = console.error }: { isDraining: () => boolean; log?: (message: string) => void }) {
  const shipped = shippedMigrations();

  async function healthz(_req: Request, res: Response) {
    try {
      await withTimeout(db.$queryRaw`SELECT 1`);
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable", error: "database unreachable" });
      log(`[healthz] database check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function readyz(_req: Request, res: Response) {
    const reasons: string[] = [];
    if (isDraining()) reasons.push("shutting down");
    try {
      const pending = await withTimeout(pendingMigrations(shipped));
      if (pending.length) reasons.push(`${pending.length} migration(s) not applied: ${pending.join(", ")} (run npm run db:migrate)`);
    } catch (error) {
      reasons.push("database unreachable");
      log(`[readyz] database check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    res.set("Cache-Control", "no-store");
    if (reasons.length) res.status(503).json({ status: "not ready", reasons });
    else res.json({ status: "ready" });
  }

  return { healthz, readyz };
}
