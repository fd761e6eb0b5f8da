/**
 * Closed-loop referrals: sending, status changes and comments. Every change is one transaction
 * that also writes the audit event, the timeline entry and the web hook outbox rows; the live
 * event goes out only after it commits. Concurrent changes never clobber each other: a change
 * names the version it saw and loses with a clear conflict if another got there first.
 * Consent is checked here at send time (never only in the UI) and again at every open
 * (open.server.ts).
 */
import { AppError, forbidden, notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField, encryptOptional } from "~/utils/field-encryption.server";
import type { Permission } from "~/utils/permissions";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { decideAccess } from "~/modules/consent/decision.server";
import { emitToOrganization } from "~/realtime/emit.server";
import { checkFit } from "./fit";
import type { CommentReferralInput, SendReferralInput, TransitionReferralInput } from "./schemas";
import { FHIR_TASK_STATUS, LOOP_CLOSED, SETTER, TERMINAL, checkDetails, checkTransition, type ReferralStatus, type Side } from "./state-machine";
import { enqueueWebhookDeliveries } from "./webhooks.server";
import { kickWebhookDelivery } from "./webhook-delivery.server";
import { loadFitFacts } from "./fit.server";

type Tx = Prisma.TransactionClient;

export type ReferralActor = { userId: string; organizationId: string; permissions: ReadonlySet<Permission>; request?: RequestMeta };

export const noteContext = (referralId: string) => `Referral.note:${referralId}`;
export const commentContext = (eventId: string) => `ReferralEvent.body:${eventId}`;

/** The live event both organizations' inbox/outbox pages listen for. No client details. */
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
export const REFERRAL_CHANGED = "referral.changed";

export function emitReferralChanged(event: ReferralChangedEvent) {
  emitToOrganization(event.senderOrganizationId, REFERRAL_CHANGED, event);
  emitToOrganization(event.recipientOrganizationId, REFERRAL_CHANGED, event);
}

/** Which side of the referral the actor's organization is on; anyone else gets a 404. */
export function sideOf(referral: { senderOrganizationId: string; recipientOrganizationId: string }, organizationId: string): Side {
  if (referral.senderOrganizationId === organizationId) return "sender";
  if (referral.recipientOrganizationId === organizationId) return "receiver";
  throw notFound("Referral not found");
}

function requireSidePermission(actor: ReferralActor, side: Side) {
  const needed: Permission = side === "sender" ? "referrals:send" : "referrals:receive";
  if (!actor.permissions.has(needed)) throw forbidden(side === "sender" ? "Your role cannot change referrals your organization sent." : "Your role cannot work referrals sent to your organization.");
}

const CATEGORY_LABEL: Record<string, string> = {
  CONTACT_DEMOGRAPHICS: "contact details and demographics",
  SOCIAL_NEEDS: "social needs",
  CARE_PLAN: "care plan",
  BEHAVIORAL_HEALTH: "behavioral health",
  HIV_STI: "HIV/STI",
  SUD_PART2: "substance use disorder treatment (Part 2)",
  CLINICAL_SUMMARY: "clinical summary",
};

/**
 * Sends a referral. Idempotent per (sender organization, idempotency key): a second press of the
 * button, or a retry after a lost response, returns the first referral and creates nothing.
 */
