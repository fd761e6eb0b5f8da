/**
 * Graduation's client text (ADR 098): the readiness note and the closing summary are AES-GCM
 * ciphertext bound to their column and row, like the rest of the care text, and re-encrypted by the
 * key rotation (`rotateGraduationFields`, called by `rotateCareFields`); their key ids are in the
 * start-up lost-key check (`careKeyIds`).
 */
import { db } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { reencrypt, reencryptRequired, rotateInBatches } from "~/utils/db/rotate-batches.server";

export type GraduationField = "GraduationReadiness.note" | "Graduation.goalsAchieved" | "Graduation.whatContinues" | "Graduation.whoToCall";
export const graduationContext = (field: GraduationField, id: string) => `${field}:${id}`;

/** Re-encrypts readiness notes and graduation summaries not yet under the newest key (batches, one transaction each). */
export async function rotateGraduationFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  const stale = { where: { keyId: { not: target } }, take: batchSize };
  const readiness = await rotateInBatches(
    () => db.graduationReadiness.findMany({ ...stale, select: { id: true, noteCipher: true } }),
    (tx, r) => tx.graduationReadiness.update({ where: { id: r.id }, data: { noteCipher: reencrypt(r.noteCipher, graduationContext("GraduationReadiness.note", r.id)), keyId: target } }),
  );
  const graduations = await rotateInBatches(
    () => db.graduation.findMany({ ...stale, select: { id: true, goalsAchievedCipher: true, whatContinuesCipher: true, whoToCallCipher: true } }),
    (tx, r) =>
      tx.graduation.update({
        where: { id: r.id },
        data: {
          goalsAchievedCipher: reencryptRequired(r.goalsAchievedCipher, graduationContext("Graduation.goalsAchieved", r.id)),
          whatContinuesCipher: reencryptRequired(r.whatContinuesCipher, graduationContext("Graduation.whatContinues", r.id)),
          whoToCallCipher: reencryptRequired(r.whoToCallCipher, graduationContext("Graduation.whoToCall", r.id)),
          keyId: target,
        },
      }),
  );
  return readiness + graduations;
}
