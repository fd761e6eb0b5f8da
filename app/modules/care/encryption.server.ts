/**
 * Care text is client information (issue #15): goal words, next steps, notes and handoff notes are
 * AES-GCM ciphertext bound to their column and row (the context), like the client's identifiers,
 * and re-encrypted by the key rotation (`rotateCareFields`, called by modules/crypto).
 */
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { rotateGraduationFields } from "./graduation-encryption.server";

export type CareField = "Enrollment.note" | "CareManagerAssignment.handoffNote" | "CareGoal.text" | "CareGoal.statusNote" | "CareStep.text" | "PlanReview.note" | "CareContact.note";

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
    UNION SELECT DISTINCT "keyId" FROM "GraduationReadiness" UNION SELECT DISTINCT "keyId" FROM "Graduation"`;
  return rows.map((r) => r.keyId);
}

const again = (cipher: string | null, context: string) => (cipher ? encryptField(decryptField(cipher, context), context) : null);

/** Re-encrypts every care row not yet under the newest key, in batches (one transaction each). Returns the count. */
export async function rotateCareFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  let count = 0;
  for (;;) {
    const rows = await db.enrollment.findMany({ where: { keyId: { not: target } }, select: { id: true, noteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.enrollment.update({ where: { id: r.id }, data: { noteCipher: again(r.noteCipher, careContext("Enrollment.note", r.id)), keyId: target } });
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.careManagerAssignment.findMany({ where: { keyId: { not: target } }, select: { id: true, handoffNoteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.careManagerAssignment.update({ where: { id: r.id }, data: { handoffNoteCipher: again(r.handoffNoteCipher, careContext("CareManagerAssignment.handoffNote", r.id)), keyId: target } });
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.careGoal.findMany({ where: { keyId: { not: target } }, select: { id: true, textCipher: true, statusNoteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        await tx.careGoal.update({ where: { id: r.id }, data: { textCipher: again(r.textCipher, careContext("CareGoal.text", r.id))!, statusNoteCipher: again(r.statusNoteCipher, careContext("CareGoal.statusNote", r.id)), keyId: target } });
      }
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.careStep.findMany({ where: { keyId: { not: target } }, select: { id: true, textCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.careStep.update({ where: { id: r.id }, data: { textCipher: again(r.textCipher, careContext("CareStep.text", r.id))!, keyId: target } });
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.planReview.findMany({ where: { keyId: { not: target } }, select: { id: true, noteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.planReview.update({ where: { id: r.id }, data: { noteCipher: again(r.noteCipher, careContext("PlanReview.note", r.id)), keyId: target } });
    });
    count += rows.length;
  }
  for (;;) {
    const rows = await db.careContact.findMany({ where: { keyId: { not: target } }, select: { id: true, noteCipher: true }, take: batchSize });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) await tx.careContact.update({ where: { id: r.id }, data: { noteCipher: again(r.noteCipher, careContext("CareContact.note", r.id)), keyId: target } });
    });
    count += rows.length;
  }
  count += await rotateGraduationFields({ batchSize });
  return count;
}
