import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createReferralWorld, sendInput } from "../../../tests/referral-factories";
import { sendReferral, transitionReferral } from "./service.server";
import { registerWebhookEndpoint, revokeWebhookEndpoint } from "./webhook-endpoints.server";
import type { Actor } from "~/modules/auth/actor";
import { actorFor } from "../../../tests/actors";
import { webhookOutboxInsert } from "./webhooks.server";

const director = (userId: string, organizationId: string): Actor => actorFor(userId, organizationId, { role: "DIRECTOR" });
const register = (actor: Actor, n: number) => registerWebhookEndpoint({ actor, input: { url: `http://127.0.0.1:9/hook-${n}`, description: `Hook ${n}` } }).then((r) => r.endpoint.id);

describe("the web hook outbox has one writer", () => {
  it("sending and changing a referral write the same rows: one per active endpoint of the two organizations, due when the change happened", async () => {
    const w = await createReferralWorld();
    const a = director(w.directorA.id, w.orgA.id);
    const b = director(w.directorB.id, w.orgB.id);
    const [aLive, aRevoked, bLive] = [await register(a, 1), await register(a, 2), await register(b, 3)];
    await revokeWebhookEndpoint({ actor: a, endpointId: aRevoked });
    const c = await db.user.findFirstOrThrow({ where: { memberships: { some: { organizationId: w.orgC.id } } } });
    const cLive = await register(director(c.id, w.orgC.id), 4);
    const mine = [aLive, aRevoked, bLive, cLive];

    const sentAt = new Date(Date.now() - 60_000);
    const { referral } = await sendReferral({ actor: w.sender, input: sendInput({ clientId: w.clientId, recipientOrganizationId: w.orgB.id }), at: sentAt });
    const acceptedAt = new Date(Date.now() - 30_000);
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 }, at: acceptedAt });

    const rows = await db.webhookDelivery.findMany({ where: { endpointId: { in: mine } }, orderBy: [{ createdAt: "asc" }, { endpointId: "asc" }] });
    const shape = (r: (typeof rows)[number]) => ({ endpointId: r.endpointId, event: r.event, status: r.status, createdAt: r.createdAt.getTime(), nextAttemptAt: r.nextAttemptAt.getTime(), payload: r.payload });
    const payload = (status: string, previousStatus: string | null, version: number, at: Date) => ({
      event: "referral.status_changed", referralId: referral.id, status, previousStatus, version,
      senderOrganizationId: w.orgA.id, recipientOrganizationId: w.orgB.id, occurredAt: at.toISOString(),
    });
    const row = (endpointId: string, at: Date, p: object) => ({ endpointId, event: "referral.status_changed", status: "PENDING", createdAt: at.getTime(), nextAttemptAt: at.getTime(), payload: p });
    const byEndpoint = (x: { endpointId: string }, y: { endpointId: string }) => x.endpointId.localeCompare(y.endpointId);
    expect(rows.map(shape)).toEqual([
      ...[row(aLive, sentAt, payload("requested", null, 1, sentAt)), row(bLive, sentAt, payload("requested", null, 1, sentAt))].sort(byEndpoint),
      ...[row(aLive, acceptedAt, payload("accepted", "requested", 2, acceptedAt)), row(bLive, acceptedAt, payload("accepted", "requested", 2, acceptedAt))].sort(byEndpoint),
    ]);

    // Leave nothing due for another test's worker.
    for (const [actor, id] of [[a, aLive], [b, bLive]] as const) await revokeWebhookEndpoint({ actor, endpointId: id });
  });

  it("refuses to write for no organization (a bug in the caller, not an empty IN list)", () => {
    const payload = { event: "referral.status_changed" as const, referralId: crypto.randomUUID(), status: "requested", previousStatus: null, version: 1, senderOrganizationId: "", recipientOrganizationId: "", occurredAt: "" };
    expect(() => webhookOutboxInsert([], payload, new Date())).toThrow(/at least one organization/);
  });
});
