/**
 * The clients, consent and audit pages through their loaders and actions, as the browser calls
 * them: permissions, bad input (400, nothing written), another organization's client (404).
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as clientsIndexModule from "~/routes/_app.clients._index";
import * as clientsNewModule from "~/routes/_app.clients.new";
import * as clientPageModule from "~/routes/_app.clients.$clientId._index";
import * as authorizePageModule from "~/routes/_app.clients.$clientId.authorize";
import * as copyPageModule from "~/routes/_app.clients.$clientId.authorizations.$authorizationId";
import * as copyPdfModule from "~/routes/clients.$clientId.authorizations.$authorizationId.pdf";
import * as disclosuresPageModule from "~/routes/_app.clients.$clientId.disclosures";
import * as auditPageModule from "~/routes/_app.audit";
import { createTwoOrganizationWorld, createUser } from "../factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../consent-factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const clientsIndex = withHttpErrors(clientsIndexModule);
const clientsNew = withHttpErrors(clientsNewModule);
const clientPage = withHttpErrors(clientPageModule);
const authorizePage = withHttpErrors(authorizePageModule);
const copyPage = withHttpErrors(copyPageModule);
const copyPdf = withHttpErrors(copyPdfModule);
const disclosuresPage = withHttpErrors(disclosuresPageModule);
const auditPage = withHttpErrors(auditPageModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

const validAuthorization = (recipientId: string): Record<string, string> => ({
  intent: "record", form: "GENERAL", categories: "SOCIAL_NEEDS", recipientIds: recipientId, purpose: "Food help", language: "en",
  effectiveDate: isoDay(0), expiresOn: isoDay(90), ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on",
  signerKind: "CLIENT", signerName: "Route Person", signatureMethod: "TYPED", signatureTyped: "Route Person",
});

describe("clients pages", () => {
  it("signed-out visitors are sent to sign in", async () => {
    const result = await settle(() => clientsIndex.loader(args(anonymousGet("/clients"))));
    expect(result.status).toBe(302);
  });

  it("staff without client permissions are refused (403)", async () => {
    const world = await createTwoOrganizationWorld();
    const staff = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "STAFF" }] });
    const as = await signedInRequester(staff.email);
    expect((await settle(() => clientsIndex.loader(args(as.get("/clients"))))).status).toBe(403);
    expect((await settle(() => clientsNew.action(args(as.post("/clients/new", { intent: "register", name: "X Y", birthDate: "1990-01-01", preferredLanguage: "en" }))))).status).toBe(403);
  });

  it("registering with bad input answers 400 with field messages and writes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const before = await db.client.count({ where: { organizationId: world.orgA.id } });
    const result = await settle(() => clientsNew.action(args(as.post("/clients/new", { intent: "register", name: "", birthDate: "2999-01-01", preferredLanguage: "en" }))));
    expect(result.status).toBe(400);
    const body = result.body as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.name[0]).toMatch(/full name/);
    expect(body.fieldErrors.birthDate[0]).toMatch(/future/);
    expect(await db.client.count({ where: { organizationId: world.orgA.id } })).toBe(before);
  });

  it("registers through the action and redirects to the client", async () => {
    const world = await createTwoOrganizationWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const result = await settle(() => clientsNew.action(args(as.post("/clients/new", { intent: "register", name: "Route Person", birthDate: "1990-01-01", preferredLanguage: "es" }))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toMatch(/^\/clients\/[0-9a-f-]{36}\?registered=1$/);
  });

  it("another organization's client: every page is a 404 without consent", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const { authorizationId } = await createAuthorization(actorFor(world.careManagerA.id, world.orgA.id), clientId, { recipientIds: [world.orgB.id], categories: ["SOCIAL_NEEDS"], effectiveDate: isoDay(5) });
    const asB = await signedInRequester(world.directorB.email);
    const params = { clientId, authorizationId };
    for (const [loader, path] of [
      [clientPage.loader, `/clients/${clientId}`],
      [authorizePage.loader, `/clients/${clientId}/authorize`],
      [copyPage.loader, `/clients/${clientId}/authorizations/${authorizationId}`],
      [copyPdf.loader, `/clients/${clientId}/authorizations/${authorizationId}/pdf`],
      [disclosuresPage.loader, `/clients/${clientId}/disclosures`],
    ] as const) {
      expect((await settle(() => loader(args(asB.get(path), params)))).status, path).toBe(404);
    }
    const revoke = await settle(() => clientPage.action(args(asB.post(`/clients/${clientId}`, { intent: "revoke", authorizationId, receivedVia: "MAIL" }), params)));
    expect(revoke.status).toBe(404);
    expect((await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } })).revokedAt).toBeNull();
    expect((await settle(() => clientPage.loader(args(asB.get("/clients/not-a-uuid"), { clientId: "not-a-uuid" })))).status).toBe(404);
  });

  it("recording through the action: bad input is 400 and nothing is written; good input redirects", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const as = await signedInRequester(world.careManagerA.email);
    const post = (fields: Record<string, string>) => settle(() => authorizePage.action(args(as.post(`/clients/${clientId}/authorize`, fields), { clientId })));
    // What the untouched form posts: every missing element is named at once, nothing written.
    const empty = await post({ intent: "record", form: "GENERAL", language: "en", effectiveDate: isoDay(0), signerKind: "CLIENT", signerName: "Route Person", signatureMethod: "DRAWN", signatureImage: "" });
    expect(empty.status).toBe(400);
    expect(Object.keys((empty.body as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(
      ["ackConditioning", "ackRedisclosure", "ackRevoke", "categories", "expiresOn", "purpose", "recipientIds", "signatureImage"],
    );
    const bad = await post({ ...validAuthorization(world.orgB.id), categories: "SUD_PART2" });
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string[]> }).fieldErrors.categories[0]).toMatch(/Part 2/);
    const noSignature = await post({ ...validAuthorization(world.orgB.id), signatureTyped: "" });
    expect(noSignature.status).toBe(400);
    expect(await db.consentAuthorization.count({ where: { clientId } })).toBe(0);
    const body = new URLSearchParams(validAuthorization(world.orgB.id));
    body.append("categories", "CARE_PLAN"); // a checkbox group posts one field per box
    const request = new Request(`http://localhost/clients/${clientId}/authorize`, { method: "POST", headers: { cookie: as.cookie, "content-type": "application/x-www-form-urlencoded" }, body });
    const good = await settle(() => authorizePage.action(args(request, { clientId })));
    expect(good.status).toBe(302);
    const rows = await db.consentAuthorization.findMany({ where: { clientId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].categories).toEqual(["SOCIAL_NEEDS", "CARE_PLAN"]);
  });

  it("recorded from the referral form, it goes back to the send form; any other returnTo is ignored (no open redirect)", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const as = await signedInRequester(world.careManagerA.email);
    const record = async (returnTo: string) => {
      const url = `/clients/${clientId}/authorize?${new URLSearchParams({ recipient: world.orgB.id, returnTo })}`;
      const response = await settle(() => authorizePage.action(args(as.post(url, validAuthorization(world.orgB.id)), { clientId })));
      expect(response.status).toBe(302);
      return response.headers.get("location");
    };
    const back = `/referrals/new?clientId=${clientId}&organizationId=${world.orgB.id}`;
    expect(await record(back)).toBe(back);
    for (const hostile of ["https://evil.example/referrals/new", "//evil.example/referrals/new", "/referrals/new?x=1#//evil", "/clients/other", "/referrals/new\\evil"]) {
      expect(await record(hostile)).toBe(`/clients/${clientId}?recorded=1`);
    }
  });

  it("revoking twice through the action: the second answer is a 409 with a message", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const { authorizationId } = await createAuthorization(actorFor(world.careManagerA.id, world.orgA.id), clientId, { recipientIds: [world.orgB.id] });
    const as = await signedInRequester(world.careManagerA.email);
    const revoke = () => settle(() => clientPage.action(args(as.post(`/clients/${clientId}`, { intent: "revoke", authorizationId, receivedVia: "MAIL" }), { clientId })));
    expect((await revoke()).status).toBe(200);
    const second = await revoke();
    expect(second.status).toBe(409);
    expect((second.body as { formError: string }).formError).toMatch(/already revoked/);
  });

  it("the PDF copy is a PDF", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id), { name: "Pdf Persón" });
    const { authorizationId } = await createAuthorization(actorFor(world.careManagerA.id, world.orgA.id), clientId, { recipientIds: [world.orgB.id], language: "es" });
    const as = await signedInRequester(world.careManagerA.email);
    const response = await copyPdf.loader(args(as.get(`/clients/${clientId}/authorizations/${authorizationId}/pdf`), { clientId, authorizationId }));
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("audit page", () => {
  it("only directors; each sees only their organization's events; the filter works", async () => {
    const world = await createTwoOrganizationWorld();
    const clientA = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const clientB = await createClient(actorFor(world.directorB.id, world.orgB.id));
    const careManager = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => auditPage.loader(args(careManager.get("/audit"))))).status).toBe(403);

    const director = await signedInRequester(world.directorA.email);
    const all = await settle(() => auditPage.loader(args(director.get("/audit"))));
    const events = (all.body as { events: { subjectId: string | null; action: string }[] }).events;
    expect(events.some((e) => e.subjectId === clientA)).toBe(true);
    expect(events.some((e) => e.subjectId === clientB)).toBe(false);

    const filtered = await settle(() => auditPage.loader(args(director.get(`/audit?action=client.registered&subject=${clientA}`))));
    const rows = (filtered.body as { events: { subjectId: string; action: string }[] }).events;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "client.registered", subjectId: clientA });
  });

  it("verify: reports an intact chain and records that it was verified", async () => {
    const world = await createTwoOrganizationWorld();
    const director = await signedInRequester(world.directorA.email);
    const result = await settle(() => auditPage.action(args(director.post("/audit", {}))));
    expect(result.body).toMatchObject({ verification: { ok: true } });
    expect(await db.auditEvent.count({ where: { action: "audit.chain_verified", actorUserId: world.directorA.id } })).toBe(1);
  });
});

describe("audit page on a tampered trail", () => {
  it("the verify button names the altered row", async () => {
    const { useIsolatedDatabase } = await import("../setup/database");
    const restore = await useIsolatedDatabase();
    try {
      const world = await createTwoOrganizationWorld();
      const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
      const director = await signedInRequester(world.directorA.email);
      const target = await db.auditEvent.findFirstOrThrow({ where: { action: "client.registered", subjectId: clientId } });
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
        await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorUserId" = NULL WHERE id = '${target.id}'`);
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
      });
      const result = await settle(() => auditPage.action(args(director.post("/audit", {}))));
      expect(result.body).toMatchObject({ verification: { ok: false, brokenEventId: target.id, brokenAtSeq: target.seq.toString() } });
    } finally {
      await restore();
    }
  });
});