export async function sendReferral({ actor, input, at = new Date() }: { actor: ReferralActor; input: Omit<SendReferralInput, "intent">; at?: Date }) {
  if (!actor.permissions.has("referrals:send")) throw forbidden("Your role cannot send referrals.");
  const existing = await findByIdempotencyKey(actor.organizationId, input.idempotencyKey);
  if (existing) return { referral: existing, created: false as const };

  const referralId = crypto.randomUUID();
  let created;
  try {
    created = await db.$transaction(async (tx) => {
      // Consent: every category that goes with the referral must be covered now, for this recipient.
      // The same read tells whether the client is the sender's own (one query fewer on the hot path).
      const decision = await decideAccess({ clientId: input.clientId, organizationId: input.recipientOrganizationId, categories: input.categories, at }, tx);
      if (!decision.clientFound || decision.clientOrganizationId !== actor.organizationId) throw notFound("Client not found");
      if (input.recipientOrganizationId === actor.organizationId) {
        throw new AppError({ message: "Choose a partner organization: a referral goes to another organization.", status: 400, fieldErrors: { recipientOrganizationId: ["Choose a partner organization"] } });
      }
      const coalition = await sharedCoalition(tx, actor.organizationId, input.recipientOrganizationId);
      if (!coalition) throw new AppError({ message: "That organization is not a partner in your coalition.", status: 400, fieldErrors: { recipientOrganizationId: ["Choose a partner in your coalition"] } });

      const facts = await loadFitFacts(tx, { clientId: input.clientId, serviceId: input.serviceId ?? null, recipientOrganizationId: input.recipientOrganizationId, needs: input.sdohCodes, at });

      if (decision.refusals.length > 0) {
        const missing = decision.refusals.map((r) => CATEGORY_LABEL[r.category] ?? r.category).join(", ");
        throw new AppError({
          message: `No authorization in effect lets this organization receive: ${missing}. Record the client's authorization first, or send less.`,
          status: 409,
          fieldErrors: { categories: decision.refusals.map((r) => `${CATEGORY_LABEL[r.category] ?? r.category}: ${r.reason}`) },
        });
      }

      const referral = await tx.referral.create({
        data: {
          id: referralId,
          coalitionId: coalition,
          clientId: input.clientId,
          senderOrganizationId: actor.organizationId,
          senderUserId: actor.userId,
          recipientOrganizationId: input.recipientOrganizationId,
          serviceId: input.serviceId ?? null,
          assetId: input.assetId ?? null,
          sdohCodes: input.sdohCodes,
          priority: input.priority,
          noteCipher: encryptOptional(input.note, noteContext(referralId)),
          keyId: currentKeyId(),
          categories: input.categories,
          status: "REQUESTED",
          idempotencyKey: input.idempotencyKey,
          capacityStatus: facts.service?.capacityStatus ?? null,
          capacityConfirmedAt: facts.service?.capacityUpdatedAt ?? null,
          fitWarnings: checkFit(facts) as unknown as Prisma.InputJsonValue,
          sentAt: at,
        },
      });
      await tx.referralEvent.create({ data: { referralId, kind: "STATUS", fromStatus: null, toStatus: "REQUESTED", actorUserId: actor.userId, organizationId: actor.organizationId, version: 1, createdAt: at } });
      await enqueueWebhookDeliveries(tx, [actor.organizationId, input.recipientOrganizationId], webhookPayload(referral, null, at));
      // The audit event last: it takes the audit trail's global lock, held until commit.
      await recordAuditEvent(
        {
          action: "referral.sent",
          subjectType: "Referral",
          subjectId: referralId,
          actorUserId: actor.userId,
          organizationId: actor.organizationId,
          coalitionId: coalition,
          metadata: { clientId: input.clientId, recipientOrganizationId: input.recipientOrganizationId, serviceId: input.serviceId ?? null, categories: input.categories, authorizationIds: decision.authorizationIds, sdohCodes: input.sdohCodes },
          request: actor.request,
        },
        tx,
      );
      return referral;
    });
  } catch (error) {
    // Two presses at once: the loser of the unique key race returns the winner's referral.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByIdempotencyKey(actor.organizationId, input.idempotencyKey);
      if (winner) return { referral: winner, created: false as const };
    }
    throw error;
  }
  emitReferralChanged(await changedEvent(created, "sent", actor.organizationId));
  kickWebhookDelivery();
  return { referral: created, created: true as const };
}

function findByIdempotencyKey(senderOrganizationId: string, idempotencyKey: string) {
  return db.referral.findUnique({ where: { senderOrganizationId_idempotencyKey: { senderOrganizationId, idempotencyKey } } });
}

async function sharedCoalition(tx: Tx, a: string, b: string): Promise<string | null> {
  const rows = await tx.coalitionMember.findMany({ where: { organizationId: { in: [a, b] }, status: "ACTIVE" }, select: { organizationId: true, coalitionId: true } });
  const ofA = new Set(rows.filter((r) => r.organizationId === a).map((r) => r.coalitionId));
  return rows.find((r) => r.organizationId === b && ofA.has(r.coalitionId))?.coalitionId ?? null;
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
export async function transitionReferral({ actor, referralId, input, at = new Date() }: { actor: ReferralActor; referralId: string; input: Omit<TransitionReferralInput, "intent">; at?: Date }) {
  const updated = await db.$transaction(async (tx) => {
    const current = await tx.referral.findUnique({ where: { id: referralId } });
    if (!current) throw notFound("Referral not found");
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
    await enqueueWebhookDeliveries(tx, [current.senderOrganizationId, current.recipientOrganizationId], webhookPayload(next, current.status, at));
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
  return new AppError({ message: `Someone else changed this referral while you were looking at it (it is now ${FHIR_TASK_STATUS[status]}). Nothing was saved: reload to see the latest, then try again.`, status: 409 });
}

/** A comment on the referral's timeline, seen by both organizations. */
export async function commentOnReferral({ actor, referralId, input, at = new Date() }: { actor: ReferralActor; referralId: string; input: Omit<CommentReferralInput, "intent">; at?: Date }) {
  const result = await db.$transaction(async (tx) => {
    const current = await tx.referral.findUnique({ where: { id: referralId } });
    if (!current) throw notFound("Referral not found");
    const side = sideOf(current, actor.organizationId);
    requireSidePermission(actor, side);
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
