/**
 * Who is reading the directory, and which coalition-only records they may see. Public records are
 * readable by anyone; coalition-only ones by a signed-in member of that coalition or a request
 * with the API key of a member organization. Deny by default. The caller comes from the guard
 * (`readCaller` in modules/auth/guard.server.ts); this module never sees the request.
 */
import type { Caller } from "~/modules/auth/actor";
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

export async function directoryViewer({ caller, coalitionSlug }: { caller: Caller | null; coalitionSlug?: string | null }): Promise<DirectoryViewer> {
  let coalitionId: string | null = null;
  if (coalitionSlug) {
    const coalition = await db.coalition.findFirst({ where: { slug: coalitionSlug, deletedAt: null }, select: { id: true } });
    if (!coalition) throw new AppError({ message: `Unknown coalition "${coalitionSlug}"`, status: 404 });
    coalitionId = coalition.id;
  } else coalitionId = caller?.coalitionIds[0] ?? (await onlyCoalition());
  if (!coalitionId) throw new AppError({ message: "Say which coalition's directory: add coalition=<slug>, sign in, or send an organization API key" });
  const member = !!caller && caller.coalitionIds.includes(coalitionId);
  return { coalitionId, member, userId: caller?.userId ?? null, organizationId: caller?.organizationId ?? null, apiKeyId: caller?.apiKeyId ?? null };
}

/** A deployment with a single coalition serves its directory without naming it. */
async function onlyCoalition(): Promise<string | null> {
  const coalitions = await db.coalition.findMany({ where: { deletedAt: null }, select: { id: true }, take: 2 });
  return coalitions.length === 1 ? coalitions[0].id : null;
}
