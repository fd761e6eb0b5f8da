import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAuthorization, createClient, actorFor } from "../../../tests/consent-factories";
import { createReferralWorld, sendInput } from "../../../tests/referral-factories";
import { getReferralFlow, referralTotals } from "./flow.server";
import { sendReferral, transitionReferral } from "./service.server";

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY + hours * 3_600_000);

/** A referral world whose authorization has been in effect for a year (so referrals can be sent in the past). */
async function world() {
  const w = await createReferralWorld();
  await db.consentAuthorization.update({ where: { id: w.authorizationId }, data: { effectiveAt: new Date(NOW.getTime() - 400 * DAY), expiresAt: new Date(NOW.getTime() + 30 * DAY) } });
  return w;
}
type World = Awaited<ReturnType<typeof world>>;

async function send(w: World, at: Date, sdohCodes = ["food-insecurity"]) {
  const { referral } = await sendReferral({ actor: w.sender, input: sendInput({ clientId: w.clientId, recipientOrganizationId: w.orgB.id, sdohCodes }), at });
  return referral;
}
async function move(w: World, id: string, side: "sender" | "receiver", to: Parameters<typeof transitionReferral>[0]["input"]["to"], at: Date, details: Record<string, string> = {}) {
  const { version } = await db.referral.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return transitionReferral({ actor: side === "sender" ? w.sender : w.receiver, referralId: id, input: { to, version, ...details }, at });
}

/** Sent 10 days ago: completed (1 d to accept, 3 d to close), accepted only (2 d), not a good fit (closed at 4 d), cancelled, entered in error, still requested; and one 100 days ago. */
async function scenario(w: World) {
  const t = ago(10);
  const at = (days: number) => new Date(t.getTime() + days * DAY);
  const completed = await send(w, t);
  await move(w, completed.id, "receiver", "ACCEPTED", at(1));
  await move(w, completed.id, "receiver", "COMPLETED", at(3), { outcome: "GOT_HELP" });
  const accepted = await send(w, t);
  await move(w, accepted.id, "receiver", "ACCEPTED", at(2));
  const notFit = await send(w, t, ["housing-instability"]);
  await move(w, notFit.id, "receiver", "REJECTED", at(4), { reason: "NOT_A_GOOD_FIT", reasonText: "Our pantry only delivers to seniors; the Y runs a family pantry" });
  const cancelled = await send(w, t);
  await move(w, cancelled.id, "sender", "CANCELLED", at(1), { reasonText: "Client moved" });
  const mistake = await send(w, t);
  await move(w, mistake.id, "sender", "ENTERED_IN_ERROR", at(0.1));
  await send(w, t);
  const old = await send(w, ago(100));
  await move(w, old.id, "receiver", "ACCEPTED", ago(99));
  await move(w, old.id, "receiver", "FAILED", ago(90), { reason: "COULD_NOT_CONTACT" });
  return { notFit };
}

