/**
 * Graduation's client text (ADR 098): the readiness note and the closing summary are AES-GCM
 * ciphertext bound to their column and row, like the rest of the care text, and re-encrypted by the
 * key rotation (`rotateGraduationFields`, called by `rotateCareFields`); their key ids are in the
 * start-up lost-key check (`careKeyIds`).
 */
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";

export type GraduationField = "GraduationReadiness.note" | "Graduation.goalsAchieved" | "Graduation.whatContinues" | "Graduation.whoToCall";
export const graduationContext = (field: GraduationField, id: string) => `${field}:${id}`;

const again = (cipher: string | null, context: string) => (cipher ? encryptField(decryptField(cipher, context), context) : null);

/** Re-encrypts readiness notes and graduation summaries not yet under the newest key (batches, one transaction each). */
export async function rotateGraduationFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  let count = 0;
  for (;;) {
    const rows = await db.graduationReadiness.findMany({ where: { keyId: { not: target } }, select: { id: true, noteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.graduationReadiness.update({ where: { id: r.id }, data: { noteCipher: again(r.noteCipher, graduationContext("GraduationReadiness.note", r.id)), keyId: target } });
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.graduation.findMany({ where: { keyId: { not: target } }, select: { id: true, goalsAchievedCipher: true, whatContinuesCipher: true, whoToCallCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        await tx.graduation.update({
          where: { id: r.id },
          data: {
            goalsAchievedCipher: again(r.goalsAchievedCipher, graduationContext("Graduation.goalsAchieved", r.id))!,
            whatContinuesCipher: again(r.whatContinuesCipher, graduationContext("Graduation.whatContinues", r.id))!,
            whoToCallCipher: again(r.whoToCallCipher, graduationContext("Graduation.whoToCall", r.id))!,
            keyId: target,
          },
        });
      }
    });
    count += rows.length;
  }
  return count;
}
