import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createUser } from "../../../tests/factories";
import { createReferralWorld, sendInput } from "../../../tests/referral-factories";
import { signedInRequester, settle } from "../../../tests/helpers";
import { runReferralReminders } from "./reminders.server";
import { commentOnReferral, sendReferral, transitionReferral } from "./service.server";

const DAY = 86_400_000;
const T = new Date("2026-03-02T09:00:00Z");
const after = (days: number) => new Date(T.getTime() + days * DAY);

async function world() {
  const w = await createReferralWorld();
  await db.consentAuthorization.update({ where: { id: w.authorizationId }, data: { effectiveAt: new Date(T.getTime() - 30 * DAY), expiresAt: new Date(T.getTime() + 300 * DAY) } });
  const emails = async (ids: string[]) => (await db.user.findMany({ where: { id: { in: ids } }, select: { email: true } })).map((u) => u.email).sort();
  return { ...w, emails };
}

async function send(w: Awaited<ReturnType<typeof world>>, at = T) {
  return (await sendReferral({ actor: w.sender, input: sendInput({ clientId: w.clientId, recipientOrganizationId: w.orgB.id }), at })).referral;
}

/** Only this test's referrals: the job runs over the whole (shared) test database. */
const mine = (result: Awaited<ReturnType<typeof runReferralReminders>>, ids: string[]) => result.reminded.filter((r) => ids.includes(r.referralId));
const outbox = (since: Date, to: string[]) => db.outboxMessage.findMany({ where: { to: { in: to }, createdAt: { gte: since } }, orderBy: { to: "asc" } });

describe("referral reminders", () => {
  it("reminds the receiving organization's directors and care managers once, after the response window", async () => {
    const w = await world();
    const staffB = await w.emails([w.directorB.id, w.careManagerB.id]);
    const everyoneElse = await w.emails([w.careManagerA.id, w.directorA.id, w.careManagerC.id]);
    const referral = await send(w);
    const started = new Date();

    expect(mine(await runReferralReminders({ at: after(2.99) }), [referral.id])).toEqual([]);
    expect(mine(await runReferralReminders({ at: after(3) }), [referral.id])).toEqual([{ referralId: referral.id, kind: "response", emails: 2 }]);
    expect(mine(await runReferralReminders({ at: after(4) }), [referral.id])).toEqual([]);

    const row = await db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(row).toMatchObject({ acceptReminderAt: after(3), updateReminderAt: null, version: 1, status: "REQUESTED" });
    expect(await db.referralEvent.findMany({ where: { referralId: referral.id, kind: "REMINDER" } })).toMatchObject([{ text: "response", version: 1, createdAt: after(3) }]);
    expect(await db.auditEvent.count({ where: { action: "referral.reminder_sent", subjectId: referral.id } })).toBe(1);
    const mail = await outbox(started, [...staffB, ...everyoneElse]);
    expect(mail.map((m) => m.to).sort()).toEqual(staffB);
    expect(mail[0].subject).toContain("Org A");
    expect(mail[0].text).toContain(`/referrals/${referral.id}`);
    // No client details in the email.
    for (const m of mail) expect(`${m.subject} ${m.text}`).not.toMatch(/Rosalind|Featherstonehaugh|Elm St|groceries this week/);
  });

  it("follows the coalition's own window and skips referrals already answered", async () => {
    const w = await world();
    await db.coalition.update({ where: { id: w.coalition.id }, data: { referralAcceptDays: 5 } });
    const waiting = await send(w);
    const answered = await send(w);
    await transitionReferral({ actor: w.receiver, referralId: answered.id, input: { to: "ACCEPTED", version: 1 }, at: after(1) });
    expect(mine(await runReferralReminders({ at: after(4) }), [waiting.id, answered.id])).toEqual([]);
    expect(mine(await runReferralReminders({ at: after(5) }), [waiting.id, answered.id])).toEqual([{ referralId: waiting.id, kind: "response", emails: 2 }]);
  });

  it("two processes at once send one reminder", async () => {
    const w = await world();
    const referral = await send(w);
    const [a, b] = await Promise.all([runReferralReminders({ at: after(3.5) }), runReferralReminders({ at: after(3.5) })]);
    expect([...mine(a, [referral.id]), ...mine(b, [referral.id])]).toHaveLength(1);
    expect(await db.referralEvent.count({ where: { referralId: referral.id, kind: "REMINDER" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "referral.reminder_sent", subjectId: referral.id } })).toBe(1);
  });

  it("reminds the sender when a referral being worked has had no update, once per silence", async () => {
    const w = await world();
    const senderEmail = await w.emails([w.careManagerA.id]);
    const referral = await send(w);
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "ACCEPTED", version: 1 }, at: after(1) });
    const started = new Date();

    expect(mine(await runReferralReminders({ at: after(7.9) }), [referral.id])).toEqual([]);
    expect(mine(await runReferralReminders({ at: after(8) }), [referral.id])).toEqual([{ referralId: referral.id, kind: "update", emails: 1 }]);
    expect(mine(await runReferralReminders({ at: after(9) }), [referral.id])).toEqual([]);
    expect((await outbox(started, [...senderEmail, ...(await w.emails([w.directorB.id, w.careManagerB.id]))])).map((m) => m.to)).toEqual(senderEmail);

    // The receiver comments: a new window starts; silence again for 7 days brings a second reminder.
    await commentOnReferral({ actor: w.receiver, referralId: referral.id, input: { body: "Called twice, trying again Friday" }, at: after(10) });
    expect(mine(await runReferralReminders({ at: after(16.9) }), [referral.id])).toEqual([]);
    expect(mine(await runReferralReminders({ at: after(17) }), [referral.id])).toEqual([{ referralId: referral.id, kind: "update", emails: 1 }]);
    expect((await db.referralEvent.findMany({ where: { referralId: referral.id, kind: "REMINDER" }, orderBy: { createdAt: "asc" } })).map((e) => e.text)).toEqual(["update", "update"]);

    // Completed: no more reminders.
    const { version } = await db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    await transitionReferral({ actor: w.receiver, referralId: referral.id, input: { to: "COMPLETED", version, outcome: "GOT_HELP" }, at: after(18) });
    expect(mine(await runReferralReminders({ at: after(40) }), [referral.id])).toEqual([]);
  });
});

