/**
 * Organization web hook endpoints: a director registers an HTTPS URL (the hub generates the
 * signing secret and shows it once; it is stored encrypted), sees recent deliveries, sends a test
 * event and revokes. Registration and revocation are audited in the same transaction.
 */
import type { WebhookDeliveryError } from "./schemas";
import { randomBytes } from "node:crypto";
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { currentKeyId, encryptField } from "~/utils/field-encryption.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { enqueuePing, secretContext, type WebhookPingPayload } from "./webhooks.server";
import { kickWebhookDelivery } from "./webhook-delivery.server";
import type { Actor } from "~/modules/auth/actor";
import { translatable } from "~/utils/translatable";


export const MAX_ACTIVE_ENDPOINTS = 10;
const RECENT_DELIVERIES = 5;

function requireManage(actor: Actor) {
  if (!actor.permissions.has("webhooks:manage")) throw forbidden(translatable("errors.services.webhooks.directorOnly"));
}

/** `whsec_` and 32 random bytes: the receiver uses the whole string as the HMAC key. */
export const generateSigningSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export async function registerWebhookEndpoint({ actor, input }: { actor: Actor; input: { url: string; description: string } }) {
  requireManage(actor);
  const id = crypto.randomUUID();
  const secret = generateSigningSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const active = await tx.webhookEndpoint.count({ where: { organizationId: actor.organizationId, revokedAt: null } });
    if (active >= MAX_ACTIVE_ENDPOINTS) throw new AppError({ message: translatable("errors.services.webhooks.tooMany", { max: MAX_ACTIVE_ENDPOINTS }), status: 409 });
    const created = await tx.webhookEndpoint.create({
      data: { id, organizationId: actor.organizationId, url: input.url, description: input.description, secretCipher: encryptField(secret, secretContext(id)), keyId: currentKeyId(), createdById: actor.userId },
    });
    await recordAuditEvent({ action: "webhook.endpoint_registered", subjectType: "WebhookEndpoint", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { url: input.url, description: input.description }, request: actor.request }, tx);
    return created;
  });
  return { endpoint, secret };
}

/** Revokes an endpoint: nothing new is queued for it, and what was still waiting is abandoned. */
export async function revokeWebhookEndpoint({ actor, endpointId, at = new Date() }: { actor: Actor; endpointId: string; at?: Date }) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: actor.organizationId } });
    if (!endpoint) throw recordNotFound("webhook");
    if (endpoint.revokedAt) return endpoint;
    const revoked = await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { revokedAt: at } });
    const { count } = await tx.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { status: "FAILED", lastError: "revoked" satisfies WebhookDeliveryError } });
    await recordAuditEvent({ action: "webhook.endpoint_revoked", subjectType: "WebhookEndpoint", subjectId: endpointId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { url: endpoint.url, abandonedDeliveries: count }, request: actor.request }, tx);
    return revoked;
  });
}

/** Queues a `ping` to one endpoint, delivered (signed) like any other event. */
export async function sendTestWebhook({ actor, endpointId, at = new Date() }: { actor: Actor; endpointId: string; at?: Date }) {
  requireManage(actor);
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: actor.organizationId, revokedAt: null } });
  if (!endpoint) throw recordNotFound("webhook");
  const payload: WebhookPingPayload = { event: "ping", endpointId, organizationId: actor.organizationId, occurredAt: at.toISOString() };
  const delivery = await db.$transaction(async (tx) => {
    const created = await enqueuePing(tx, payload, at);
    await recordAuditEvent({ action: "webhook.test_sent", subjectType: "WebhookEndpoint", subjectId: endpointId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { deliveryId: created.id }, request: actor.request }, tx);
    return created;
  });
  kickWebhookDelivery();
  return delivery;
}

export type DeliveryState = "pending" | "retrying" | "delivered" | "failed";
export const deliveryState = (d: { status: string; attempts: number }): DeliveryState =>
  d.status === "DELIVERED" ? "delivered" : d.status === "FAILED" ? "failed" : d.attempts > 0 ? "retrying" : "pending";

/** The organization's active endpoints, newest first, each with its last few deliveries. */
export async function listWebhookEndpoints(organizationId: string) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { organizationId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      description: true,
      createdAt: true,
      deliveries: { orderBy: { createdAt: "desc" }, take: RECENT_DELIVERIES, select: { id: true, event: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true } },
    },
  });
  return endpoints.map((e) => ({ ...e, deliveries: e.deliveries.map((d) => ({ ...d, state: deliveryState(d) })) }));
}
