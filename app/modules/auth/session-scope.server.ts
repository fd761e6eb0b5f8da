/**
 * The signed-in user's current organization and coalition in one statement: the same answer as
 * loadAuthContext (service.server.ts) for what public reads need (the directory, HSDS, the map
 * API), without the five queries of the full context (names, every membership, roles,
 * permissions). Nothing is cached: a revoked session, a removed membership or a switched
 * organization count at once. A test pins it to loadAuthContext (session-scope.test.ts).
 * See docs/decisions/014-map-api-json-in-sql-and-server-clusters.md.
 */
import { db } from "~/utils/db.server";
import { uuid } from "~/utils/form-fields";
import { SESSION_TTL_MS } from "./cookie.server";

export type SessionScope = { userId: string; organizationId: string | null; coalitionId: string | null };

const SessionId = uuid();

export async function loadSessionScope(sessionId: string): Promise<SessionScope | null> {
  if (!SessionId.safeParse(sessionId).success) return null;
  const rows = await db.$queryRaw<(SessionScope & { stale: boolean })[]>`
    SELECT s."userId"::text AS "userId", cur."organizationId"::text AS "organizationId", c."id"::text AS "coalitionId",
           s."lastSeenAt" < now() - interval '60 seconds' AS "stale"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId" AND u."deactivatedAt" IS NULL
    LEFT JOIN LATERAL (
      SELECT m."organizationId" FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId" AND o."deletedAt" IS NULL
      WHERE m."userId" = s."userId" AND m."revokedAt" IS NULL
      ORDER BY (m."organizationId" = s."currentOrganizationId") DESC NULLS LAST, m."createdAt" ASC
      LIMIT 1
    ) cur ON true
    LEFT JOIN LATERAL (
      SELECT cm."coalitionId" FROM "CoalitionMember" cm WHERE cm."organizationId" = cur."organizationId" AND cm."status" = 'ACTIVE'
      ORDER BY cm."joinedAt" ASC LIMIT 1
    ) first ON true
    LEFT JOIN "Coalition" c ON c."id" = first."coalitionId" AND c."deletedAt" IS NULL
    WHERE s."id" = ${sessionId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > now()`;
  const row = rows[0];
  if (!row) return null;
  // Sliding expiry, as loadAuthContext does: written at most once a minute.
  if (row.stale) await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return { userId: row.userId, organizationId: row.organizationId, coalitionId: row.coalitionId };
}
