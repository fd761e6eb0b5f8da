/**
 * Closed-loop referrals: sending, status changes and comments. Every change is one transaction
 * that also writes the audit event, the timeline entry and the web hook outbox rows; the live
 * event goes out only after it commits. Concurrent changes never clobber each other: a change
 * names the version it saw and loses with a clear conflict if another got there first.
 * Consent is checked here at send time (never only in the UI) and again at every open
 * (open.server.ts).
 */
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField, encryptOptional } from "~/utils/field-encryption.server";
import type { Permission } from "~/utils/permissions";
import { auditAppendCall, recordAuditEvent } from "~/modules/audit/service.server";
import { decideAccess, type AccessDecision, type RefusalReason } from "~/modules/consent/decision.server";
import { referralRefusedMessage, refusalMessage } from "~/modules/consent/messages";
import { emitToOrganization } from "~/realtime/emit.server";
import { checkFit } from "./fit";
import type { CommentReferralInput, SendReferralInput, TransitionReferralInput } from "./schemas";
import { FHIR_TASK_STATUS, LOOP_CLOSED, SETTER, TERMINAL, checkDetails, checkTransition, statusWord, type ReferralStatus, type Side } from "./state-machine";
import { enqueueWebhookDeliveries, webhookOutboxInsert } from "./webhooks.server";
import { kickWebhookDelivery } from "./webhook-delivery.server";
import { loadFitFacts } from "./fit.server";
import type { Actor } from "~/modules/auth/actor";
import { translatable } from "~/utils/translatable";



export const noteContext = (referralId: string) => `Referral.note:${referralId}`;
export const commentContext = (eventId: string) => `ReferralEvent.body:${eventId}`;

/**
 * The live event both organizations' inbox/outbox pages listen for ("referral.changed" in the
 * event map, app/realtime/events.ts, whose schema keeps client details out). Narrower than the wire
 * type: the status is one of the state machine's.
 */
export type ReferralChangedEvent = {
  referralId: string;
  kind: "sent" | "status" | "comment" | "reminder";
  status: ReferralStatus;
  version: number;
  senderOrganizationId: string;
  recipientOrganizationId: string;
  byOrganizationId: string | null;
  byOrganizationName: string | null;
};
export function emitReferralChanged(event: ReferralChangedEvent) {
  emitToOrganization(event.senderOrganizationId, "referral.changed", event);
  emitToOrganization(event.recipientOrganizationId, "referral.changed", event);
}

/** Which side of the referral the actor's organization is on; anyone else gets a 404. */
export function sideOf(referral: { senderOrganizationId: string; recipientOrganizationId: string }, organizationId: string): Side {
  if (referral.senderOrganizationId === organizationId) return "sender";
  if (referral.recipientOrganizationId === organizationId) return "receiver";
  throw recordNotFound("referral");
}

function requireSidePermission(actor: Actor, side: Side) {
  const needed: Permission = side === "sender" ? "referrals:send" : "referrals:receive";
  if (!actor.permissions.has(needed)) throw forbidden(translatable(side === "sender" ? "errors.services.referral.cannotChangeSent" : "errors.services.referral.cannotWorkReceived"));
}

/** What sendReferral returns: the new (or, for a repeated key, the first) referral. */
export type SentReferral = { id: string; coalitionId: string; clientId: string; senderOrganizationId: string; recipientOrganizationId: string; status: ReferralStatus; version: number; sentAt: Date | null };
const SENT_SELECT = { id: true, coalitionId: true, clientId: true, senderOrganizationId: true, recipientOrganizationId: true, status: true, version: true, sentAt: true } as const;

/**
 * Sends a referral. Idempotent per (sender organization, idempotency key): a second press of the
 * button, or a retry after a lost response, returns the first referral and creates nothing.
 *
 * The hot path is short on purpose (ADR 052): the checks read in parallel, then ONE statement
 * writes the referral, its timeline entry, the web hook outbox rows and the audit event — a single
 * statement is a single transaction, so they commit together or not at all.
 */
