import { withoutRandomHex } from "../../../tests/helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { revokeAuthorization } from "~/modules/consent/service.server";
import { getClientForViewer, listClients, registerClient } from "./service.server";

describe("client identifiers at rest", () => {
  it("the database holds no plaintext name, date of birth, contact, address or notes", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.careManagerA.id, world.orgA.id);
    const name = "Zenaida Quintanilla-Whitfield";
    const clientId = await createClient(actor, { name, birthDate: "1957-09-23", contact: "zq-unique@example.test", address: "4417 Unlikely Mesa Rd", notes: "prefers-afternoon-calls-xyz" });
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id], signerName: name, signatureTyped: name });

    // Every text column of every row about this client, read raw, as a dump would show it.
    const rows = await db.$queryRaw<{ row: string }[]>`
      SELECT row_to_json(c)::text AS row FROM "Client" c WHERE id = ${clientId}::uuid
      UNION ALL SELECT row_to_json(a)::text FROM "ConsentAuthorization" a WHERE id = ${authorizationId}::uuid
      UNION ALL SELECT row_to_json(e)::text FROM "AuditEvent" e WHERE "subjectId" = ${clientId}`;
    const dump = withoutRandomHex(rows.map((r) => r.row).join("\n"));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const secret of ["Zenaida", "Quintanilla", "Whitfield", "1957-09-23", "1957", "zq-unique", "Unlikely Mesa", "prefers-afternoon"]) {
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    // …and yet the service reads it back.
    const view = await getClientForViewer({ actor, clientId });
    expect(view.access === "own" && view.client).toMatchObject({ name, birthDate: "1957-09-23", contact: "zq-unique@example.test", address: "4417 Unlikely Mesa Rd", notes: "prefers-afternoon-calls-xyz" });
  });

  it("a ciphertext copied into another client's row does not decrypt (bound to its row and column)", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.careManagerA.id, world.orgA.id);
    const first = await createClient(actor, { name: "Copy Source" });
    const second = await createClient(actor, { name: "Copy Target" });
    await db.$executeRaw`UPDATE "Client" SET "nameCipher" = (SELECT "nameCipher" FROM "Client" WHERE id = ${first}::uuid) WHERE id = ${second}::uuid`;
    await expect(getClientForViewer({ actor, clientId: second })).rejects.toThrow();
  });
});

describe("registering a client", () => {
  it("warns about a possible duplicate (same name and date of birth, any case or accents) and writes nothing until confirmed", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.careManagerA.id, world.orgA.id);
    const existing = await createClient(actor, { name: "José García", birthDate: "1990-01-02" });
    const count = await db.client.count({ where: { organizationId: world.orgA.id } });

    const result = await registerClient({ actor, input: { name: "  jose   GARCIA ", birthDate: "1990-01-02", preferredLanguage: "es" } });
    expect(result).toMatchObject({ status: "possible-duplicates", duplicates: [{ id: existing, name: "José García", birthDate: "1990-01-02" }] });
    expect(await db.client.count({ where: { organizationId: world.orgA.id } })).toBe(count);

    // Another date of birth is not a duplicate; confirming registers anyway.
    expect((await registerClient({ actor, input: { name: "José García", birthDate: "1990-01-03", preferredLanguage: "es" } })).status).toBe("registered");
    const confirmed = await registerClient({ actor, input: { name: "José García", birthDate: "1990-01-02", preferredLanguage: "es", confirmNotDuplicate: "yes" } });
    expect(confirmed.status).toBe("registered");
    expect(await db.client.count({ where: { organizationId: world.orgA.id } })).toBe(count + 2);
  });

  it("another organization's client with the same name is not offered as a duplicate", async () => {
    const world = await createTwoOrganizationWorld();
    await createClient(actorFor(world.directorB.id, world.orgB.id), { name: "Shared Name", birthDate: "1970-05-05" });
    const result = await registerClient({ actor: actorFor(world.careManagerA.id, world.orgA.id), input: { name: "Shared Name", birthDate: "1970-05-05", preferredLanguage: "en" } });
    expect(result.status).toBe("registered");
  });

  it("the registering care manager becomes the primary care manager, and the registration is audited", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    expect((await db.client.findUniqueOrThrow({ where: { id: clientId } })).primaryCareManagerId).toBe(world.careManagerA.id);
    expect(await db.auditEvent.count({ where: { action: "client.registered", subjectId: clientId, actorUserId: world.careManagerA.id } })).toBe(1);
  });
});

