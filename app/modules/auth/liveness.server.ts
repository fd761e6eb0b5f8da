/**
 * When a session may still be used: not revoked, not expired, its person not deactivated. The
 * one statement of that rule: page requests (`loadAuthContext`) and live connections
 * (`app/realtime/session.server.ts`) both ask here, so the two can never disagree.
 */
import { db } from "~/utils/db.server";

/** The Prisma condition for a live session, as of `now`. */
export const liveSessionWhere = (now = new Date()) => ({ revokedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } });

/** Which of these sessions may still be used. */
export async function liveSessionIds(sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db.session.findMany({ where: { id: { in: sessionIds }, ...liveSessionWhere() }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
