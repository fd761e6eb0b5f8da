import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, authorizationInput, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { getAuthorizationCopy, listDisclosures, listSharedWithOrganization, recordAuthorization, revokeAuthorization, whoCanSeeToday } from "./service.server";
import { getClientForViewer } from "~/modules/client/service.server";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";

async function setup() {
  const world = await createTwoOrganizationWorld();
  const actor = actorFor(world.careManagerA.id, world.orgA.id);
  const clientId = await createClient(actor, { name: "Ana Reyes" });
  return { world, actor, clientId };
}

describe("recording an authorization: bad input is a clear error and writes nothing", () => {
  const bad: [string, (orgB: string) => Parameters<typeof authorizationInput>[0], RegExp, string][] = [
    ["expiry before the effective date", (b) => ({ recipientIds: [b], effectiveDate: isoDay(10), expiresOn: isoDay(5) }), /must be after the date it starts/, "expiresOn"],
    ["no expiry date or event", (b) => ({ recipientIds: [b], expiresOn: undefined, expirationEvent: undefined }), /expiration date or an expiration event/, "expiresOn"],
    ["no recipient", () => ({ recipientIds: [] }), /at least one organization/, "recipientIds"],
    ["no category", (b) => ({ recipientIds: [b], categories: [] }), /at least one kind of information/, "categories"],
    ["signature missing (typed)", (b) => ({ recipientIds: [b], signatureMethod: "TYPED", signatureTyped: undefined }), /type their name/, "signatureTyped"],
    ["signature missing (drawn)", (b) => ({ recipientIds: [b], signatureMethod: "DRAWN", signatureImage: undefined }), /sign in the box/, "signatureImage"],
    ["Part 2 under a general form", (b) => ({ recipientIds: [b], categories: ["SOCIAL_NEEDS", "SUD_PART2"] }), /general authorization never covers them/, "categories"],
    ["Part 2 form with other categories", (b) => ({ recipientIds: [b], form: "PART2", categories: ["SUD_PART2", "HIV_STI"], ackPart2: "on" }), /substance use disorder treatment records only/, "categories"],
    ["Part 2 statements not read", (b) => ({ recipientIds: [b], form: "PART2", categories: ["SUD_PART2"] }), /Part 2 statements/, "ackPart2"],
    ["representative without authority", (b) => ({ recipientIds: [b], signerKind: "REPRESENTATIVE" }), /authority/, "representativeAuthority"],
    ["a required statement not explained", (b) => ({ recipientIds: [b], ackRedisclosure: undefined as unknown as "on" }), /re-disclosure/, "ackRedisclosure"],
  ];
  it.each(bad)("%s", async (_name, make, message, field) => {
    const { world, actor, clientId } = await setup();
    const error = await recordAuthorization({ actor, clientId, input: authorizationInput(make(world.orgB.id)) }).catch((e) => e);
    expect(error).toMatchObject({ status: 400 });
    // Services carry translatable messages (ADR 071); the English reader sees this sentence.
    expect(translateMessage(error.fieldErrors[field]?.[0] ?? "", translatorForLocale("en"))).toMatch(message);
    expect(await db.consentAuthorization.count({ where: { clientId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectId: clientId, action: "consent.authorization_recorded" } })).toBe(0);
  });

  it("a recipient outside the coalition, or the organization itself, is refused", async () => {
    const { world, actor, clientId } = await setup();
    const stranger = await createOrganization({ coalitionId: (await createCoalition()).id });
    for (const recipient of [stranger.id, world.orgA.id]) {
      await expect(recordAuthorization({ actor, clientId, input: authorizationInput({ recipientIds: [recipient] }) })).rejects.toMatchObject({ status: 400 });
    }
    expect(await db.consentAuthorization.count({ where: { clientId } })).toBe(0);
  });

  it("an unknown client, or another organization's client, is a 404", async () => {
    const { world, clientId } = await setup();
    const asB = actorFor(world.directorB.id, world.orgB.id);
    await expect(recordAuthorization({ actor: asB, clientId, input: authorizationInput({ recipientIds: [world.orgA.id] }) })).rejects.toMatchObject({ status: 404 });
    await expect(recordAuthorization({ actor: asB, clientId: crypto.randomUUID(), input: authorizationInput({ recipientIds: [world.orgA.id] }) })).rejects.toMatchObject({ status: 404 });
    expect(await db.consentAuthorization.count({ where: { clientId } })).toBe(0);
  });
});

