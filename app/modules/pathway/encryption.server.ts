/**
 * External referrals' encrypted fields under key rotation (ADR 020's shape): their key ids are in
 * the start-up lost-key check, and `rotatePathwayFields` re-encrypts rows not under the newest key.
 */
import { db } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { reencryptRequired, rotateInBatches } from "~/utils/db/rotate-batches.server";
import { externalContext } from "./submit.server";

export async function pathwayKeyIds(): Promise<string[]> {
  const rows = await db.externalReferral.findMany({ distinct: ["keyId"], select: { keyId: true } });
  return rows.map((r) => r.keyId);
}

export async function rotatePathwayFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  return rotateInBatches(
    () => db.externalReferral.findMany({ where: { keyId: { not: target } }, take: batchSize, select: { id: true, clientNameCipher: true, birthDateCipher: true, contactCipher: true, reasonCipher: true } }),
    (tx, r) =>
      tx.externalReferral.update({
        where: { id: r.id },
        data: {
          clientNameCipher: reencryptRequired(r.clientNameCipher, externalContext("clientName", r.id)),
          birthDateCipher: reencryptRequired(r.birthDateCipher, externalContext("birthDate", r.id)),
          contactCipher: reencryptRequired(r.contactCipher, externalContext("contact", r.id)),
          reasonCipher: reencryptRequired(r.reasonCipher, externalContext("reason", r.id)),
          keyId: target,
        },
      }),
  );
}
