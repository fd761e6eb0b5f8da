/**
 * Field-key housekeeping: the start-up check that every stored ciphertext has its key, and the
 * rotation that re-encrypts everything with the newest key (`npm run keys:rotate`).
 */
import { db } from "~/utils/db.server";
import { currentKeyId, installedFieldKeys } from "~/utils/field-encryption.server";
import { reencrypt, reencryptRequired, rotateInBatches } from "~/utils/db/rotate-batches.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decryptClient, encryptClientFields } from "~/modules/client/service.server";
import { commentContext, noteContext } from "~/modules/referral/service.server";
import { secretContext } from "~/modules/referral/webhooks.server";
import { careKeyIds, rotateCareFields } from "~/modules/care/encryption.server";
import { pathwayKeyIds, rotatePathwayFields } from "~/modules/pathway/encryption.server";

/** Key ids used by stored data that are not installed. */
export async function missingFieldKeyIds(): Promise<string[]> {
  const installed = new Set(installedFieldKeys().map((k) => k.id));
  const rows = await db.$queryRaw<{ keyId: string }[]>`
    SELECT DISTINCT "keyId" FROM "Client" UNION SELECT DISTINCT "keyId" FROM "ConsentAuthorization"
    UNION SELECT DISTINCT "keyId" FROM "Referral" UNION SELECT DISTINCT "keyId" FROM "WebhookEndpoint"
    UNION SELECT DISTINCT split_part("bodyCipher", '.', 2) FROM "ReferralEvent" WHERE "bodyCipher" IS NOT NULL`;
  const used = new Set([...rows.map((r) => r.keyId), ...(await careKeyIds()), ...(await pathwayKeyIds())]);
  return [...used].filter((id) => !installed.has(id));
}

/** A lost or wrong key is a clear start-up error, not a stream of decryption failures later. */
export async function assertFieldKeysCoverData() {
  const missing = await missingFieldKeyIds();
  if (missing.length) {
    throw new Error(
      `Client records are encrypted with field encryption key(s) ${missing.join(", ")}, which are not configured (installed: ${installedFieldKeys().map((k) => k.id).join(", ")}). ` +
        "The key was lost or replaced: restore FIELD_ENCRYPTION_KEY (or DATA_DIR/field-encryption-key) from your backup. The hub will not start without it.",
    );
  }
}

/**
 * Re-encrypts every client and authorization not yet under the newest key, and recomputes the
 * blind indexes (identity, name tokens) with it, in batches (one transaction per batch, so a crash leaves every row readable
 * with one of the installed keys). Returns the counts.
 */
export async function rotateFieldEncryption({ batchSize = 200 }: { batchSize?: number } = {}) {
  const target = currentKeyId();
  // Also clients registered before names were indexed for the identifier check (never empty after).
  const clients = await rotateInBatches(
    () => db.client.findMany({ where: { OR: [{ keyId: { not: target } }, { nameTokens: { isEmpty: true } }] }, take: batchSize }),
    (tx, row) => tx.client.update({ where: { id: row.id }, data: encryptClientFields(row.id, decryptClient(row)) }),
  );
  const authorizations = await rotateInBatches(
    () => db.consentAuthorization.findMany({ where: { keyId: { not: target } }, select: { id: true, signatureCipher: true }, take: batchSize }),
    (tx, row) =>
      tx.consentAuthorization.update({
        where: { id: row.id },
        data: { signatureCipher: reencryptRequired(row.signatureCipher, `ConsentAuthorization.signature:${row.id}`), keyId: target },
      }),
  );
  const referralNotes = await rotateInBatches(
    () => db.referral.findMany({ where: { keyId: { not: target } }, select: { id: true, noteCipher: true }, take: batchSize }),
    (tx, row) => tx.referral.update({ where: { id: row.id }, data: { noteCipher: reencrypt(row.noteCipher, noteContext(row.id)), keyId: target } }),
  );
  // Comments carry their key id inside the ciphertext ("v1.<keyId>.…"), not in a column.
  const referralComments = await rotateInBatches(
    () => db.$queryRaw<{ id: string; bodyCipher: string }[]>`
      SELECT id, "bodyCipher" FROM "ReferralEvent" WHERE "bodyCipher" IS NOT NULL AND split_part("bodyCipher", '.', 2) <> ${target} LIMIT ${batchSize}`,
    (tx, row) => tx.referralEvent.update({ where: { id: row.id }, data: { bodyCipher: reencryptRequired(row.bodyCipher, commentContext(row.id)) } }),
  );
  const referrals = referralNotes + referralComments;
  await rotateInBatches(
    () => db.webhookEndpoint.findMany({ where: { keyId: { not: target } }, select: { id: true, secretCipher: true }, take: batchSize }),
    (tx, row) => tx.webhookEndpoint.update({ where: { id: row.id }, data: { secretCipher: reencryptRequired(row.secretCipher, secretContext(row.id)), keyId: target } }),
  );
  const care = await rotateCareFields({ batchSize });
  const externalReferrals = await rotatePathwayFields({ batchSize });
  await recordAuditEvent({ action: "crypto.field_keys_rotated", subjectType: "FieldKey", subjectId: target, metadata: { clients, authorizations, referrals, care, externalReferrals } });
  return { keyId: target, clients, authorizations, referrals, care, externalReferrals };
}