export async function sendReferral({ actor, input, at = new Date() }: { actor: Actor; input: Omit<SendReferralInput, "intent">; at?: Date }): Promise<{ referral: SentReferral; created: boolean }> {
  if (!actor.permissions.has("referrals:send")) throw forbidden(translatable("errors.services.referral.roleCannotSend"));
  const referralId = crypto.randomUUID();
  let created: SentReferral;
  let senderName: string | null;
  try {
    if (input.recipientOrganizationId === actor.organizationId) {
      throw new AppError({ message: translatable("errors.services.referral.choosePartnerOrg"), status: 400, fieldErrors: { recipientOrganizationId: [translatable("errors.services.referral.choosePartnerOrgShort")] } });
    }
    const [decision, partners, facts] = await Promise.all([
      // Consent: every category that goes with the referral must be covered now, for this recipient.
      decideAccess({ clientId: input.clientId, organizationId: input.recipientOrganizationId, categories: input.categories, at }),
      partnership(actor.organizationId, input.recipientOrganizationId),
      // Only the sender's own client (anyone else's is a 404).
      loadFitFacts(db, { clientId: input.clientId, ownerOrganizationId: actor.organizationId, serviceId: input.serviceId ?? null, recipientOrganizationId: input.recipientOrganizationId, needs: input.sdohCodes, at }),
    ]);
    if (!partners.coalitionId) throw new AppError({ message: translatable("errors.services.referral.notAPartner"), status: 400, fieldErrors: { recipientOrganizationId: [translatable("errors.services.referral.choosePartnerInCoalition")] } });
    if (decision.refusals.length > 0) {
      // In the sender's language, one sentence per category and why (translated by the error mapper).
      throw new AppError({ message: referralRefusedMessage(decision.refusals), status: 409, fieldErrors: { categories: decision.refusals.map(refusalMessage) } });
    }
    const coalitionId = partners.coalitionId;
    senderName = partners.senderName;
    created = { id: referralId, coalitionId, clientId: input.clientId, senderOrganizationId: actor.organizationId, recipientOrganizationId: input.recipientOrganizationId, status: "REQUESTED", version: 1, sentAt: at };
    const payload = webhookPayload(created, null, at);
    const audit = auditAppendCall({
      action: "referral.sent",
      subjectType: "Referral",
      subjectId: referralId,
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      coalitionId,
      metadata: { clientId: input.clientId, recipientOrganizationId: input.recipientOrganizationId, serviceId: input.serviceId ?? null, categories: input.categories, authorizationIds: decision.authorizationIds, sdohCodes: input.sdohCodes },
      request: actor.request,
    });
    // Data-modifying CTEs always run; the audit CTE is a SELECT, so the final SELECT reads it.
    await db.$queryRaw`
      WITH r AS (
        INSERT INTO "Referral" ("id", "coalitionId", "clientId", "senderOrganizationId", "senderUserId", "recipientOrganizationId", "serviceId", "assetId",
          "sdohCodes", "priority", "noteCipher", "keyId", "categories", "status", "version", "idempotencyKey", "capacityStatus", "capacityConfirmedAt", "fitWarnings",
          "sentAt", "createdAt", "updatedAt")
        VALUES (${referralId}::uuid, ${coalitionId}::uuid, ${input.clientId}::uuid, ${actor.organizationId}::uuid, ${actor.userId}::uuid, ${input.recipientOrganizationId}::uuid,
          ${input.serviceId ?? null}::uuid, (SELECT a."id" FROM "Asset" a WHERE a."id" = ${input.assetId ?? null}::uuid AND a."coalitionId" = ${coalitionId}::uuid), ${textArray(input.sdohCodes)}, ${input.priority}::"ReferralPriority",
          ${encryptOptional(input.note, noteContext(referralId))}, ${currentKeyId()}, ${textArray(input.categories)}::"ConsentCategory"[], 'REQUESTED'::"ReferralStatus", 1,
          ${input.idempotencyKey}, ${facts.service?.capacityStatus ?? null}::"CapacityStatus", ${facts.service?.capacityUpdatedAt ?? null}::timestamp(3),
          ${JSON.stringify(checkFit(facts))}::jsonb, ${at}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3))
        RETURNING "id"
      ),
      e AS (
        INSERT INTO "ReferralEvent" ("id", "referralId", "kind", "toStatus", "actorUserId", "organizationId", "version", "createdAt")
        SELECT ${crypto.randomUUID()}::uuid, r."id", 'STATUS'::"ReferralEventKind", 'REQUESTED'::"ReferralStatus", ${actor.userId}::uuid, ${actor.organizationId}::uuid, 1, ${at}::timestamp(3) FROM r
      ),
      w AS (${webhookOutboxInsert([actor.organizationId, input.recipientOrganizationId], payload, at)}),
      a AS (SELECT ${audit} AS "prevHash" FROM r)
      SELECT r."id", (SELECT count(*) FROM a) AS "audited" FROM r`;
  } catch (error) {
    // A repeated key — pressed twice, at once, or retried after a lost answer — returns the first referral.
    const first = await findByIdempotencyKey(actor.organizationId, input.idempotencyKey);
    if (first) return { referral: first, created: false };
    throw error;
  }
  emitReferralChanged({ referralId, kind: "sent", status: "REQUESTED", version: 1, senderOrganizationId: actor.organizationId, recipientOrganizationId: input.recipientOrganizationId, byOrganizationId: actor.organizationId, byOrganizationName: senderName });
  kickWebhookDelivery();
  return { referral: created, created: true };
}

/** An array parameter as SQL: sent as JSON text, because the embedded database's driver does not bind JS arrays. */
const textArray = (values: readonly string[]) => Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

