/**
 * Clients of an organization: registration with a duplicate check by blind index, and every read.
 * Identifiers are encrypted before they reach the database and decrypted only here; every read or
 * write writes an audit event. Reads by another organization go through the consent module's
 * decision (`authorizeDisclosure`) and see only the consented categories.
 */
import { recordNotFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { blindIndex, normalizeForIndex, currentKeyId, decryptField, decryptOptional, encryptField, encryptOptional } from "~/utils/field-encryption.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { authorizeDisclosure } from "~/modules/consent/decision.server";
import type { ConsentCategory } from "~/modules/consent/categories";
import type { RegisterClientInput } from "./schemas";
import { nameTokensOf } from "./known-names.server";
import type { Actor } from "~/modules/auth/actor";

type Tx = Prisma.TransactionClient;

type ClientRow = Prisma.ClientGetPayload<object>;

export type ClientIdentity = {
  id: string;
  organizationId: string;
  name: string;
  birthDate: string;
  contact: string | null;
  address: string | null;
  notes: string | null;
  preferredLanguage: string;
  primaryCareManagerId: string | null;
  createdAt: Date;
};

const ctx = (field: string, id: string) => `Client.${field}:${id}`;

export const identityIndexOf = (name: string, birthDate: string) => blindIndex(`${normalizeForIndex(name)}|${birthDate.trim()}`, "client-identity");

export function encryptClientFields(id: string, fields: { name: string; birthDate: string; contact?: string | null; address?: string | null; notes?: string | null }) {
  return {
    nameCipher: encryptField(fields.name, ctx("name", id)),
    birthDateCipher: encryptField(fields.birthDate, ctx("birthDate", id)),
    contactCipher: encryptOptional(fields.contact, ctx("contact", id)),
    addressCipher: encryptOptional(fields.address, ctx("address", id)),
    notesCipher: encryptOptional(fields.notes, ctx("notes", id)),
    identityIndex: identityIndexOf(fields.name, fields.birthDate),
    nameTokens: nameTokensOf(fields.name),
    keyId: currentKeyId(),
  };
}

/** Just the name, for lists that read one column. */
export const decryptClientName = (clientId: string, nameCipher: string) => decryptField(nameCipher, ctx("name", clientId));

export function decryptClient(row: ClientRow): ClientIdentity {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: decryptField(row.nameCipher, ctx("name", row.id)),
    birthDate: decryptField(row.birthDateCipher, ctx("birthDate", row.id)),
    contact: decryptOptional(row.contactCipher, ctx("contact", row.id)),
    address: decryptOptional(row.addressCipher, ctx("address", row.id)),
    notes: decryptOptional(row.notesCipher, ctx("notes", row.id)),
    preferredLanguage: row.preferredLanguage,
    primaryCareManagerId: row.primaryCareManagerId,
    createdAt: row.createdAt,
  };
}

export type DuplicateCandidate = { id: string; name: string; birthDate: string; createdAt: Date };

/** Clients of the organization with the same name and date of birth (compared by blind index only). */
export async function findPossibleDuplicates({ organizationId, name, birthDate }: { organizationId: string; name: string; birthDate: string }, tx: Tx | typeof db = db) {
  const rows = await tx.client.findMany({ where: { organizationId, identityIndex: identityIndexOf(name, birthDate), deletedAt: null }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => {
    const c = decryptClient(r);
    return { id: c.id, name: c.name, birthDate: c.birthDate, createdAt: c.createdAt } satisfies DuplicateCandidate;
  });
}

export type RegisterResult = { status: "possible-duplicates"; duplicates: DuplicateCandidate[] } | { status: "registered"; clientId: string };

/**
 * Registers a client with the actor as primary care manager. When the organization already has a
 * client with the same name and date of birth, nothing is written until the care manager confirms.
 */
export async function registerClient({ actor, input }: { actor: Actor; input: Omit<RegisterClientInput, "intent"> }): Promise<RegisterResult> {
  return db.$transaction(async (tx) => {
    if (input.confirmNotDuplicate !== "yes") {
      const duplicates = await findPossibleDuplicates({ organizationId: actor.organizationId, name: input.name, birthDate: input.birthDate }, tx);
      if (duplicates.length) {
        await recordAuditEvent({ action: "client.duplicates_shown", subjectType: "Client", subjectId: duplicates[0].id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { clientIds: duplicates.map((d) => d.id) }, request: actor.request }, tx);
        return { status: "possible-duplicates", duplicates };
      }
    }
    const id = crypto.randomUUID();
    await tx.client.create({
      data: {
        id,
        organizationId: actor.organizationId,
        primaryCareManagerId: actor.userId,
        preferredLanguage: input.preferredLanguage,
        createdById: actor.userId,
        ...encryptClientFields(id, input),
      },
    });
    await recordAuditEvent({ action: "client.registered", subjectType: "Client", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { confirmedNotDuplicate: input.confirmNotDuplicate === "yes" }, request: actor.request }, tx);
    return { status: "registered", clientId: id };
  });
}

/** The organization's own clients, for its staff (names decrypted: the read is audited). */
export async function listClients({ actor }: { actor: Actor }) {
  const rows = await db.client.findMany({ where: { organizationId: actor.organizationId, deletedAt: null }, orderBy: { createdAt: "desc" }, take: 500 });
  const clients = rows.map(decryptClient).sort((a, b) => a.name.localeCompare(b.name));
  const managers = await db.user.findMany({ where: { id: { in: [...new Set(clients.map((c) => c.primaryCareManagerId).filter((v): v is string => !!v))] } }, select: { id: true, name: true } });
  const managerName = new Map(managers.map((m) => [m.id, m.name]));
  if (clients.length) {
    await recordAuditEvent({ action: "client.list_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: clients.length }, request: actor.request });
  }
  return clients.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate, preferredLanguage: c.preferredLanguage, primaryCareManager: c.primaryCareManagerId ? managerName.get(c.primaryCareManagerId) ?? null : null }));
}

