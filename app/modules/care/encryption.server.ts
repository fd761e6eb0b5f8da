/**
 * Care text is client information (issue #15): goal words, next steps, notes and handoff notes are
 * AES-GCM ciphertext bound to their column and row (the context), like the client's identifiers,
 * and re-encrypted by the key rotation (`rotateCareFields`, called by modules/crypto).
 */
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { reencrypt, reencryptRequired, rotateInBatches } from "~/utils/db/rotate-batches.server";
import { rotateGraduationFields } from "./graduation-encryption.server";
import { rotateCareRecordFields } from "./record-encryption.server";

export type CareField = "Enrollment.note" | "CareManagerAssignment.handoffNote" | "CareGoal.text" | "CareGoal.statusNote" | "CareStep.text" | "CareStep.doneNote" | "PlanReview.note" | "CareContact.note";

export const careContext = (field: CareField, id: string) => `${field}:${id}`;
export const encryptCare = (plaintext: string, context: string) => encryptField(plaintext, context);
export const decryptCare = (cipher: string, context: string) => decryptField(cipher, context);
export const decryptCareOptional = (cipher: string | null, context: string) => (cipher ? decryptField(cipher, context) : null);

/** Key ids the care tables use (the start-up check that every key is installed). */
export async function careKeyIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ keyId: string }[]>`
    SELECT DISTINCT "keyId" FROM "Enrollment" UNION SELECT DISTINCT "keyId" FROM "CareManagerAssignment"
    UNION SELECT DISTINCT "keyId" FROM "CareGoal" UNION SELECT DISTINCT "keyId" FROM "CareStep"
    UNION SELECT DISTINCT "keyId" FROM "PlanReview" UNION SELECT DISTINCT "keyId" FROM "CareContact"
    UNION SELECT DISTINCT "keyId" FROM "GraduationReadiness" UNION SELECT DISTINCT "keyId" FROM "Graduation"
    UNION SELECT DISTINCT "keyId" FROM "CareAssessmentEntry" UNION SELECT DISTINCT "keyId" FROM "CareGoalEntry" UNION SELECT DISTINCT "keyId" FROM "CareTeamMember"`;
  return rows.map((r) => r.keyId);
}

/** Re-encrypts every care row not yet under the newest key, in batches (one transaction each). Returns the count. */
export async function rotateCareFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  const stale = { where: { keyId: { not: target } }, take: batchSize };
  let count = 0;
  count += await rotateInBatches(
    () => db.enrollment.findMany({ ...stale, select: { id: true, noteCipher: true } }),
    (tx, r) => tx.enrollment.update({ where: { id: r.id }, data: { noteCipher: reencrypt(r.noteCipher, careContext("Enrollment.note", r.id)), keyId: target } }),
  );
  count += await rotateInBatches(
    () => db.careManagerAssignment.findMany({ ...stale, select: { id: true, handoffNoteCipher: true } }),
    (tx, r) => tx.careManagerAssignment.update({ where: { id: r.id }, data: { handoffNoteCipher: reencrypt(r.handoffNoteCipher, careContext("CareManagerAssignment.handoffNote", r.id)), keyId: target } }),
  );
  count += await rotateInBatches(
    () => db.careGoal.findMany({ ...stale, select: { id: true, textCipher: true, statusNoteCipher: true } }),
    (tx, r) => tx.careGoal.update({ where: { id: r.id }, data: { textCipher: reencryptRequired(r.textCipher, careContext("CareGoal.text", r.id)), statusNoteCipher: reencrypt(r.statusNoteCipher, careContext("CareGoal.statusNote", r.id)), keyId: target } }),
  );
  count += await rotateInBatches(
    () => db.careStep.findMany({ ...stale, select: { id: true, textCipher: true, doneNoteCipher: true } }),
    (tx, r) => tx.careStep.update({ where: { id: r.id }, data: { textCipher: reencryptRequired(r.textCipher, careContext("CareStep.text", r.id)), doneNoteCipher: reencrypt(r.doneNoteCipher, careContext("CareStep.doneNote", r.id)), keyId: target } }),
  );
  count += await rotateInBatches(
    () => db.planReview.findMany({ ...stale, select: { id: true, noteCipher: true } }),
    (tx, r) => tx.planReview.update({ where: { id: r.id }, data: { noteCipher: reencrypt(r.noteCipher, careContext("PlanReview.note", r.id)), keyId: target } }),
  );
  count += await rotateInBatches(
    () => db.careContact.findMany({ ...stale, select: { id: true, noteCipher: true } }),
    (tx, r) => tx.careContact.update({ where: { id: r.id }, data: { noteCipher: reencrypt(r.noteCipher, careContext("CareContact.note", r.id)), keyId: target } }),
  );
  count += await rotateGraduationFields({ batchSize });
  count += await rotateCareRecordFields({ batchSize });
  return count;
}
