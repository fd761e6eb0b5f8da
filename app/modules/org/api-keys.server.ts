/**
 * Organization API keys, for machine access to the HSDS and FHIR APIs. A director creates a key
 * (shown once), sees its prefix and last use, and revokes it. Only a SHA-256 of the key is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");


export async function createApiKey({ actor, name }: { actor: Actor; name: string }) {
  const secret = randomBytes(24).toString("base64url");
  const prefix = `chub_${secret.slice(0, 6)}`;
  const key = `chub_${secret}`;
  const apiKey = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({ data: { organizationId: actor.organizationId, name, prefix, keyHash: hashKey(key), createdById: actor.userId } });
    await recordAuditEvent({ action: "org.api_key_created", subjectType: "ApiKey", subjectId: created.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { name, prefix }, request: actor.request }, tx);
    return created;
  });
  return { apiKey, key };
}

export async function revokeApiKey({ actor, apiKeyId }: { actor: Actor; apiKeyId: string }) {
  const apiKey = await db.apiKey.findFirst({ where: { id: apiKeyId, organizationId: actor.organizationId } });
  if (!apiKey) throw recordNotFound("apiKey");
  if (apiKey.revokedAt) return apiKey;
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ action: "org.api_key_revoked", subjectType: "ApiKey", subjectId: apiKey.id, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request }, tx);
    return revoked;
  });
}

export async function listApiKeys(organizationId: string) {
  return db.apiKey.findMany({
    where: { organizationId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export type ApiKeyPrincipal = { apiKeyId: string; organizationId: string; organizationName: string; coalitionIds: string[] };

/** The organization behind an API key (`chub_…`), or null (malformed, unknown or revoked). The guard reads it from the request (modules/auth/guard.server.ts). */
export async function authenticateApiKey(key: string | null): Promise<ApiKeyPrincipal | null> {
  if (!key || !/^chub_[\w-]{20,}$/.test(key)) return null;
  const apiKey = await db.apiKey.findUnique({
    where: { keyHash: hashKey(key) },
    include: { organization: { select: { name: true, deletedAt: true, coalitions: { where: { status: "ACTIVE" }, select: { coalitionId: true } } } } },
  });
  if (!apiKey || apiKey.revokedAt || apiKey.organization.deletedAt) return null;
  if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } });
  }
  return { apiKeyId: apiKey.id, organizationId: apiKey.organizationId, organizationName: apiKey.organization.name, coalitionIds: apiKey.organization.coalitions.map((c) => c.coalitionId) };
}
