import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { revokeAuthorization } from "~/modules/consent/service.server";
import { createAuthorization, createClient } from "../../../tests/consent-factories";
import { createReferralWorld, createService, referralActor, sendInput, sendTestReferral } from "../../../tests/referral-factories";
import { openReferral, checkReferral } from "./open.server";
import { listReferrals } from "./queries.server";
import { commentOnReferral, sendReferral, transitionReferral } from "./service.server";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";

/** A service refusal as the reader sees it (status and message in `lng`); `toMatchObject({ message: /…/ })` would match anything. */
const refusalOf = (promise: Promise<unknown>, lng: "en" | "es" = "en") =>
  promise.then(
    () => ({ status: 0, message: "(not refused)" }),
    (e: { status?: number; message?: string }) => ({ status: e.status ?? 0, message: translateMessage(e.message ?? "", translatorForLocale(lng)) }),
  );

const inboxFilter = { page: 1, overdue: false } as const;

describe("sending a referral", () => {
  it("creates a requested referral with its timeline entry, audit event and no plaintext note at rest", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world, { note: "Unique-note-marker for the pantry" });
    expect(referral).toMatchObject({ status: "REQUESTED", version: 1, senderOrganizationId: world.orgA.id, recipientOrganizationId: world.orgB.id });
    const events = await db.referralEvent.findMany({ where: { referralId: referral.id } });
    expect(events).toMatchObject([{ kind: "STATUS", fromStatus: null, toStatus: "REQUESTED", version: 1 }]);
    expect(await db.auditEvent.count({ where: { action: "referral.sent", subjectId: referral.id } })).toBe(1);
    const raw = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(r)::text AS row FROM "Referral" r WHERE id = ${referral.id}::uuid`;
    expect(raw[0].row).not.toContain("Unique-note-marker");
  });

  it("is idempotent: the same key pressed twice, even at once, makes one referral", async () => {
    const world = await createReferralWorld();
    const input = sendInput({ clientId: world.clientId, recipientOrganizationId: world.orgB.id });
    const [first, second] = await Promise.all([sendReferral({ actor: world.sender, input }), sendReferral({ actor: world.sender, input })]);
    expect(first.referral.id).toBe(second.referral.id);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
    const again = await sendReferral({ actor: world.sender, input });
    expect(again).toMatchObject({ created: false, referral: { id: first.referral.id } });
    expect(await db.referral.count({ where: { clientId: world.clientId } })).toBe(1);
  });

  describe("is refused without consent that covers the recipient and every category, and writes nothing", () => {
    async function expectRefused(world: Awaited<ReturnType<typeof createReferralWorld>>, overrides: Parameters<typeof sendInput>[0], message: RegExp) {
      const before = await db.referral.count();
      await expect(sendReferral({ actor: world.sender, input: sendInput(overrides) })).rejects.toMatchObject({ status: 409, message });
      expect(await db.referral.count()).toBe(before);
    }
    it("revoked", async () => {
      const world = await createReferralWorld();
      await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
      await expectRefused(world, { clientId: world.clientId, recipientOrganizationId: world.orgB.id }, /No authorization in effect/);
    });
    it("expired", async () => {
      const world = await createReferralWorld();
      await db.consentAuthorization.update({ where: { id: world.authorizationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await expectRefused(world, { clientId: world.clientId, recipientOrganizationId: world.orgB.id }, /social needs/);
    });
    it("wrong recipient", async () => {
      const world = await createReferralWorld();
      await expectRefused(world, { clientId: world.clientId, recipientOrganizationId: world.orgC.id }, /contact details/);
    });
    it("a category the authorization does not name", async () => {
      const world = await createReferralWorld();
      await expectRefused(world, { clientId: world.clientId, recipientOrganizationId: world.orgB.id, categories: ["SOCIAL_NEEDS", "BEHAVIORAL_HEALTH"] }, /behavioral health/);
    });
    it("Part 2 records under a general authorization", async () => {
      const world = await createReferralWorld();
      await db.consentAuthorization.update({ where: { id: world.authorizationId }, data: { categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS", "SUD_PART2"] } });
      await expectRefused(world, { clientId: world.clientId, recipientOrganizationId: world.orgB.id, categories: ["SUD_PART2"] }, /Part 2/);
    });
  });

  it("refuses another organization's client, a self-referral and a service the recipient does not offer", async () => {
    const world = await createReferralWorld();
    const otherClient = await createClient({ ...world.outsider, request: {} }, { name: "Not Yours" });
    await expect(sendReferral({ actor: world.sender, input: sendInput({ clientId: otherClient, recipientOrganizationId: world.orgB.id }) })).rejects.toMatchObject({ status: 404 });
    await expect(sendReferral({ actor: world.sender, input: sendInput({ clientId: world.clientId, recipientOrganizationId: world.orgA.id }) })).rejects.toMatchObject({ status: 400 });
    const cService = await createService(world.orgC.id, world.coalition.id);
    await expect(sendReferral({ actor: world.sender, input: sendInput({ clientId: world.clientId, recipientOrganizationId: world.orgB.id, serviceId: cService.id }) })).rejects.toMatchObject({ status: 404 });
  });

  it("a role without referrals:send cannot send", async () => {
    const world = await createReferralWorld();
    const viewer = referralActor(world.convener.id, world.orgA.id, "VIEWER");
    await expect(sendReferral({ actor: viewer, input: sendInput({ clientId: world.clientId, recipientOrganizationId: world.orgB.id }) })).rejects.toMatchObject({ status: 403 });
  });
});

describe("the pre-send check", () => {
  it("shows consent, capacity and fit warnings against what is known about the client", async () => {
    const world = await createReferralWorld();
    const service = await createService(world.orgB.id, world.coalition.id, { minimumAge: 18, maximumAge: 59, languages: ["es"], capacityStatus: "WAITLIST", capacityUpdatedAt: new Date(), eligibilityDescription: "Pueblo County residents" });
    const check = await checkReferral({ actor: world.sender, clientId: world.clientId, recipientOrganizationId: world.orgB.id, serviceId: service.id, categories: ["CONTACT_DEMOGRAPHICS", "BEHAVIORAL_HEALTH"], needs: ["food-insecurity", "housing-instability"] });
    expect(check.consent.granted).toEqual(["CONTACT_DEMOGRAPHICS"]);
    expect(check.consent.refused).toEqual([{ category: "BEHAVIORAL_HEALTH", reason: "no-authorization" }]);
    expect(check.service).toMatchObject({ name: "Weekly groceries", capacityStatus: "WAITLIST", eligibilityDescription: "Pueblo County residents" });
    expect(check.warnings.map((w) => w.code).sort()).toEqual(["language", "need-not-listed", "too-old", "waitlist"]);
  });
});

describe("working a referral", () => {
  it("accept -> in progress -> complete with an outcome; both sides see the timeline", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    const accepted = await transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", version: 2 });
    await transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "IN_PROGRESS", version: 2 } });
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: "She can come Tuesday mornings." } });
    await transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "COMPLETED", version: 3, outcome: "GOT_HELP", outcomeText: "Enrolled in the weekly box" } });
    const stored = await db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(stored).toMatchObject({ status: "COMPLETED", version: 4, outcome: "GOT_HELP" });
    expect(stored.acceptedAt).not.toBeNull();
    expect(stored.closedAt).not.toBeNull();
    const view = await openReferral({ actor: world.sender, referralId: referral.id });
    expect(view.timeline.map((e) => e.kind === "COMMENT" ? `comment:${e.body}` : e.toStatus)).toEqual(["REQUESTED", "ACCEPTED", "IN_PROGRESS", "comment:She can come Tuesday mornings.", "COMPLETED"]);
    expect(view.moves).toEqual(["ENTERED_IN_ERROR"]);
    expect(await db.auditEvent.count({ where: { action: "referral.status_changed", subjectId: referral.id } })).toBe(3);
  });

  it("refuses an illegal move or the wrong side with a clear error and changes nothing", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    expect(await refusalOf(transitionReferral({ actor: world.sender, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } }))).toEqual({ status: 409, message: "Only the receiving organization can mark a referral accepted." });
    expect(await refusalOf(transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "COMPLETED", version: 1, outcome: "GOT_HELP" } }))).toEqual({ status: 409, message: "A requested referral cannot become completed." });
    expect(await refusalOf(transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "COMPLETED", version: 1, outcome: "GOT_HELP" } }), "es")).toEqual({ status: 409, message: "Una derivación solicitada no puede pasar a completada." });
    await expect(transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "REJECTED", version: 1, reason: "NOT_A_GOOD_FIT" } })).rejects.toMatchObject({ status: 400 });
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "REQUESTED", version: 1 });
    expect(await db.referralEvent.count({ where: { referralId: referral.id } })).toBe(1);
  });

  it("two accepts at once: one wins, the other gets a clear conflict", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    const results = await Promise.allSettled([
      transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } }),
      transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(await refusalOf(Promise.reject(rejected.reason))).toEqual({ status: 409, message: "Someone else changed this referral while you were looking at it (it is now accepted). Nothing was saved: reload to see the latest, then try again." });
    expect(await refusalOf(Promise.reject(rejected.reason), "es")).toEqual({ status: 409, message: "Otra persona modificó esta derivación mientras usted la consultaba (ahora está aceptada). No se guardó nada: vuelva a cargar la página para ver lo más reciente e inténtelo de nuevo." });
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "ACCEPTED", version: 2 });
    expect(await db.referralEvent.count({ where: { referralId: referral.id, kind: "STATUS" } })).toBe(2);
  });

  it("a stale version is refused even when the move would be legal", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } });
    await expect(transitionReferral({ actor: world.sender, referralId: referral.id, input: { to: "CANCELLED", version: 1, reasonText: "Client moved" } })).rejects.toMatchObject({ status: 409 });
  });
});

describe("what the recipient sees", () => {
  it("only the consented categories, and after revocation the status and need but not the client", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world, { categories: ["SOCIAL_NEEDS"], note: "Call after 3pm" });
    const first = await openReferral({ actor: world.receiver, referralId: referral.id });
    expect(first.side).toBe("receiver");
    expect(first.client).toMatchObject({ access: "consented", categories: ["SOCIAL_NEEDS"] });
    expect(first.client.access === "consented" && first.client.fields.name).toBeUndefined();
    expect(first.note).toBe("Call after 3pm");

    const withContact = await sendTestReferral(world, { categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"] });
    const named = await openReferral({ actor: world.receiver, referralId: withContact.id });
    expect(named.client.access === "consented" && named.client.fields).toMatchObject({ name: "Rosalind Featherstonehaugh", contact: "555-0100" });
    expect(await db.disclosure.count({ where: { clientId: world.clientId, channel: "referral", recipientOrganizationId: world.orgB.id } })).toBe(2);

    await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    const after = await openReferral({ actor: world.receiver, referralId: withContact.id });
    expect(after.client).toMatchObject({ access: "withheld", reasons: [{ category: "CONTACT_DEMOGRAPHICS", reason: "revoked" }, { category: "SOCIAL_NEEDS", reason: "revoked" }] });
    expect(after.note).toBeNull();
    expect(after.referral).toMatchObject({ status: "REQUESTED", sdohCodes: ["food-insecurity"] });
    expect(JSON.stringify(after)).not.toContain("Featherstonehaugh");
  });

  it("a new authorization restores the details", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    expect((await openReferral({ actor: world.receiver, referralId: referral.id })).client.access).toBe("withheld");
    await createAuthorization(world.custodian, world.clientId, { recipientIds: [world.orgB.id] });
    expect((await openReferral({ actor: world.receiver, referralId: referral.id })).client.access).toBe("consented");
  });
});

describe("isolation", () => {
  it("a third organization in the coalition sees nothing: no open, no change, no comment, empty lists", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await expect(openReferral({ actor: world.outsider, referralId: referral.id })).rejects.toMatchObject({ status: 404 });
    await expect(transitionReferral({ actor: world.outsider, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } })).rejects.toMatchObject({ status: 404 });
    await expect(commentOnReferral({ actor: world.outsider, referralId: referral.id, input: { body: "hi" } })).rejects.toMatchObject({ status: 404 });
    for (const box of ["inbox", "outbox"] as const) {
      const list = await listReferrals({ actor: world.outsider, box, filter: inboxFilter, coalitionId: world.coalition.id });
      expect(list.total).toBe(0);
    }
    expect(await db.auditEvent.count({ where: { action: "referral.read_refused", subjectId: referral.id } })).toBe(1);
  });
});

describe("inbox and outbox", () => {
  it("count by status, filter, flag overdue, and name the client in the outbox and, under the client's authorization, in the inbox", async () => {
    const world = await createReferralWorld();
    const fresh = await sendTestReferral(world);
    const old = await sendTestReferral(world);
    await db.referral.update({ where: { id: old.id }, data: { sentAt: new Date(Date.now() - 4 * 86_400_000) } });
    const worked = await sendTestReferral(world);
    await transitionReferral({ actor: world.receiver, referralId: worked.id, input: { to: "ACCEPTED", version: 1 } });

    const inbox = await listReferrals({ actor: world.receiver, box: "inbox", filter: inboxFilter, coalitionId: world.coalition.id });
    expect(inbox.total).toBe(3);
    expect(inbox.counts).toMatchObject({ REQUESTED: 2, ACCEPTED: 1 });
    expect(inbox.overdueCount).toBe(1);
    expect(inbox.rows.find((r) => r.id === old.id)?.overdue).toMatchObject({ kind: "response", days: 4 });
    expect(inbox.rows.find((r) => r.id === fresh.id)?.overdue).toBeNull();
    expect(inbox.rows.every((r) => r.clientAccess === "consented" && r.clientName === "Rosalind Featherstonehaugh")).toBe(true);

    const overdueOnly = await listReferrals({ actor: world.receiver, box: "inbox", filter: { ...inboxFilter, overdue: true }, coalitionId: world.coalition.id });
    expect(overdueOnly.rows.map((r) => r.id)).toEqual([old.id]);
    const accepted = await listReferrals({ actor: world.receiver, box: "inbox", filter: { ...inboxFilter, status: "ACCEPTED" }, coalitionId: world.coalition.id });
    expect(accepted.rows.map((r) => r.id)).toEqual([worked.id]);

    const outbox = await listReferrals({ actor: world.sender, box: "outbox", filter: inboxFilter, coalitionId: world.coalition.id });
    expect(outbox.total).toBe(3);
    expect(outbox.rows[0]).toMatchObject({ clientName: "Rosalind Featherstonehaugh", partner: { id: world.orgB.id } });
  });

  it("a referral being worked with no update for the coalition's window is overdue for an update", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await transitionReferral({ actor: world.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 } });
    await db.referral.update({ where: { id: referral.id }, data: { lastReceiverUpdateAt: new Date(Date.now() - 8 * 86_400_000) } });
    const outbox = await listReferrals({ actor: world.sender, box: "outbox", filter: { ...inboxFilter, overdue: true }, coalitionId: world.coalition.id });
    expect(outbox.rows).toMatchObject([{ id: referral.id, overdue: { kind: "update", days: 8 } }]);
  });
});
