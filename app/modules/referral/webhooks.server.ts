/**
 * Organization web hooks, the enqueue half: a status change writes one delivery row per active
 * endpoint of the two organizations, in the change's own transaction (an outbox), so a
 * notification is never sent for a change that rolled back nor lost for one that committed.
 * Payloads carry no client details: ids, statuses and times only.
 */
import { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** Encryption context of an endpoint's signing secret (bound to its row). */
export const secretContext = (endpointId: string) => `WebhookEndpoint.secret:${endpointId}`;

export type ReferralWebhookPayload = {
  event: "referral.status_changed";
  referralId: string;
  status: string;
  previousStatus: string | null;
  version: number;
  senderOrganizationId: string;
  recipientOrganizationId: string;
  occurredAt: string;
};

export async function enqueueWebhookDeliveries(tx: Tx, organizationIds: string[], payload: ReferralWebhookPayload) {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { organizationId: { in: organizationIds }, revokedAt: null }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ endpointId: e.id, event: payload.event, payload: payload as unknown as Prisma.InputJsonValue })),
  });
  return endpoints.length;
}
