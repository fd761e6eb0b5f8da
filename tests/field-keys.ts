/**
 * What every field-key rotation test shares (ADR 020): a database of its own (a rotation rewrites
 * every row, so it must not see other tests' rows or leave its keys on them), the suite's key put
 * back afterwards, and the one sequence that proves a rotation: the new key alone cannot read the
 * rows, both keys rotate them, then the new key alone covers everything.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { useIsolatedDatabase as openIsolatedDatabase } from "./setup/database";
import { generateMasterKey, installFieldKeys, installedFieldKeys, parseMasterKey } from "~/utils/field-encryption.server";
import { assertFieldKeysCoverData, missingFieldKeyIds, rotateFieldEncryption } from "~/modules/crypto/key-rotation.server";

/** The key tests/setup/database.ts installs for every test. */
export const SUITE_FIELD_KEY = Buffer.alloc(32, 7);

/** Call inside a describe: its tests run on their own database, and the suite's key is restored after. */
export function isolateKeyRotationTests() {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await openIsolatedDatabase();
  });
  afterAll(async () => {
    installFieldKeys([SUITE_FIELD_KEY]);
    await restore();
  });
}

/** Installs a fresh key alone (the rows written next are under it) and returns it. */
export function installFreshFieldKey() {
  const key = parseMasterKey(generateMasterKey());
  installFieldKeys([key]);
  return key;
}

/**
 * Rotates from `oldKey` to a fresh key: checks that the fresh key alone misses `probeKeyId` (a row
 * written under the old key), rotates with both installed, then leaves the fresh key alone
 * installed and checks it covers every stored value. Returns the fresh key's id.
 */
export async function rotateAwayFrom(oldKey: Buffer, probeKeyId: string) {
  const newKey = installFreshFieldKey();
  expect(await missingFieldKeyIds()).toContain(probeKeyId);
  installFieldKeys([newKey, oldKey]);
  const counts = await rotateFieldEncryption();
  installFieldKeys([newKey]);
  await expect(assertFieldKeysCoverData()).resolves.toBeUndefined();
  return { keyId: installedFieldKeys()[0].id, counts };
}