/** One of the organization's own clients (an audited read), or a 404 whoever else asks. */
export async function getOwnClient({ actor, clientId }: { actor: Actor; clientId: string }) {
  const row = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
  if (!row) {
    await recordAuditEvent({ action: "client.read_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "not-this-organization-or-unknown" }, request: actor.request });
    throw recordNotFound("client");
  }
  await recordAuditEvent({ action: "client.viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request });
  return decryptClient(row);
}

/** Fields each category releases to another organization. Free-text notes never leave. */
const CATEGORY_FIELDS: Partial<Record<ConsentCategory, (keyof ClientIdentity)[]>> = {
  CONTACT_DEMOGRAPHICS: ["name", "birthDate", "contact", "address", "preferredLanguage"],
};

/** The identifying fields another organization may see under the granted categories. */
export function releasedClientFields(client: ClientIdentity, categories: readonly ConsentCategory[]): Partial<ClientIdentity> {
  const fields: Partial<ClientIdentity> = { id: client.id };
  for (const category of categories) {
    for (const key of CATEGORY_FIELDS[category] ?? []) (fields as Record<string, unknown>)[key] = client[key];
  }
  return fields;
}

export type ClientView =
  | { access: "own"; client: ClientIdentity & { primaryCareManager: string | null } }
  | { access: "consented"; organizationId: string; clientId: string; categories: ConsentCategory[]; authorizationIds: string[]; fields: Partial<ClientIdentity> };

/**
 * One client as the viewer's organization may see it. Its own organization sees the record; any
 * other sees only what an authorization in effect now gives it (the disclosure is recorded), and
 * a client it may not see does not exist for it (404, the refusal audited).
 */
export async function getClientForViewer({ actor, clientId, purpose }: { actor: Actor; clientId: string; purpose?: string }): Promise<ClientView> {
  const row = await db.client.findFirst({ where: { id: clientId, deletedAt: null } });
  if (!row) {
    await recordAuditEvent({ action: "client.read_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "unknown-client" }, request: actor.request });
    throw recordNotFound("client");
  }
  if (row.organizationId === actor.organizationId) {
    const client = decryptClient(row);
    const manager = client.primaryCareManagerId ? await db.user.findUnique({ where: { id: client.primaryCareManagerId }, select: { name: true } }) : null;
    await recordAuditEvent({ action: "client.viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request });
    return { access: "own", client: { ...client, primaryCareManager: manager?.name ?? null } };
  }
  const decision = await authorizeDisclosure({
    clientId,
    recipientOrganizationId: actor.organizationId,
    categories: "all",
    channel: "hub.client_view",
    purpose,
    actor,
  });
  if (decision.grantedCategories.length === 0) throw recordNotFound("client");
  const fields = releasedClientFields(decryptClient(row), decision.grantedCategories);
  return { access: "consented", organizationId: actor.organizationId, clientId, categories: decision.grantedCategories, authorizationIds: decision.authorizationIds, fields };
}