describe("recording an authorization twice with the form's key (#17)", () => {
  it("records once: a retried or double submission returns the first authorization, also when they race", async () => {
    const { world, actor, clientId } = await setup();
    const key = crypto.randomUUID();
    const input = authorizationInput({ recipientIds: [world.orgB.id], idempotencyKey: key });
    const first = await recordAuthorization({ actor, clientId, input });
    const again = await recordAuthorization({ actor, clientId, input });
    expect(again).toEqual(first);
    const racedKey = crypto.randomUUID();
    const raced = await Promise.all(Array.from({ length: 4 }, () => recordAuthorization({ actor, clientId, input: { ...input, idempotencyKey: racedKey } })));
    expect(new Set(raced.map((r) => r.authorizationId)).size).toBe(1);
    // Without a key (callers that have no form) every call records.
    await recordAuthorization({ actor, clientId, input: authorizationInput({ recipientIds: [world.orgB.id] }) });
    expect(await db.consentAuthorization.count({ where: { clientId } })).toBe(3);
    expect(await db.auditEvent.count({ where: { subjectId: clientId, action: "consent.authorization_recorded" } })).toBe(3);
  });

  it("refuses a key already used for another client (a form reused by hand), and a key that is not one", async () => {
    const { world, actor, clientId } = await setup();
    const other = await createClient(actor, { name: "Luis Ortega" });
    const key = crypto.randomUUID();
    await recordAuthorization({ actor, clientId, input: authorizationInput({ recipientIds: [world.orgB.id], idempotencyKey: key }) });
    await expect(recordAuthorization({ actor, clientId: other, input: authorizationInput({ recipientIds: [world.orgB.id], idempotencyKey: key }) })).rejects.toMatchObject({ status: 409 });
    await expect(recordAuthorization({ actor, clientId, input: authorizationInput({ recipientIds: [world.orgB.id], idempotencyKey: "not-a-key" }) })).rejects.toMatchObject({ status: 400 });
    expect(await db.consentAuthorization.count({ where: { clientId: other } })).toBe(0);
  });
});

