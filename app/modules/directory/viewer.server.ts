/**
 * Who is reading the directory, and which coalition-only records they may see. Public records are
 * readable by anyone; coalition-only ones by a signed-in member of that coalition or a request
 * with the API key of a member organization. Deny by default.
 */
import { getOptionalUser } from "~/utils/auth.server";
import { authenticateApiKey } from "~/modules/org/api-keys.server";
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
  const auth = apiKey ? null : await getOptionalUser(request);
  let coalitionId: string | null = null;
  if (coalitionSlug) {
    const coalition = await db.coalition.findFirst({ where: { slug: coalitionSlug, deletedAt: null }, select: { id: true } });
    if (!coalition) throw new AppError({ message: `Unknown coalition "${coalitionSlug}"`, status: 404 });
    coalitionId = coalition.id;
  } else coalitionId = auth?.coalition?.id ?? apiKey?.coalitionIds[0] ?? (await onlyCoalition());
  if (!coalitionId) throw new AppError({ message: "Say which coalition's directory: add coalition=<slug>, sign in, or send an organization API key" });
  const member = auth ? auth.coalition?.id === coalitionId : apiKey ? apiKey.coalitionIds.includes(coalitionId) : false;
  return { coalitionId, member, userId: auth?.user.id ?? null, organizationId: auth?.organization?.id ?? apiKey?.organizationId ?? null, apiKeyId: apiKey?.apiKeyId ?? null };
}

/** Turns a thrown AppError into a JSON error response (resource routes). */
export function jsonError(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof AppError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
  throw error;
}

/** A deployment with a single coalition serves its directory without naming it. */
async function onlyCoalition(): Promise<string | null> {
  const coalitions = await db.coalition.findMany({ where: { deletedAt: null }, select: { id: true }, take: 2 });
  return coalitions.length === 1 ? coalitions[0].id : null;
}