describe("reminder windows on the coalition settings page", () => {
  it("a convener changes them (1–30 days, audited); out-of-range values are refused", async () => {
    const { action } = await import("~/routes/_app.coalition.settings");
    const w = await world();
    const convener = await db.user.findUniqueOrThrow({ where: { id: w.convener.id } });
    const requester = await signedInRequester(convener.email);
    const post = (fields: Record<string, string>) => settle(() => action({ request: requester.post("/coalition/settings", { intent: "referral-windows", ...fields }), params: {}, context: {} }));

    const saved = await post({ acceptDays: "2", updateDays: "10" });
    expect(saved.body).toMatchObject({ done: "referral-windows" });
    expect(await db.coalition.findUniqueOrThrow({ where: { id: w.coalition.id } })).toMatchObject({ referralAcceptDays: 2, referralUpdateDays: 10 });
    expect(await db.auditEvent.findFirst({ where: { action: "coalition.referral_windows_updated", subjectId: w.coalition.id } })).toMatchObject({ metadata: { before: { referralAcceptDays: 3, referralUpdateDays: 7 }, after: { referralAcceptDays: 2, referralUpdateDays: 10 } } });

    const refused = await post({ acceptDays: "0", updateDays: "31" });
    expect(refused.body).toMatchObject({ fieldErrors: { acceptDays: [expect.any(String)], updateDays: [expect.any(String)] } });
    expect(await db.coalition.findUniqueOrThrow({ where: { id: w.coalition.id } })).toMatchObject({ referralAcceptDays: 2, referralUpdateDays: 10 });

    // A director (no coalition:admin) cannot.
    const director = await createUser({ memberships: [{ organizationId: w.orgB.id, role: "DIRECTOR" }] });
    const other = await signedInRequester(director.email);
    const forbidden = await settle(() => action({ request: other.post("/coalition/settings", { intent: "referral-windows", acceptDays: "9", updateDays: "9" }), params: {}, context: {} }));
    expect(forbidden.status).toBe(403);
  });
});
