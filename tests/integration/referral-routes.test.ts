/**
 * The referral pages through their loaders and actions, as the browser calls them: bad input
 * answers 400 with field messages and writes nothing, a stale version answers 409, another
 * organization's referral is a 404, the send form is idempotent, and the pre-send check says
 * what the authorization does not cover. The inbox names the client only under the client's
 * authorization (referral-inbox-client.test.ts); the outbox names the sender's own clients.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as inboxModule from "~/routes/_app.referrals._index";
import * as outboxModule from "~/routes/_app.referrals.sent";
import * as newReferralModule from "~/routes/_app.referrals.new";
import * as referralPageModule from "~/routes/_app.referrals.$referralId";
import * as checkRouteModule from "~/routes/api.referrals.check";
import { createUser } from "../factories";
import { createReferralWorld, sendTestReferral } from "../referral-factories";
import { settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const inbox = withHttpErrors(inboxModule);
const outbox = withHttpErrors(outboxModule);
const newReferral = withHttpErrors(newReferralModule);
const referralPage = withHttpErrors(referralPageModule);
const checkRoute = withHttpErrors(checkRouteModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** A form post with repeated fields (checkbox groups). */
function post(cookie: string, path: string, fields: [string, string][]) {
  return new Request(`http://localhost${path}`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
}

type Body = { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[]>; conflict?: boolean };

describe("referral pages", () => {
  it("sending with bad input answers 400 with field messages and writes nothing", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const before = await db.referral.count({ where: { senderOrganizationId: world.orgA.id } });
    const result = await settle(() => newReferral.action(args(post(as.cookie, "/referrals/new", [["intent", "send"], ["clientId", world.clientId], ["recipientOrganizationId", ""], ["idempotencyKey", crypto.randomUUID()]]))));
    expect(result.status).toBe(400);
    const body = result.body as Body;
    expect(body.fieldErrors?.recipientOrganizationId?.[0]).toMatch(/organization/);
    expect(body.fieldErrors?.sdohCodes?.[0]).toMatch(/need/);
    expect(body.fieldErrors?.categories?.[0]).toMatch(/information/);
    expect(await db.referral.count({ where: { senderOrganizationId: world.orgA.id } })).toBe(before);
  });

  it("sends once per idempotency key and redirects to the referral; categories the authorization does not cover answer 409", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const key = crypto.randomUUID();
    const fields = (categories: string[], idempotencyKey = key): [string, string][] => [
      ["intent", "send"], ["clientId", world.clientId], ["recipientOrganizationId", world.orgB.id], ["sdohCodes", "food-insecurity"], ["priority", "URGENT"],
      ...categories.map((c): [string, string] => ["categories", c]), ["note", "Needs groceries"], ["idempotencyKey", idempotencyKey],
    ];
    const first = await settle(() => newReferral.action(args(post(as.cookie, "/referrals/new", fields(["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"])))));
    const second = await settle(() => newReferral.action(args(post(as.cookie, "/referrals/new", fields(["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"])))));
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(first.headers.get("location")).toMatch(/^\/referrals\/[0-9a-f-]{36}\?sent=1$/);
    expect(await db.referral.count({ where: { senderOrganizationId: world.orgA.id } })).toBe(1);

    const uncovered = await settle(() => newReferral.action(args(post(as.cookie, "/referrals/new", fields(["SOCIAL_NEEDS", "BEHAVIORAL_HEALTH"], crypto.randomUUID())))));
    expect(uncovered.status).toBe(409);
    expect((uncovered.body as Body).formError).toMatch(/Behavioral \(mental\) health/);
    expect(await db.referral.count({ where: { senderOrganizationId: world.orgA.id } })).toBe(1);
  });

  it("the pre-send check reports covered categories, and refuses another organization's client (404)", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const url = `/api/referrals/check?clientId=${world.clientId}&recipientOrganizationId=${world.orgB.id}&sdohCodes=food-insecurity`;
    const result = await settle(() => checkRoute.loader(args(as.get(url))));
    expect(result.status).toBe(200);
    const body = result.body as { covered: string[]; refused: { category: string }[] };
    expect(body.covered.sort()).toEqual(["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"]);
    expect(body.refused.map((r) => r.category)).toContain("BEHAVIORAL_HEALTH");

    const outsider = await signedInRequester(world.careManagerC.email);
    const elsewhere = await settle(() => checkRoute.loader(args(outsider.get(url))));
    expect(elsewhere.status).toBe(404);
    expect((elsewhere.body as { error: string }).error).toBe("Client not found");
  });

  it("the pre-send check answers the form in the page's language: a missing choice, another organization's client (#14 defect 2)", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const incomplete = await settle(() => checkRoute.loader(args(as.get(`/api/referrals/check?clientId=${world.clientId}&lng=es`))));
    expect(incomplete.status).toBe(400);
    expect((incomplete.body as { error: string }).error).toBe("Elija una persona y una organización.");
    const outsider = await signedInRequester(world.careManagerC.email);
    const elsewhere = await settle(() => checkRoute.loader(args(outsider.get(`/api/referrals/check?clientId=${world.clientId}&recipientOrganizationId=${world.orgB.id}&lng=es`))));
    expect(elsewhere.status).toBe(404);
    expect((elsewhere.body as { error: string }).error).toBe("No se encontró a la persona");
  });

  it("a transition with a stale version answers 409 with the conflict flag and changes nothing", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    const receiver = await signedInRequester(world.careManagerB.email);
    const path = `/referrals/${referral.id}`;
    const accept = await settle(() => referralPage.action(args(receiver.post(path, { intent: "transition", to: "ACCEPTED", version: "1" }), { referralId: referral.id })));
    expect(accept.status).toBe(200);
    expect((accept.body as Body).ok).toBe(true);

    const stale = await settle(() => referralPage.action(args(receiver.post(path, { intent: "transition", to: "IN_PROGRESS", version: "1" }), { referralId: referral.id })));
    expect(stale.status).toBe(409);
    expect((stale.body as Body).conflict).toBe(true);
    expect((stale.body as Body).formError).toMatch(/Someone else changed this referral/);
    const staleEs = await settle(() => referralPage.action(args(receiver.post(`${path}?lng=es`, { intent: "transition", to: "IN_PROGRESS", version: "1" }), { referralId: referral.id })));
    expect(staleEs.status).toBe(409);
    expect((staleEs.body as Body).formError).toBe("Otra persona modificó esta derivación mientras usted la consultaba (ahora está aceptada). No se guardó nada: vuelva a cargar la página para ver lo más reciente e inténtelo de nuevo.");
    expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("ACCEPTED");
  });

  it('a "not a good fit" decline without its explanation, or an empty comment, answers 400 with field messages', async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    const receiver = await signedInRequester(world.careManagerB.email);
    const path = `/referrals/${referral.id}`;
    const decline = await settle(() => referralPage.action(args(receiver.post(path, { intent: "transition", to: "REJECTED", version: "1", reason: "NOT_A_GOOD_FIT" }), { referralId: referral.id })));
    expect(decline.status).toBe(400);
    expect((decline.body as Body).fieldErrors?.reasonText?.[0]).toMatch(/Explain/);
    const comment = await settle(() => referralPage.action(args(receiver.post(path, { intent: "comment", body: "  " }), { referralId: referral.id })));
    expect(comment.status).toBe(400);
    expect((comment.body as Body).fieldErrors?.body?.[0]).toMatch(/Write a comment/);
    expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("REQUESTED");
  });

  it("another organization gets a 404 for the page and its actions, and the sender cannot accept its own referral", async () => {
    const world = await createReferralWorld();
    const referral = await sendTestReferral(world);
    const outsider = await signedInRequester(world.careManagerC.email);
    const path = `/referrals/${referral.id}`;
    expect((await settle(() => referralPage.loader(args(outsider.get(path), { referralId: referral.id })))).status).toBe(404);
    expect((await settle(() => referralPage.action(args(outsider.post(path, { intent: "transition", to: "ACCEPTED", version: "1" }), { referralId: referral.id })))).status).toBe(404);
    expect((await settle(() => referralPage.action(args(outsider.post(path, { intent: "comment", body: "hello" }), { referralId: referral.id })))).status).toBe(404);
    expect((await settle(() => referralPage.loader(args(outsider.get("/referrals/not-a-uuid"), { referralId: "not-a-uuid" })))).status).toBe(404);

    const sender = await signedInRequester(world.careManagerA.email);
    const own = await settle(() => referralPage.action(args(sender.post(path, { intent: "transition", to: "ACCEPTED", version: "1" }), { referralId: referral.id })));
    expect(own.status).toBe(409);
    expect((own.body as Body).formError).toMatch(/Only the receiving organization/);
  });

  it("the inbox names the client only while the authorization covers it, the outbox does; staff without send rights get the inbox only", async () => {
    const world = await createReferralWorld();
    await sendTestReferral(world);
    const receiver = await signedInRequester(world.careManagerB.email);
    const inboxResult = await settle(() => inbox.loader(args(receiver.get("/referrals"))));
    expect(inboxResult.status).toBe(200);
    const inboxBody = inboxResult.body as { list: { total: number; rows: { clientName: string | null }[] } };
    expect(inboxBody.list.total).toBe(1);
    expect(inboxBody.list.rows[0].clientName).toBe("Rosalind Featherstonehaugh");
    await db.consentAuthorization.update({ where: { id: world.authorizationId }, data: { revokedAt: new Date(Date.now() - 60_000) } });
    const afterRevocation = (await settle(() => inbox.loader(args(receiver.get("/referrals"))))).body;
    expect(JSON.stringify(afterRevocation)).not.toContain("Rosalind");

    const sender = await signedInRequester(world.careManagerA.email);
    const outboxBody = (await settle(() => outbox.loader(args(sender.get("/referrals/sent"))))).body as { list: { rows: { clientName: string | null }[] } };
    expect(outboxBody.list.rows[0].clientName).toBe("Rosalind Featherstonehaugh");

    const staff = await createUser({ memberships: [{ organizationId: world.orgB.id, role: "STAFF" }] });
    const asStaff = await signedInRequester(staff.email);
    expect((await settle(() => inbox.loader(args(asStaff.get("/referrals"))))).status).toBe(200);
    expect((await settle(() => outbox.loader(args(asStaff.get("/referrals/sent"))))).status).toBe(403);
    expect((await settle(() => newReferral.loader(args(asStaff.get("/referrals/new"))))).status).toBe(403);
  });
});