describe("an authorization's life", () => {
  it("records the statements as read, in Spanish, and the client's copy shows them with the signature", async () => {
    const { world, actor, clientId } = await setup();
    const { authorizationId } = await createAuthorization(actor, clientId, {
      recipientIds: [world.orgB.id], language: "es", signerKind: "REPRESENTATIVE", signerName: "Luisa Reyes", representativeAuthority: "Tutora legal",
      signatureMethod: "DRAWN", signatureImage: "data:image/png;base64,iVBORw0KGgo=", signatureTyped: undefined,
    });
    const copy = await getAuthorizationCopy({ actor, clientId, authorizationId });
    expect(copy.client.name).toBe("Ana Reyes");
    expect(copy.statements.rightToRevoke).toMatch(/^Usted puede revocar/);
    expect(copy.statements.rightToRevoke).toContain("Org A");
    expect(copy.statements.part2Prohibition).toBeUndefined();
    expect(copy.signature).toEqual({ signerName: "Luisa Reyes", representativeAuthority: "Tutora legal", typed: null, image: "data:image/png;base64,iVBORw0KGgo=" });
    expect(copy.recipients).toEqual(["Org B"]);
  });

  it("revoking twice is refused and changes nothing the second time", async () => {
    const { world, actor, clientId } = await setup();
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id] });
    const first = await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "MAIL" } });
    // `message: /regex/` inside toMatchObject matches anything (a RegExp has no keys to compare): read the message as the English reader does.
    const second = await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "EMAIL" } }).then(() => null, (e: { status?: number; message?: string }) => e);
    expect(second?.status).toBe(409);
    expect(translateMessage(second?.message ?? "", translatorForLocale("en"))).toMatch(/already revoked/);
    const row = await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } });
    expect(row.revokedAt).toEqual(first.revokedAt);
    expect(row.revocationReceivedVia).toBe("MAIL");
    expect(await db.auditEvent.count({ where: { action: "consent.authorization_revoked", subjectId: clientId } })).toBe(1);
  });

  it("records the day the revocation was received; a future day or one before signing is refused, nothing written", async () => {
    const { world, actor, clientId } = await setup();
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id] });
    for (const receivedOn of [isoDay(2), isoDay(-30)]) {
      await expect(revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "MAIL", receivedOn } })).rejects.toMatchObject({ status: 400 });
    }
    expect((await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } })).revokedAt).toBeNull();
    await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "MAIL", receivedOn: isoDay(0) } });
    const row = await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } });
    expect(row.revocationReceivedOn?.toISOString().slice(0, 10)).toBe(isoDay(0));
  });

  it("another organization cannot revoke (404)", async () => {
    const { world, actor, clientId } = await setup();
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id] });
    await expect(revokeAuthorization({ actor: actorFor(world.directorB.id, world.orgB.id), clientId, input: { authorizationId, receivedVia: "MAIL" } })).rejects.toMatchObject({ status: 404 });
    expect((await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } })).revokedAt).toBeNull();
  });

  it("who can see what today follows revocation and expiry; the accounting lists what went out", async () => {
    const { world, actor, clientId } = await setup();
    const orgC = await createOrganization({ coalitionId: world.coalition.id, name: "Org C" });
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id, orgC.id], categories: ["SOCIAL_NEEDS", "CARE_PLAN"], effectiveDate: isoDay(-1) });
    await createAuthorization(actor, clientId, { recipientIds: [orgC.id], form: "PART2", categories: ["SUD_PART2"], ackPart2: "on", effectiveDate: isoDay(-1), expiresOn: isoDay(3) });

    const today = await whoCanSeeToday({ actor, clientId });
    expect(today.map((t) => [t.organization.name, t.grants.map((g) => g.category)])).toEqual([
      ["Org C", ["SOCIAL_NEEDS", "CARE_PLAN", "SUD_PART2"]],
      ["Org B", ["SOCIAL_NEEDS", "CARE_PLAN"]],
    ]);
    // In five days the Part 2 authorization has expired.
    const later = await whoCanSeeToday({ actor, clientId, at: new Date(Date.now() + 5 * 86_400_000) });
    expect(later.find((t) => t.organization.name === "Org C")!.refusals).toEqual([{ category: "SUD_PART2", reason: "expired" }]);

    await getClientForViewer({ actor: actorFor(world.directorB.id, world.orgB.id), clientId });
    await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "IN_PERSON_WRITTEN" } });
    const afterRevoke = await whoCanSeeToday({ actor, clientId });
    expect(afterRevoke.find((t) => t.organization.name === "Org B")!.grants).toEqual([]);
    expect(afterRevoke.find((t) => t.organization.name === "Org C")!.grants.map((g) => g.category)).toEqual(["SUD_PART2"]);

    const accounting = await listDisclosures({ actor, clientId });
    expect(accounting.disclosures).toHaveLength(1);
    expect(accounting.disclosures[0]).toMatchObject({ recipient: "Org B", categories: ["SOCIAL_NEEDS", "CARE_PLAN"], authorizationIds: [authorizationId], by: "Director B", channel: "hub.client_view" });
  });
});

describe("clients shared with an organization", () => {
  it("lists clients whose authorization is in effect for it, without any identifier", async () => {
    const { world, actor, clientId } = await setup();
    const pending = await createClient(actor, { name: "Pending Person" });
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id], categories: ["SOCIAL_NEEDS"], effectiveDate: isoDay(-1) });
    await createAuthorization(actor, pending, { recipientIds: [world.orgB.id], effectiveDate: isoDay(3) });
    const asB = actorFor(world.directorB.id, world.orgB.id);
    const shared = await listSharedWithOrganization({ actor: asB });
    expect(shared).toEqual([{ clientId, sharedBy: "Org A", categories: ["SOCIAL_NEEDS"] }]);
    expect(JSON.stringify(shared)).not.toContain("Ana Reyes");
    await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "MAIL" } });
    expect(await listSharedWithOrganization({ actor: asB })).toEqual([]);
    expect(await listSharedWithOrganization({ actor })).toEqual([]); // never its own clients
  });
});