function findByIdempotencyKey(senderOrganizationId: string, idempotencyKey: string): Promise<SentReferral | null> {
  return db.referral.findUnique({ where: { senderOrganizationId_idempotencyKey: { senderOrganizationId, idempotencyKey } }, select: SENT_SELECT });
}

/** The coalition the two organizations are active partners in (if any), and the sender's name, in one read. */
async function partnership(senderId: string, recipientId: string): Promise<{ coalitionId: string | null; senderName: string | null }> {
  const [row] = await db.$queryRaw<{ coalitionId: string | null; senderName: string | null }[]>`
    SELECT (SELECT a."coalitionId"::text FROM "CoalitionMember" a JOIN "CoalitionMember" b ON b."coalitionId" = a."coalitionId"
            WHERE a."organizationId" = ${senderId}::uuid AND b."organizationId" = ${recipientId}::uuid AND a."status" = 'ACTIVE' AND b."status" = 'ACTIVE'
            ORDER BY a."coalitionId" LIMIT 1) AS "coalitionId",
           (SELECT "name" FROM "Organization" WHERE "id" = ${senderId}::uuid) AS "senderName"`;
  return row ?? { coalitionId: null, senderName: null };
}

function webhookPayload(referral: { id: string; status: ReferralStatus; version: number; senderOrganizationId: string; recipientOrganizationId: string }, previous: ReferralStatus | null, at: Date) {
  return {
    event: "referral.status_changed" as const,
    referralId: referral.id,
    status: FHIR_TASK_STATUS[referral.status],
    previousStatus: previous ? FHIR_TASK_STATUS[previous] : null,
    version: referral.version,
    senderOrganizationId: referral.senderOrganizationId,
    recipientOrganizationId: referral.recipientOrganizationId,
    occurredAt: at.toISOString(),
  };
}

async function changedEvent(referral: { id: string; status: ReferralStatus; version: number; senderOrganizationId: string; recipientOrganizationId: string }, kind: ReferralChangedEvent["kind"], byOrganizationId: string | null): Promise<ReferralChangedEvent> {
  const by = byOrganizationId ? await db.organization.findUnique({ where: { id: byOrganizationId }, select: { name: true } }) : null;
  return {
    referralId: referral.id,
    kind,
    status: referral.status,
    version: referral.version,
    senderOrganizationId: referral.senderOrganizationId,
    recipientOrganizationId: referral.recipientOrganizationId,
    byOrganizationId,
    byOrganizationName: by?.name ?? null,
  };
}

/** Moves a referral to another status, if the state machine, the side and the version allow. */
export async function transitionReferral({ actor, referralId, input, at = new Date() }: { actor: Actor; referralId: string; input: Omit<TransitionReferralInput, "intent">; at?: Date }) {
  const updated = await db.$transaction(async (tx) => {
    const current = await tx.referral.findUnique({ where: { id: referralId } });
    if (!current) throw recordNotFound("referral");
    const side = sideOf(current, actor.organizationId);
    requireSidePermission(actor, side);
    if (current.version !== input.version) throw conflict(current.status);
    const move = checkTransition(current.status, input.to, side);
    if (!move.ok) throw new AppError({ message: move.message, status: 409 });
    const problems = checkDetails(input.to, input);
    if (Object.keys(problems).length) throw new AppError({ message: Object.values(problems)[0], status: 400, fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])) });

    const byReceiver = SETTER[input.to] === "receiver";
    const carriesReason = ["REJECTED", "CANCELLED", "ON_HOLD", "FAILED"].includes(input.to);
    // The version check and the write are one statement: of two concurrent changes, one matches.
    const { count } = await tx.referral.updateMany({
      where: { id: referralId, version: input.version },
      data: {
        status: input.to,
        version: { increment: 1 },
        statusReason: carriesReason ? (input.reason ?? null) : null,
        statusReasonText: carriesReason ? (input.reasonText ?? null) : null,
        ...(input.to === "COMPLETED" ? { outcome: input.outcome ?? null, outcomeText: input.outcomeText ?? null } : {}),
        ...(input.to === "ACCEPTED" ? { acceptedAt: at } : {}),
        ...((input.to === "ACCEPTED" || input.to === "REJECTED") && !current.respondedAt ? { respondedAt: at } : {}),
        ...(TERMINAL.includes(input.to) ? { closedAt: at } : {}),
        ...(byReceiver ? { lastReceiverUpdateAt: at } : {}),
      },
    });
    if (count === 0) throw conflict((await tx.referral.findUnique({ where: { id: referralId }, select: { status: true } }))?.status ?? current.status);
    const version = input.version + 1;
    await tx.referralEvent.create({
      data: {
        referralId,
        kind: "STATUS",
        fromStatus: current.status,
        toStatus: input.to,
        reason: carriesReason ? (input.reason ?? null) : null,
        text: carriesReason ? (input.reasonText ?? null) : input.to === "COMPLETED" ? (input.outcomeText ?? null) : null,
        outcome: input.to === "COMPLETED" ? (input.outcome ?? null) : null,
        actorUserId: actor.userId,
        organizationId: actor.organizationId,
        version,
        createdAt: at,
      },
    });
    const next = { ...current, status: input.to, version };
    await enqueueWebhookDeliveries(tx, [current.senderOrganizationId, current.recipientOrganizationId], webhookPayload(next, current.status, at), at);
    // The audit event last: it takes the audit trail's global lock, held until commit.
    await recordAuditEvent(
      {
        action: "referral.status_changed",
        subjectType: "Referral",
        subjectId: referralId,
        actorUserId: actor.userId,
        organizationId: actor.organizationId,
        coalitionId: current.coalitionId,
        metadata: { from: current.status, to: input.to, side, version, reason: input.reason ?? null, outcome: input.outcome ?? null, loopClosed: LOOP_CLOSED.includes(input.to) },
        request: actor.request,
      },
      tx,
    );
    return next;
  });
  emitReferralChanged(await changedEvent(updated, "status", actor.organizationId));
  kickWebhookDelivery();
  return updated;
}

