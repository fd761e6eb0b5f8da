/** The contact log's notes are covered by key rotation and by the start-up check for lost keys (issue #15, ADR 097). */
import { describe, expect, it } from "vitest";
import { installFreshFieldKey, rotateAwayFrom, isolateKeyRotationTests } from "../../../tests/field-keys";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createClient, isoDay } from "../../../tests/consent-factories";
import { enrollClient } from "./service.server";
import { getContactLog, recordContact } from "./contacts.server";

describe("contact notes and the field keys", () => {
  isolateKeyRotationTests();

  it("rotation re-encrypts contact notes; the old key is then not needed", async () => {
    const oldKey = installFreshFieldKey();
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { contactId } = await recordContact({ actor: cm, clientId, input: { kind: "HOSPITAL", contactedOn: isoDay(0), note: "Admitted for a fall" } });
    const before = await db.careContact.findUniqueOrThrow({ where: { id: contactId } });

    const { keyId: target } = await rotateAwayFrom(oldKey, before.keyId);
    const after = await db.careContact.findUniqueOrThrow({ where: { id: contactId } });
    expect(after.keyId).toBe(target);
    expect(after.noteCipher).not.toBe(before.noteCipher);
    expect((await getContactLog({ actor: cm, clientId }))?.contacts[0].note).toBe("Admitted for a fall");
  });
});
