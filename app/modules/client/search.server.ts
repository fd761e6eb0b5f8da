/**
 * The client picker's search (ADR 104): the organization's own clients whose name has every word
 * typed, found through the names' blind indexes (`nameSearchTokens`, the caseload's query, ADR 096)
 * so a caseload of thousands is searched without decrypting a name; only the few matches shown are
 * decrypted, and that read is audited.
 */
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { decryptClient } from "./service.server";
import { nameSearchTokens } from "./known-names.server";

/** At most this many matches are decrypted and shown; `more` says when the words match more. */
export const CLIENT_SEARCH_LIMIT = 10;

export type ClientChoice = { id: string; name: string; birthDate: string };

export async function searchOwnClients({ actor, q }: { actor: Actor; q: string }): Promise<{ clients: ClientChoice[]; more: boolean }> {
  const tokens = nameSearchTokens(q);
  // No usable word (a lone initial, digits): nobody, as the caseload search.
  if (tokens.length === 0) return { clients: [], more: false };
  const rows = await db.client.findMany({
    where: { organizationId: actor.organizationId, deletedAt: null, nameTokens: { hasEvery: tokens } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CLIENT_SEARCH_LIMIT + 1,
  });
  const clients = rows
    .slice(0, CLIENT_SEARCH_LIMIT)
    .map(decryptClient)
    .map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.birthDate.localeCompare(b.birthDate));
  if (clients.length) {
    await recordAuditEvent({ action: "client.search_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: clients.length }, request: actor.request });
  }
  return { clients, more: rows.length > CLIENT_SEARCH_LIMIT };
}

/** One of the organization's own clients as a choice (a link's pre-filled client), or null for anyone else's. */
export async function ownClientChoice({ actor, clientId }: { actor: Actor; clientId: string }): Promise<ClientChoice | null> {
  const row = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
  if (!row) return null;
  const c = decryptClient(row);
  await recordAuditEvent({ action: "client.viewed", subjectType: "Client", subjectId: c.id, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request });
  return { id: c.id, name: c.name, birthDate: c.birthDate };
}

/** Whether the organization has any client at all (the form's empty state), without reading one. */
export async function hasOwnClients(actor: Actor) {
  return (await db.client.count({ where: { organizationId: actor.organizationId, deletedAt: null }, take: 1 })) > 0;
}