function conflict(status: ReferralStatus) {
  return new AppError({ message: translatable("errors.services.referral.changedMeanwhile", { status: statusWord(status) }), status: 409 });
}

/**
 * The comment thread is client information (ADR 068): it is open only while the recipient may see
 * the client — the same consent decision, the same rule as the referral's note (at least one of the
 * referral's categories granted now). Closed, the recipient reads no comment and nobody posts one.
 */
export type ThreadState = { open: true } | { open: false; reason: RefusalReason; since: Date | null };
const CLOSING_RANK: RefusalReason[] = ["revoked", "expired", "part2-needs-part2-form", "not-yet-effective", "no-authorization", "unknown-client"];

export function threadStateOf(recipientAccess: AccessDecision): ThreadState {
  if (recipientAccess.grantedCategories.length > 0) return { open: true };
  const reasons = recipientAccess.refusals.map((r) => r.reason);
  return { open: false, reason: CLOSING_RANK.find((r) => reasons.includes(r)) ?? "no-authorization", since: recipientAccess.endedAt };
}

function threadClosed(thread: Extract<ThreadState, { open: false }>, side: Side) {
  const ended = thread.reason === "revoked" || thread.reason === "expired" ? thread.reason : null;
  // The day as written in the record (YYYY-MM-DD): the same in every language, as in the consent refusals.
  const why = ended
    ? thread.since
      ? translatable(`errors.services.referral.withheldWhy.${ended}On`, { date: thread.since.toISOString().slice(0, 10) })
      : translatable(`errors.services.referral.withheldWhy.${ended}`)
    : translatable("errors.services.referral.withheldWhy.other");
  return new AppError({ message: translatable("errors.services.referral.commentsWithheld", { why, what: translatable(`errors.services.referral.withheldWhat.${side}`) }), status: 409 });
}

/** A comment on the referral's timeline, seen by both organizations while the client's authorization covers the recipient. */
export async function commentOnReferral({ actor, referralId, input, at = new Date() }: { actor: Actor; referralId: string; input: Omit<CommentReferralInput, "intent">; at?: Date }) {
  const result = await db.$transaction(async (tx) => {
    const current = await tx.referral.findUnique({ where: { id: referralId } });
    if (!current) throw recordNotFound("referral");
    const side = sideOf(current, actor.organizationId);
    requireSidePermission(actor, side);
    // Refused rather than stored-and-hidden: a sender must not believe a comment reached the recipient.
    const thread = threadStateOf(await decideAccess({ clientId: current.clientId, organizationId: current.recipientOrganizationId, categories: current.categories, at }, tx));
    if (!thread.open) throw threadClosed(thread, side);
    const eventId = crypto.randomUUID();
    await tx.referralEvent.create({
      data: { id: eventId, referralId, kind: "COMMENT", bodyCipher: encryptField(input.body, commentContext(eventId)), actorUserId: actor.userId, organizationId: actor.organizationId, version: current.version, createdAt: at },
    });
    if (side === "receiver") await tx.referral.update({ where: { id: referralId }, data: { lastReceiverUpdateAt: at } });
    await recordAuditEvent({ action: "referral.commented", subjectType: "Referral", subjectId: referralId, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: current.coalitionId, metadata: { eventId, side }, request: actor.request }, tx);
    return { referral: current, eventId };
  });
  emitReferralChanged(await changedEvent(result.referral, "comment", actor.organizationId));
  return result;
}

export const decryptComment = (eventId: string, cipher: string) => decryptField(cipher, commentContext(eventId));
