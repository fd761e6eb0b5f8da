/**
 * Organization web hooks, the enqueue half: a status change writes one delivery row per active
 * endpoint of the two organizations, in the change's own transaction (an outbox), so a
 * notification is never sent for a change that rolled back nor lost for one that committed.
 * Payloads carry no client details: ids, statuses and times only.
 *
 * THE one writer of the outbox (ADR 080): webhookOutboxInsert is the statement, and every change
 * writes its rows with it — sendReferral inside its single-statement CTE (ADR 052: one round
 * trip), every other change through enqueueWebhookDeliveries in its transaction; a director's
 * test ping to one endpoint through enqueuePing.
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

/**
 * The outbox write as one SQL statement: a delivery row per active (unrevoked) endpoint of the
 * organizations, due at `at`. A write that must stay one statement embeds it as a CTE.
 */
export function webhookOutboxInsert(organizationIds: readonly string[], payload: ReferralWebhookPayload, at: Date): Prisma.Sql {
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) throw new Error("webhookOutboxInsert needs at least one organization");
  return Prisma.sql`INSERT INTO "WebhookDelivery" ("id", "endpointId", "event", "payload", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), ep."id", ${payload.event}, ${JSON.stringify(payload)}::jsonb, ${at}::timestamp(3), ${at}::timestamp(3)
    FROM "WebhookEndpoint" ep
    WHERE ep."organizationId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ep."revokedAt" IS NULL`;
}

/** Writes the outbox rows inside the caller's transaction; returns how many (one per active endpoint). */
export function enqueueWebhookDeliveries(tx: Tx, organizationIds: string[], payload: ReferralWebhookPayload, at = new Date()): Promise<number> {
  return tx.$executeRaw(webhookOutboxInsert(organizationIds, payload, at));
}

export type WebhookPingPayload = { event: "ping"; endpointId: string; organizationId: string; occurredAt: string };

/** Queues a `ping` to one endpoint inside the caller's transaction, due at `at`; returns the row. */
export function enqueuePing(tx: Tx, payload: WebhookPingPayload, at: Date) {
  return tx.webhookDelivery.create({ data: { endpointId: payload.endpointId, event: payload.event, payload: payload as unknown as Prisma.InputJsonValue, nextAttemptAt: at, createdAt: at } });
}
