/**
 * The audit trail: append-only (a database trigger refuses UPDATE/DELETE/TRUNCATE) and
 * hash-chained: every event stores the hash of the one before it and a hash over its own content,
 * so `verifyAuditChain` finds any row altered or removed behind the trigger's back.
 */
import { createHash, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { db, Prisma } from "~/utils/db.server";
import type { RequestMeta } from "~/utils/request.server";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  actorUserId?: string | null;
  organizationId?: string | null;
  coalitionId?: string | null;
  metadata?: Record<string, unknown>;
  request?: RequestMeta;
};

export type { RequestMeta };

type Tx = Prisma.TransactionClient;

type HashedFields = {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  organizationId: string | null;
  coalitionId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: unknown;
  prevHash: string;
};

const HASHED_KEYS = [
  "id", "occurredAt", "actorUserId", "organizationId", "coalitionId", "action", "subjectType",
  "subjectId", "ipAddress", "userAgent", "requestId", "metadata", "prevHash",
] as const satisfies readonly (keyof HashedFields)[];

function canonicalOf(event: HashedFields): string {
  const fields: Record<string, unknown> = {};
  for (const key of HASHED_KEYS) fields[key] = event[key];
  fields.occurredAt = event.occurredAt.toISOString();
  return canonicalize(fields) ?? "";
}

export function hashAuditEvent(event: HashedFields): string {
  return createHash("sha256").update(canonicalOf(event)).digest("hex");
}

/**
 * The canonical JSON around the previous hash, which only the database knows under the chain's
 * lock: sha256(before + prevHash + after) is the same hash as hashAuditEvent.
 */
function canonicalAroundPrevHash(event: Omit<HashedFields, "prevHash">): { before: string; after: string } {
  const placeholder = randomBytes(32).toString("hex");
  const canonical = canonicalOf({ ...event, prevHash: placeholder });
  const marker = `"prevHash":"${placeholder}"`;
  const at = canonical.indexOf(marker);
  if (at < 0 || canonical.indexOf(marker, at + 1) >= 0) throw new Error("audit: could not place the previous hash in the canonical event");
  const valueStart = at + marker.length - placeholder.length - 1;
  return { before: canonical.slice(0, valueStart), after: canonical.slice(valueStart + placeholder.length) };
}

// Appends are serialized by pg_advisory_xact_lock(4211737), taken in audit_append (the database
// function) so the chain never forks.

/** Records one event. Pass `tx` to make it part of the change it describes. */
export async function recordAuditEvent(input: AuditInput, tx?: Tx): Promise<void> {
  if (tx) return appendInTx(tx, input);
  await db.$transaction((t) => appendInTx(t, input));
}

/**
 * One statement: the database function audit_append takes the chain's lock, reads the last hash
 * and inserts (migration 20261124014800). The lock is held from there until commit, without
 * round trips to this process in between (ADR 052).
 */
async function appendInTx(tx: Tx, input: AuditInput) {
  await tx.$queryRaw`SELECT ${auditAppendCall(input)}`;
}

/**
 * The `audit_append(…)` call for one event, as an SQL fragment: a write that must be one
 * statement (e.g. referral send) puts it in its own statement, so the event commits with it.
 */
export function auditAppendCall(input: AuditInput): Prisma.Sql {
  const fields: Omit<HashedFields, "prevHash"> = {
    id: crypto.randomUUID(),
    // JS dates are millisecond-precise, as is Prisma's timestamp(3): the hash verifies later.
    occurredAt: new Date(),
    actorUserId: input.actorUserId ?? null,
    organizationId: input.organizationId ?? null,
    coalitionId: input.coalitionId ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    ipAddress: input.request?.ipAddress ?? null,
    userAgent: input.request?.userAgent?.slice(0, 500) ?? null,
    requestId: input.request?.requestId ?? null,
    metadata: JSON.parse(JSON.stringify(input.metadata ?? {})),
  };
  const { before, after } = canonicalAroundPrevHash(fields);
  return Prisma.sql`audit_append(${fields.id}::uuid, ${fields.occurredAt}::timestamp(3), ${fields.actorUserId}::uuid, ${fields.organizationId}::uuid, ${fields.coalitionId}::uuid,
    ${fields.action}, ${fields.subjectType}, ${fields.subjectId}, ${fields.ipAddress}, ${fields.userAgent}, ${fields.requestId}, ${JSON.stringify(fields.metadata)}::jsonb, ${before}, ${after})`;
}

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: string; brokenEventId: string; reason: string };

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain({ batchSize = 1000 }: { batchSize?: number } = {}): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({ ok: false, checked, brokenAtSeq: row.seq.toString(), brokenEventId: row.id, reason });
      if (row.prevHash !== prevHash) return broken("the event before it was removed or altered (its link does not match)");
      if (hashAuditEvent(row) !== row.hash) return broken("its content was altered (its hash does not match)");
      prevHash = row.hash;
      checked += 1;
    }
    cursor = rows[rows.length - 1].seq;
  }
}

/** A person asks for the chain to be checked: the check, and the event saying who asked and what it found. */
export async function verifyAuditChainFor({ actor }: { actor: { userId: string; organizationId: string; request: RequestMeta } }): Promise<ChainVerification> {
  const result = await verifyAuditChain();
  await recordAuditEvent({ action: "audit.chain_verified", subjectType: "AuditEvent", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { ...result }, request: actor.request });
  return result;
}
