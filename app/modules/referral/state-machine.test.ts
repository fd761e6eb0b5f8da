import { describe, expect, it } from "vitest";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { REFERRAL_STATUSES, allowedMoves, checkDetails, checkTransition, type ReferralStatus, type Side } from "./state-machine";

/** The state machine's messages are translatables: read as an English or a Spanish reader sees them. */
const en = (message: string) => translateMessage(message, translatorForLocale("en"));
const es = (message: string) => translateMessage(message, translatorForLocale("es"));
const worded = (check: ReturnType<typeof checkTransition>, read = en) => (check.ok ? check : { ...check, message: read(check.message) });
const wordedDetails = (errors: Record<string, string>, read = en) => Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, read(message)]));

/**
 * Every allowed (from -> to, side) written out by hand from the IG's rules; every triple not in
 * this list must be refused. 10 x 10 x 2 = 200 cases.
 */
const ALLOWED = new Set([
  "DRAFT->REQUESTED:sender",
  "DRAFT->CANCELLED:sender",
  "DRAFT->ENTERED_IN_ERROR:sender",
  "REQUESTED->ACCEPTED:receiver",
  "REQUESTED->REJECTED:receiver",
  "REQUESTED->CANCELLED:sender",
  "REQUESTED->ENTERED_IN_ERROR:sender",
  "ACCEPTED->IN_PROGRESS:receiver",
  "ACCEPTED->ON_HOLD:receiver",
  "ACCEPTED->COMPLETED:receiver",
  "ACCEPTED->FAILED:receiver",
  "ACCEPTED->CANCELLED:sender",
  "ACCEPTED->ENTERED_IN_ERROR:sender",
  "IN_PROGRESS->ON_HOLD:receiver",
  "IN_PROGRESS->COMPLETED:receiver",
  "IN_PROGRESS->FAILED:receiver",
  "IN_PROGRESS->CANCELLED:sender",
  "IN_PROGRESS->ENTERED_IN_ERROR:sender",
  "ON_HOLD->IN_PROGRESS:receiver",
  "ON_HOLD->COMPLETED:receiver",
  "ON_HOLD->FAILED:receiver",
  "ON_HOLD->CANCELLED:sender",
  "ON_HOLD->ENTERED_IN_ERROR:sender",
  "REJECTED->ENTERED_IN_ERROR:sender",
  "COMPLETED->ENTERED_IN_ERROR:sender",
  "FAILED->ENTERED_IN_ERROR:sender",
  "CANCELLED->ENTERED_IN_ERROR:sender",
]);

const triples: [ReferralStatus, ReferralStatus, Side][] = [];
for (const from of REFERRAL_STATUSES) for (const to of REFERRAL_STATUSES) for (const side of ["sender", "receiver"] as const) triples.push([from, to, side]);

describe("referral state machine", () => {
  it("covers every (from, to, side) triple", () => {
    expect(triples).toHaveLength(200);
  });

  it.each(triples)("%s -> %s by the %s", (from, to, side) => {
    const result = checkTransition(from, to, side);
    expect(result.ok).toBe(ALLOWED.has(`${from}->${to}:${side}`));
    if (!result.ok) expect(en(result.message)).toMatch(/referral|Only/);
  });

  it("says why a move is refused", () => {
    expect(worded(checkTransition("COMPLETED", "ACCEPTED", "receiver"))).toMatchObject({ ok: false, code: "illegal-move", message: "A completed referral cannot become accepted." });
    expect(worded(checkTransition("REQUESTED", "ACCEPTED", "sender"))).toMatchObject({ ok: false, code: "wrong-side", message: "Only the receiving organization can mark a referral accepted." });
    expect(worded(checkTransition("ACCEPTED", "ACCEPTED", "receiver"))).toMatchObject({ message: "The referral is already accepted." });
    expect(checkTransition("REQUESTED", "CANCELLED", "receiver")).toMatchObject({ ok: false, code: "wrong-side" });
    expect(checkTransition("ACCEPTED", "ACCEPTED", "receiver")).toMatchObject({ ok: false, code: "same-status" });
  });

  it("says it in Spanish to a Spanish reader (#14 defect 2)", () => {
    expect(worded(checkTransition("COMPLETED", "ACCEPTED", "receiver"), es)).toMatchObject({ message: "Una derivación completada no puede pasar a aceptada." });
    expect(worded(checkTransition("REQUESTED", "ACCEPTED", "sender"), es)).toMatchObject({ message: "Solo la organización receptora puede marcar una derivación como aceptada." });
    expect(worded(checkTransition("ACCEPTED", "CANCELLED", "receiver"), es)).toMatchObject({ message: "Solo la organización que deriva puede marcar una derivación como cancelada." });
    expect(wordedDetails(checkDetails("COMPLETED", { outcome: "OTHER" }), es)).toEqual({ outcomeText: "Describa el resultado." });
    expect(wordedDetails(checkDetails("REJECTED", { reason: "NOT_A_GOOD_FIT" }), es)).toEqual({ reasonText: "Explique el motivo, para que las organizaciones socias puedan revisarlo juntas." });
    // Every refusal of the 200 triples reads differently in Spanish, and never as a key.
    for (const from of REFERRAL_STATUSES) for (const to of REFERRAL_STATUSES) for (const side of ["sender", "receiver"] as const) {
      const check = checkTransition(from, to, side);
      if (check.ok) continue;
      expect(es(check.message)).not.toBe(en(check.message));
      expect(es(check.message)).not.toMatch(/i18n:|errors\.services/);
    }
  });

  it("offers each side only its own moves", () => {
    expect(allowedMoves("REQUESTED", "receiver")).toEqual(["ACCEPTED", "REJECTED"]);
    expect(allowedMoves("REQUESTED", "sender")).toEqual(["CANCELLED", "ENTERED_IN_ERROR"]);
    expect(allowedMoves("ENTERED_IN_ERROR", "sender")).toEqual([]);
  });

  it("requires a reason for rejected, cancelled, on-hold and failed, and an outcome for completed", () => {
    expect(wordedDetails(checkDetails("REJECTED", {}))).toEqual({ reason: "Choose a reason." });
    expect(checkDetails("REJECTED", { reason: "NO_CAPACITY" })).toEqual({});
    expect(checkDetails("REJECTED", { reason: "NOT_A_GOOD_FIT", reasonText: "  " })).toHaveProperty("reasonText");
    expect(checkDetails("REJECTED", { reason: "NOT_A_GOOD_FIT", reasonText: "Needs legal help, not food" })).toEqual({});
    expect(checkDetails("FAILED", { reason: "OTHER" })).toHaveProperty("reasonText");
    expect(checkDetails("FAILED", { reason: "COULD_NOT_CONTACT" })).toEqual({});
    expect(checkDetails("CANCELLED", {})).toHaveProperty("reasonText");
    expect(checkDetails("ON_HOLD", { reasonText: "Waiting for documents" })).toEqual({});
    expect(checkDetails("COMPLETED", {})).toHaveProperty("outcome");
    expect(checkDetails("COMPLETED", { outcome: "GOT_HELP" })).toEqual({});
    expect(checkDetails("COMPLETED", { outcome: "OTHER" })).toHaveProperty("outcomeText");
    expect(checkDetails("ACCEPTED", {})).toEqual({});
    expect(checkDetails("IN_PROGRESS", {})).toEqual({});
  });
});
