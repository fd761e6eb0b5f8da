/**
 * Issue 13, finding 5: referral comments are client information. After the client's authorization
 * is revoked or expires, the recipient reads no comment (earlier ones included) and no new comment
 * reaches it; the sender, who holds the client's record, keeps the whole thread. See ADR 068.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { isAppError } from "~/utils/app-error";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { revokeAuthorization } from "~/modules/consent/service.server";
import { createAuthorization, isoDay } from "../../../tests/consent-factories";
import { createReferralWorld, sendTestReferral } from "../../../tests/referral-factories";
import { openReferral } from "./open.server";
import { commentOnReferral } from "./service.server";
import * as referralPageModule from "~/routes/_app.referrals.$referralId";
import { settle, signedInRequester } from "../../../tests/helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const referralPage = withHttpErrors(referralPageModule);

const SECRET = "Rosalind's new number is 555-0199, back door code 4471";

describe("comments follow the client's authorization", () => {
  it("after revocation the recipient reads no comment, the thread says why, and the sender still reads it all", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: SECRET } });
    await commentOnReferral({ actor: world.receiver, referralId: referral.id, input: { body: "Called her at 555-0199, pantry visit Tuesday" } });

    const before = await openReferral({ actor: world.receiver, referralId: referral.id });
    expect(before.thread).toEqual({ open: true });
    expect(before.timeline.filter((e) => e.kind === "COMMENT").map((e) => e.body)).toEqual([SECRET, "Called her at 555-0199, pantry visit Tuesday"]);

    const { revokedAt } = await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    const after = await openReferral({ actor: world.receiver, referralId: referral.id });
    expect(after.thread).toEqual({ open: false, reason: "revoked", since: revokedAt });
    const comments = after.timeline.filter((e) => e.kind === "COMMENT");
    expect(comments).toHaveLength(2);
    expect(comments.every((e) => e.body === null && e.withheld)).toBe(true);
    expect(JSON.stringify(after)).not.toContain("555-0199");

    const sender = await openReferral({ actor: world.sender, referralId: referral.id });
    expect(sender.thread).toMatchObject({ open: false, reason: "revoked" });
    expect(sender.timeline.filter((e) => e.kind === "COMMENT").map((e) => [e.body, e.withheld])).toEqual([[SECRET, false], ["Called her at 555-0199, pantry visit Tuesday", false]]);
  });

  it("after revocation a new comment is refused on both sides and nothing is written", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    const events = await db.referralEvent.count({ where: { referralId: referral.id } });
    const audits = await db.auditEvent.count({ where: { action: "referral.commented", subjectId: referral.id } });

    const refused = await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: SECRET } }).then(() => null, (e: unknown) => e);
    if (!isAppError(refused)) throw new Error(`expected an AppError, got ${String(refused)}`);
    expect(refused.status).toBe(409);
    // The service has no reader: its message is a translatable, worded by the mapper in the page's language.
    expect(translateMessage(refused.message, translatorForLocale("en"))).toMatch(/^Comments are withheld: the client's authorization was revoked on \d{4}-\d\d-\d\d\. Nothing was posted: a comment would reach the receiving organization without the client's authorization\.$/);
    expect(translateMessage(refused.message, translatorForLocale("es"))).toMatch(/^Los comentarios están retenidos: la autorización de la persona se revocó el \d{4}-\d\d-\d\d\. No se publicó nada: un comentario llegaría a la organización receptora sin la autorización de la persona\.$/);
    await expect(commentOnReferral({ actor: world.receiver, referralId: referral.id, input: { body: "Any news?" } })).rejects.toMatchObject({ status: 409 });
    expect(await db.referralEvent.count({ where: { referralId: referral.id } })).toBe(events);
    expect(await db.auditEvent.count({ where: { action: "referral.commented", subjectId: referral.id } })).toBe(audits);
  });

  it("after expiry the same: earlier comments withheld from the recipient, new ones refused", async () => {
    const world = await createReferralWorld();
    // The world's authorization expires after 365 days (expiresAt: the start of day 366).
    const referral = await sendTestReferral(world);
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: SECRET } });
    const later = new Date(Date.now() + 400 * 86_400_000);
    const view = await openReferral({ actor: world.receiver, referralId: referral.id, at: later });
    expect(view.thread).toMatchObject({ open: false, reason: "expired" });
    expect(view.thread.open === false && view.thread.since?.toISOString().slice(0, 10)).toBe(isoDay(366));
    expect(JSON.stringify(view)).not.toContain("555-0199");
    await expect(commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: "still there?" }, at: later })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("expired") });
  });

  it("a new authorization reopens the thread", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: SECRET } });
    await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    await createAuthorization(world.custodian, world.clientId, { recipientIds: [world.orgB.id] });
    const view = await openReferral({ actor: world.receiver, referralId: referral.id });
    expect(view.thread).toEqual({ open: true });
    expect(view.timeline.find((e) => e.kind === "COMMENT")?.body).toBe(SECRET);
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: "Welcome back" } });
  });
});

describe("through the referral page", () => {
  it("the recipient's page carries no comment after revocation, and posting answers 409 with the reason", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    await commentOnReferral({ actor: world.sender, referralId: referral.id, input: { body: SECRET } });
    await revokeAuthorization({ actor: world.custodian, clientId: world.clientId, input: { authorizationId: world.authorizationId, receivedVia: "MAIL" } });
    const receiver = await signedInRequester(world.careManagerB.email);
    const path = `/referrals/${referral.id}`;
    const args = (request: Request) => ({ request, params: { referralId: referral.id }, context: {} });
    const page = await settle(() => referralPage.loader(args(receiver.get(path))));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain("555-0199");
    const posted = await settle(() => referralPage.action(args(receiver.post(path, { intent: "comment", body: "Any news?" }))));
    expect(posted.status).toBe(409);
    expect((posted.body as { formError?: string }).formError).toMatch(/Comments are withheld: the client's authorization was revoked on/);
    const enEspañol = await settle(() => referralPage.action(args(receiver.post(`${path}?lng=es`, { intent: "comment", body: "¿Novedades?" }))));
    expect(enEspañol.status).toBe(409);
    expect((enEspañol.body as { formError?: string }).formError).toMatch(/^Los comentarios están retenidos: la autorización de la persona se revocó el .+ No se publicó nada: la conversación está cerrada para su organización\.$/);
  });
});
