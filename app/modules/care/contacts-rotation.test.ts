/** The contact log's notes are covered by key rotation and by the start-up check for lost keys (issue #15, ADR 097). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useIsolatedDatabase } from "../../../tests/setup/database";
import { db } from "~/utils/db.server";
import { generateMasterKey, installFieldKeys, installedFieldKeys, parseMasterKey } from "~/utils/field-encryption.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createClient, isoDay } from "../../../tests/consent-factories";
import { assertFieldKeysCoverData, missingFieldKeyIds, rotateFieldEncryption } from "~/modules/crypto/key-rotation.server";
import { enrollClient } from "./service.server";
import { getContactLog, recordContact } from "./contacts.server";

describe("contact notes and the field keys", () => {
  let restore: () => Promise<void>;
  const testKey = Buffer.alloc(32, 7);
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
  });
  afterAll(async () => {
    installFieldKeys([testKey]);
    await restore();
  });

  it("rotation re-encrypts contact notes; the old key is then not needed", async () => {
    const oldKey = parseMasterKey(generateMasterKey());
    installFieldKeys([oldKey]);
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { contactId } = await recordContact({ actor: cm, clientId, input: { kind: "HOSPITAL", contactedOn: isoDay(0), note: "Admitted for a fall" } });
    const before = await db.careContact.findUniqueOrThrow({ where: { id: contactId } });

    const newKey = parseMasterKey(generateMasterKey());
    installFieldKeys([newKey]);
    expect(await missingFieldKeyIds()).toContain(before.keyId);
    installFieldKeys([newKey, oldKey]);
    await rotateFieldEncryption();

    installFieldKeys([newKey]);
    await expect(assertFieldKeysCoverData()).resolves.toBeUndefined();
    const after = await db.careContact.findUniqueOrThrow({ where: { id: contactId } });
    expect(after.keyId).toBe(installedFieldKeys()[0].id);
    expect(after.noteCipher).not.toBe(before.noteCipher);
    expect((await getContactLog({ actor: cm, clientId }))?.contacts[0].note).toBe("Admitted for a fall");
  });
});