describe("referral flow", () => {
  it("counts volumes, closure rate and medians for the period, leaving out cancelled and entered-in-error referrals", async () => {
    const w = await world();
    await scenario(w);
    const flow = await getReferralFlow({ coalitionId: w.coalition.id, viewer: { organizationId: w.orgA.id, isConvener: false }, days: 30, at: NOW });
    // Sent: completed, accepted, not-a-good-fit, cancelled, requested (entered-in-error is not a referral).
    expect(flow.totals).toEqual({ sent: 5, cancelled: 1, accepted: 2, closedLoop: 2, closureRate: 0.5, medianDaysToAccept: 1.5, medianDaysToClose: 3.5 });
    expect(flow.pairs).toHaveLength(1);
    expect(flow.pairs[0]).toMatchObject({ sender: { id: w.orgA.id, name: "Org A" }, recipient: { id: w.orgB.id, name: "Org B" }, sent: 5, closureRate: 0.5 });
    expect(flow.declineReasons.find((r) => r.reason === "NOT_A_GOOD_FIT")).toEqual({ reason: "NOT_A_GOOD_FIT", declined: 1, failed: 0 });
    expect(flow.outcomes.find((o) => o.outcome === "GOT_HELP")).toEqual({ outcome: "GOT_HELP", count: 1 });

    // The year takes in the referral that failed 90 days ago: 3 loops closed of 5 (6 sent, 1 cancelled).
    const year = await getReferralFlow({ coalitionId: w.coalition.id, viewer: { organizationId: w.orgA.id, isConvener: false }, days: 365, at: NOW });
    expect(year.totals).toMatchObject({ sent: 6, closedLoop: 3, closureRate: 0.6, accepted: 3, medianDaysToAccept: 1 });
    expect(year.declineReasons.find((r) => r.reason === "COULD_NOT_CONTACT")).toMatchObject({ failed: 1 });
    expect(await referralTotals(w.coalition.id, ago(30), NOW)).toEqual(flow.totals);
  });

  it("is empty for a period without referrals and never counts another coalition's", async () => {
    const w = await world();
    const other = await world();
    await scenario(other);
    const flow = await getReferralFlow({ coalitionId: w.coalition.id, viewer: { organizationId: w.orgA.id, isConvener: false }, days: 90, at: NOW });
    expect(flow.totals).toEqual({ sent: 0, cancelled: 0, accepted: 0, closedLoop: 0, closureRate: null, medianDaysToAccept: null, medianDaysToClose: null });
    expect(flow.pairs).toEqual([]);
    expect(flow.notAGoodFit).toEqual([]);
  });

  it("shows a not-a-good-fit explanation only to the two organizations and the conveners; other directors see the decline", async () => {
    const w = await world();
    const { notFit } = await scenario(w);
    // A second pair (C -> B) so the outsider's organization is in the flow too.
    const clientC = await createClient(actorFor(w.careManagerC.id, w.orgC.id), { name: "Ignatius Quarterfield" });
    const auth = await createAuthorization(actorFor(w.careManagerC.id, w.orgC.id), clientC, { recipientIds: [w.orgB.id] });
    await db.consentAuthorization.update({ where: { id: auth.authorizationId }, data: { effectiveAt: ago(60) } });
    await sendReferral({ actor: w.outsider, input: sendInput({ clientId: clientC, recipientOrganizationId: w.orgB.id }), at: ago(5) });

    const view = (organizationId: string | null, isConvener = false) => getReferralFlow({ coalitionId: w.coalition.id, viewer: { organizationId, isConvener }, days: 30, at: NOW });
    const explanation = "Our pantry only delivers to seniors; the Y runs a family pantry";
    for (const party of [await view(w.orgA.id), await view(w.orgB.id), await view(null, true)]) {
      expect(party.notAGoodFit).toEqual([expect.objectContaining({ referralId: notFit.id, explanation, explanationHidden: false, sdohCodes: ["housing-instability"] })]);
    }
    const outsider = await view(w.orgC.id);
    expect(outsider.notAGoodFit).toEqual([expect.objectContaining({ referralId: notFit.id, explanation: null, explanationHidden: true, sender: { id: w.orgA.id, name: "Org A" } })]);
    expect(JSON.stringify(outsider)).not.toContain("seniors");
    // ...but the outsider's director sees the coalition's aggregates, both pairs.
    expect(outsider.totals.sent).toBe(6);
    expect(outsider.pairs.map((p) => `${p.sender.name}->${p.recipient.name}:${p.sent}`)).toEqual(["Org A->Org B:5", "Org C->Org B:1"]);
    expect(outsider.recipients).toEqual([{ id: w.orgB.id, name: "Org B", sent: 6 }]);
    // No client names anywhere in the flow.
    expect(JSON.stringify(await view(null, true))).not.toMatch(/Rosalind|Ignatius/);
  });
});

describe("the flow page", () => {
  it("opens for directors and conveners, not for care managers", async () => {
    const { loader } = await import("~/routes/_app.referrals_.flow");
    const { signedInRequester, settle } = await import("../../../tests/helpers");
    const w = await world();
    await scenario(w);
    const careManager = await db.user.findUniqueOrThrow({ where: { id: w.careManagerA.id } });
    const refused = await settle(async () => loader({ request: (await signedInRequester(careManager.email)).get("/referrals/flow"), params: {}, context: {} }));
    expect(refused.status).toBe(403);
    for (const id of [w.directorB.id, w.convener.id]) {
      const user = await db.user.findUniqueOrThrow({ where: { id } });
      const page = await settle(async () => loader({ request: (await signedInRequester(user.email)).get("/referrals/flow?days=365"), params: {}, context: {} }));
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ flow: { days: 365, totals: { sent: expect.any(Number) } } });
    }
    // An unknown period falls back to 90 days.
    const director = await db.user.findUniqueOrThrow({ where: { id: w.directorA.id } });
    const fallback = await settle(async () => loader({ request: (await signedInRequester(director.email)).get("/referrals/flow?days=7"), params: {}, context: {} }));
    expect(fallback.body).toMatchObject({ flow: { days: 90 } });
  });
});
