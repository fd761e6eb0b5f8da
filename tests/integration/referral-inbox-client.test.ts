/**
 * Issue #14 defect 12: two same-day Food Pantry referrals looked identical in the inbox. Each row
 * now says who sent it (organization and person) and who the client is — as far as the client's
 * authorization lets the receiving organization see, by the same rule as the referral page:
 * the name only under an authorization in effect that covers contact details and went with the
 * referral; otherwise the row says the details are withheld or not shared.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as inboxModule from "~/routes/_app.referrals._index";
import { createReferralWorld, sendTestReferral } from "../referral-factories";
import { createAuthorization, createClient } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const inbox = withHttpErrors(inboxModule);

type Row = { id: string; clientName: string | null; clientAccess: string; partner: { name: string }; senderName: string | null };
const rowsOf = (body: unknown) => (body as { list: { rows: Row[] } }).list.rows;

describe("inbox rows say who the client is and who sent it", () => {
  it("names the client under consent, says 'withheld' after a revocation and 'not shared' without contact details, and names the sender", async () => {
    const world = await createReferralWorld();
    const named = await sendTestReferral(world);

    const needsOnly = await createClient(world.custodian, { name: "Bartholomew Quince", birthDate: "1970-05-06" });
    await createAuthorization(world.custodian, needsOnly, { recipientIds: [world.orgB.id], categories: ["SOCIAL_NEEDS"] });
    const notShared = await sendTestReferral(world, { clientId: needsOnly, categories: ["SOCIAL_NEEDS"] });

    const revokedClient = await createClient(world.custodian, { name: "Cordelia Marchbanks", birthDate: "1955-07-08" });
    const { authorizationId } = await createAuthorization(world.custodian, revokedClient, { recipientIds: [world.orgB.id], categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"] });
    const withheld = await sendTestReferral(world, { clientId: revokedClient });
    await db.consentAuthorization.update({ where: { id: authorizationId }, data: { revokedAt: new Date(Date.now() - 60_000) } });

    const receiver = await signedInRequester(world.careManagerB.email);
    const result = await settle(() => inbox.loader({ request: receiver.get("/referrals"), params: {}, context: {} }));
    expect(result.status).toBe(200);
    const rows = new Map(rowsOf(result.body).map((r) => [r.id, r]));
    expect(rows.get(named.id)).toMatchObject({ clientAccess: "consented", clientName: "Rosalind Featherstonehaugh", partner: { name: "Org A" }, senderName: "Care Manager A" });
    expect(rows.get(notShared.id)).toMatchObject({ clientAccess: "not-shared", clientName: null, senderName: "Care Manager A" });
    expect(rows.get(withheld.id)).toMatchObject({ clientAccess: "withheld", clientName: null });
    const text = JSON.stringify(result.body);
    expect(text).not.toContain("Bartholomew");
    expect(text).not.toContain("Cordelia");
    expect(text).not.toMatch(/1970|1955/);

    // Reading names of another organization's clients is on the trail.
    const audit = await db.auditEvent.findFirst({ where: { action: "client.list_viewed", actorUserId: world.careManagerB.id }, orderBy: { seq: "desc" } });
    expect(audit?.metadata).toMatchObject({ purpose: "referral-inbox", count: 1 });
  });

  it("the outbox still names the sender's own clients", async () => {
    const world = await createReferralWorld();
    await sendTestReferral(world);
    const sender = await signedInRequester(world.careManagerA.email);
    const outbox = await import("~/routes/_app.referrals.sent");
    const rows = rowsOf((await settle(() => outbox.loader({ request: sender.get("/referrals/sent"), params: {}, context: {} }))).body);
    expect(rows[0]).toMatchObject({ clientAccess: "own", clientName: "Rosalind Featherstonehaugh" });
  });
});