describe("reading a client from another organization", () => {
  it("without consent: 404, and the refusal is in the client organization's audit trail", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    await expect(getClientForViewer({ actor: actorFor(world.directorB.id, world.orgB.id), clientId })).rejects.toMatchObject({ status: 404 });
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.disclosure_refused", subjectId: clientId }, orderBy: { seq: "desc" } });
    expect(refusal).toMatchObject({ organizationId: world.orgA.id, actorUserId: world.directorB.id });
    expect(await db.disclosure.count({ where: { clientId } })).toBe(0);
  });

  it("an unknown client is the same 404 (audited too)", async () => {
    const world = await createTwoOrganizationWorld();
    const clientId = crypto.randomUUID();
    await expect(getClientForViewer({ actor: actorFor(world.directorB.id, world.orgB.id), clientId })).rejects.toMatchObject({ status: 404 });
    expect(await db.auditEvent.count({ where: { action: "client.read_refused", subjectId: clientId } })).toBe(1);
  });

  it("with consent: only the consented categories are in the response (notes never), and the disclosure is accounted", async () => {
    const world = await createTwoOrganizationWorld();
    const actorA = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(actorA, { name: "Consent Person", contact: "719-555-0199", notes: "internal only" });
    const asB = actorFor(world.directorB.id, world.orgB.id);

    // Social needs only: B learns the client is shared, not who they are.
    const socialOnly = await createAuthorization(actorA, clientId, { recipientIds: [world.orgB.id], categories: ["SOCIAL_NEEDS"], effectiveDate: isoDay(-1) });
    const limited = await getClientForViewer({ actor: asB, clientId });
    expect(limited).toMatchObject({ access: "consented", categories: ["SOCIAL_NEEDS"], authorizationIds: [socialOnly.authorizationId] });
    if (limited.access !== "consented") throw new Error("unreachable");
    expect(Object.keys(limited.fields)).toEqual(["id"]);
    expect(JSON.stringify(limited)).not.toContain("Consent Person");

    await createAuthorization(actorA, clientId, { recipientIds: [world.orgB.id], categories: ["CONTACT_DEMOGRAPHICS"], effectiveDate: isoDay(-1) });
    const full = await getClientForViewer({ actor: asB, clientId });
    if (full.access !== "consented") throw new Error("expected a consented view");
    expect(full.fields).toMatchObject({ name: "Consent Person", contact: "719-555-0199" });
    expect(JSON.stringify(full)).not.toContain("internal only");
    expect(await db.disclosure.count({ where: { clientId, recipientOrganizationId: world.orgB.id, channel: "hub.client_view" } })).toBe(2);

    // A third organization of the same coalition, not named: 404.
    const orgC = await createOrganization({ coalitionId: world.coalition.id });
    await expect(getClientForViewer({ actor: actorFor(world.directorA.id, orgC.id), clientId })).rejects.toMatchObject({ status: 404 });

    // Revoked: B is back to a 404.
    for (const a of await db.consentAuthorization.findMany({ where: { clientId } })) {
      await revokeAuthorization({ actor: actorA, clientId, input: { authorizationId: a.id, receivedVia: "EMAIL" } });
    }
    await expect(getClientForViewer({ actor: asB, clientId })).rejects.toMatchObject({ status: 404 });
  });

  it("the list shows only the organization's own clients", async () => {
    const world = await createTwoOrganizationWorld();
    const mine = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    const theirs = await createClient(actorFor(world.directorB.id, world.orgB.id));
    const ids = (await listClients({ actor: actorFor(world.careManagerA.id, world.orgA.id) })).map((c) => c.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
  });
});
