/**
 * Who is reading the directory, and which coalition-only records they may see. Public records are
 * readable by anyone; coalition-only ones by a signed-in member of that coalition or a request
 * with the API key of a member organization. Deny by default.
 */
import { authenticateApiKey } from "~/modules/org/api-keys.server";
import { readSessionId, SESSION_TTL_MS } from "~/modules/auth/cookie.server";
import { AppError } from "~/utils/app-error";
import { db } from "~/utils/db.server";

export type DirectoryViewer = {
  coalitionId: string;
  /** May see COALITION records of this coalition. */
  member: boolean;
  userId: string | null;
  organizationId: string | null;
  apiKeyId: string | null;
};

export async function resolveDirectoryViewer(request: Request, coalitionSlug?: string | null): Promise<DirectoryViewer> {
  const apiKey = await authenticateApiKey(request);
  const auth = apiKey ? null : await sessionScope(request);
  let coalitionId: string | null = null;
  if (coalitionSlug) {
    const coalition = await db.coalition.findFirst({ where: { slug: coalitionSlug, deletedAt: null }, select: { id: true } });
    if (!coalition) throw new AppError({ message: `Unknown coalition "${coalitionSlug}"`, status: 404 });
    coalitionId = coalition.id;
  } else coalitionId = auth?.coalitionId ?? apiKey?.coalitionIds[0] ?? (await onlyCoalition());
  if (!coalitionId) throw new AppError({ message: "Say which coalition's directory: add coalition=<slug>, sign in, or send an organization API key" });
  const member = auth ? auth.coalitionId === coalitionId : apiKey ? apiKey.coalitionIds.includes(coalitionId) : false;
  return { coalitionId, member, userId: auth?.userId ?? null, organizationId: auth?.organizationId ?? apiKey?.organizationId ?? null, apiKeyId: apiKey?.apiKeyId ?? null };
}

type SessionScope = { userId: string; organizationId: string | null; coalitionId: string | null };

/**
 * The signed-in user's current organization and coalition in one statement: the same answer as
 * loadAuthContext (app/modules/auth/service.server.ts) for what the directory needs, without the
 * five queries of the full context (names, every membership, roles, permissions). Nothing is
 * cached: a revoked session, a removed membership or a switched organization count at once.
 * A test pins it to loadAuthContext. See docs/decisions/014-map-api-json-in-sql-and-server-clusters.md.
 */
export async function sessionScope(request: Request): Promise<SessionScope | null> {
  const sessionId = await readSessionId(request.headers.get("cookie"));
  if (!sessionId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) return null;
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
    WHERE s."id" = ${sessionId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" >= now()`;
  const row = rows[0];
  if (!row) return null;
  // Sliding expiry, as loadAuthContext does: written at most once a minute.
  if (row.stale) await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return { userId: row.userId, organizationId: row.organizationId, coalitionId: row.coalitionId };
}

/** Turns a thrown AppError (or other bad input) into a JSON error response: the one mapper (ADR 060). */
export { jsonErrorResponse as jsonError } from "~/utils/http-errors.server";

/** A deployment with a single coalition serves its directory without naming it. */
async function onlyCoalition(): Promise<string | null> {
  const coalitions = await db.coalition.findMany({ where: { deletedAt: null }, select: { id: true }, take: 2 });
  return coalitions.length === 1 ? coalitions[0].id : null;
}
