/** Referral measures in the aims registry, the convener's home summary and the coverage view's demand column. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { findComputedMeasure } from "~/modules/aims/computed.server";
import { getConvenerSummary } from "~/modules/aims/convener-home.server";
import { getCoverage } from "~/modules/directory/coverage.server";
import { createReferralWorld, sendInput } from "../../../tests/referral-factories";
import { sendReferral, transitionReferral } from "./service.server";

const DAY = 86_400_000;
const NOW = new Date("2026-05-20T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** In the last 30 days: accepted after 2 days then completed, declined, cancelled, entered in error, waiting (food); and one for housing 200 days ago. */
async function scenario() {
  const w = await createReferralWorld();
  await db.consentAuthorization.update({ where: { id: w.authorizationId }, data: { effectiveAt: ago(365), expiresAt: new Date(NOW.getTime() + DAY) } });
  const send = async (at: Date, sdohCodes = ["food-insecurity"]) => (await sendReferral({ actor: w.sender, input: sendInput({ clientId: w.clientId, recipientOrganizationId: w.orgB.id, sdohCodes }), at })).referral;
  const a = await send(ago(20), ["food-insecurity", "transportation-insecurity"]);
  await transitionReferral({ actor: w.receiver, referralId: a.id, input: { to: "ACCEPTED", version: 1 }, at: ago(18) });
  await transitionReferral({ actor: w.receiver, referralId: a.id, input: { to: "COMPLETED", version: 2, outcome: "GOT_HELP" }, at: ago(10) });
  const b = await send(ago(15));
  await transitionReferral({ actor: w.receiver, referralId: b.id, input: { to: "REJECTED", version: 1, reason: "NO_CAPACITY" }, at: ago(14) });
  const c = await send(ago(12));
  await transitionReferral({ actor: w.sender, referralId: c.id, input: { to: "CANCELLED", version: 1, reasonText: "Duplicate" }, at: ago(11) });
  const d = await send(ago(5));
  await transitionReferral({ actor: w.sender, referralId: d.id, input: { to: "ENTERED_IN_ERROR", version: 1 }, at: ago(5) });
  await send(ago(2));
  await send(ago(200), ["housing-instability"]);
  return w;
}

describe("referral measures", () => {
  it("compute sent, accepted, closed loops, closure rate and median days to accept per period", async () => {
    const w = await scenario();
    const value = (key: string, from: Date, to = NOW) => findComputedMeasure(key)!.compute({ coalitionId: w.coalition.id, from, to });
    expect(await value("referrals-sent", ago(30))).toBe(4);
    expect(await value("referrals-accepted", ago(30))).toBe(1);
    expect(await value("referrals-closed-loop", ago(30))).toBe(2);
    // 2 closed of 3 (the cancelled one is left out, the one entered in error counts nowhere).
    expect(await value("referral-loop-closure-rate", ago(30))).toBe(66.7);
    expect(await value("referral-median-days-to-accept", ago(30))).toBe(2);
    // A period without referrals has no rate (no point on the run chart) but zero referrals sent.
    expect(await value("referral-loop-closure-rate", ago(100), ago(50))).toBeNull();
    expect(await value("referrals-sent", ago(100), ago(50))).toBe(0);
  });

  it("join the convener's home summary (last 90 days) and fill the coverage view's demand column", async () => {
    const w = await scenario();
    const summary = await getConvenerSummary({ coalitionId: w.coalition.id, organizationId: null, aims: [], now: NOW });
    expect(summary.referrals).toEqual({ sent: 3, closedLoop: 2, closureRate: 2 / 3 });
    const coverage = await getCoverage(w.coalition.id, { at: NOW });
    const demand = (code: string) => coverage.flatMap((d) => d.categories).find((c) => c.code === code)!.demand;
    // Food: 4 sent in 90 days (the one entered in error is not demand); transportation 1; housing's was 200 days ago.
    expect(demand("food-insecurity")).toBe(4);
    expect(demand("transportation-insecurity")).toBe(1);
    expect(demand("housing-instability")).toBe(0);
    const other = await createReferralWorld();
    expect((await getCoverage(other.coalition.id, { at: NOW })).flatMap((d) => d.categories).every((c) => c.demand === 0)).toBe(true);
  });
});
