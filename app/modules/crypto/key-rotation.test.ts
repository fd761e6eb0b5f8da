import { knownClientNameFindings } from "~/modules/client/known-names.server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installFreshFieldKey, isolateKeyRotationTests } from "../../../tests/field-keys";
import { useIsolatedDatabase } from "../../../tests/setup/database";
import { db } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { generateMasterKey, installFieldKeys, installedFieldKeys, parseMasterKey } from "~/utils/field-encryption.server";
import { bootFieldEncryption, fieldKeyFile } from "../../../server/boot";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient } from "../../../tests/consent-factories";
import { getClientForViewer, registerClient } from "~/modules/client/service.server";
import { getAuthorizationCopy } from "~/modules/consent/service.server";
import { assertFieldKeysCoverData, rotateFieldEncryption } from "./key-rotation.server";
import { commentOnReferral, sendReferral } from "~/modules/referral/service.server";
import { openReferral } from "~/modules/referral/open.server";
import { referralActor, sendInput } from "../../../tests/referral-factories";

describe("field keys: rotation and a lost key", () => {
  // Rotation re-encrypts every row: on a database of its own, with the worker's key put back after.
  isolateKeyRotationTests();

  it("rotates every client and signature to the new key; the old key is then not needed and duplicates are still found", async () => {
    const oldKey = installFreshFieldKey();
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(actor, { name: "Rotation Person", birthDate: "1966-06-06", address: "1 Main St" });
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id], signatureTyped: "Rotation Person" });
    // A client registered before names were indexed for the identifier check has no name tokens.
    const unindexed = await createClient(actor, { name: "Unindexed Person" });
    await db.client.update({ where: { id: unindexed }, data: { nameTokens: [] } });
    const before = await db.client.findUniqueOrThrow({ where: { id: clientId } });
    const sender = referralActor(world.careManagerA.id, world.orgA.id);
    const { referral } = await sendReferral({ actor: sender, input: sendInput({ clientId, recipientOrganizationId: world.orgB.id, note: "Rotated note" }) });
    await commentOnReferral({ actor: sender, referralId: referral.id, input: { body: "Rotated comment" } });

    const newKey = parseMasterKey(generateMasterKey());
    installFieldKeys([newKey, oldKey]);
    const result = await rotateFieldEncryption();
    expect(result.clients).toBeGreaterThanOrEqual(1);
    expect(result.authorizations).toBeGreaterThanOrEqual(1);
    expect(result.referrals).toBeGreaterThanOrEqual(2);

    installFieldKeys([newKey]); // the old key is gone
    await expect(assertFieldKeysCoverData()).resolves.toBeUndefined();
    const after = await db.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(after.keyId).toBe(installedFieldKeys()[0].id);
    expect(after.nameCipher).not.toBe(before.nameCipher);
    expect(after.identityIndex).not.toBe(before.identityIndex);
    expect(after.nameTokens).toHaveLength(before.nameTokens.length);
    expect(after.nameTokens.some((t) => before.nameTokens.includes(t))).toBe(false);
    expect((await db.client.findUniqueOrThrow({ where: { id: unindexed } })).nameTokens.length).toBeGreaterThan(0);
    expect((await knownClientNameFindings({ organizationId: world.orgA.id, texts: ["Met Rotation Person and Unindexed Person."] }))[0]!.map((f) => f.text)).toEqual(["Rotation Person", "Unindexed Person"]);
    const view = await getClientForViewer({ actor, clientId });
    expect(view.access === "own" && view.client.address).toBe("1 Main St");
    expect((await getAuthorizationCopy({ actor, clientId, authorizationId })).signature.typed).toBe("Rotation Person");
    expect(await registerClient({ actor, input: { name: "rotation person", birthDate: "1966-06-06", preferredLanguage: "en" } })).toMatchObject({ status: "possible-duplicates" });
    expect(await db.auditEvent.count({ where: { action: "crypto.field_keys_rotated" } })).toBe(1);
    const opened = await openReferral({ actor: sender, referralId: referral.id });
    expect(opened.note).toBe("Rotated note");
    expect(opened.timeline.find((e) => e.kind === "COMMENT")?.body).toBe("Rotated comment");
  });

  it("a lost key is a clear start-up error, and the key file is never silently replaced", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-keys-"));
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
    try {
      // The database above holds encrypted clients; DATA_DIR has no key file.
      await expect(bootFieldEncryption(env, { databaseIsNew: false })).rejects.toThrow(/field encryption key is missing.*Restore the key from your backup/s);
      expect(fs.existsSync(fieldKeyFile(env))).toBe(false);

      // A different key (a new file, or the wrong FIELD_ENCRYPTION_KEY): refused by name.
      fs.writeFileSync(fieldKeyFile(env), `${generateMasterKey()}\n`, { mode: 0o600 });
      await expect(bootFieldEncryption(env, { databaseIsNew: false })).rejects.toThrow(/encrypted with field encryption key\(s\) \w+, which are not configured.*restore FIELD_ENCRYPTION_KEY/s);
      const wrongEnv = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir, FIELD_ENCRYPTION_KEY: generateMasterKey() });
      await expect(bootFieldEncryption(wrongEnv, { databaseIsNew: false })).rejects.toThrow(/not configured/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a new embedded database gets a key file readable by its owner only", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-keys-"));
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
    try {
      const back = await useIsolatedDatabase(); // an empty database: nothing encrypted yet
      try {
        await bootFieldEncryption(env, { databaseIsNew: true });
        expect(fs.statSync(fieldKeyFile(env)).mode & 0o777).toBe(0o600);
        expect(parseMasterKey(fs.readFileSync(fieldKeyFile(env), "utf8").trim())).toHaveLength(32);
      } finally {
        await back();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
