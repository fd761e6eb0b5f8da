/**
 * The text of the assessment, of a goal's interventions and progress notes, and of the care team
 * (ADR 100) is client information: AES-GCM ciphertext bound to its column and row, like the rest of
 * the care text, re-encrypted by the key rotation (`rotateCareRecordFields`, called by
 * `rotateCareFields`) and in the start-up lost-key check (`careKeyIds`).
 */
import { db } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { reencrypt, reencryptRequired, rotateInBatches } from "~/utils/db/rotate-batches.server";

export type CareRecordField = "CareAssessmentEntry.text" | "CareGoalEntry.text" | "CareTeamMember.name" | "CareTeamMember.role";
export const recordContext = (field: CareRecordField, id: string) => `${field}:${id}`;

/** Re-encrypts this slice's rows not yet under the newest key (batches, one transaction each). Returns the count. */
export async function rotateCareRecordFields({ batchSize = 200 }: { batchSize?: number } = {}): Promise<number> {
  const target = currentKeyId();
  const stale = { where: { keyId: { not: target } }, take: batchSize };
  const assessment = await rotateInBatches(
    () => db.careAssessmentEntry.findMany({ ...stale, select: { id: true, textCipher: true } }),
    (tx, r) => tx.careAssessmentEntry.update({ where: { id: r.id }, data: { textCipher: reencrypt(r.textCipher, recordContext("CareAssessmentEntry.text", r.id)), keyId: target } }),
  );
  const entries = await rotateInBatches(
    () => db.careGoalEntry.findMany({ ...stale, select: { id: true, textCipher: true } }),
    (tx, r) => tx.careGoalEntry.update({ where: { id: r.id }, data: { textCipher: reencryptRequired(r.textCipher, recordContext("CareGoalEntry.text", r.id)), keyId: target } }),
  );
  const team = await rotateInBatches(
    () => db.careTeamMember.findMany({ ...stale, select: { id: true, nameCipher: true, roleCipher: true } }),
    (tx, r) =>
      tx.careTeamMember.update({
        where: { id: r.id },
        data: { nameCipher: reencryptRequired(r.nameCipher, recordContext("CareTeamMember.name", r.id)), roleCipher: reencryptRequired(r.roleCipher, recordContext("CareTeamMember.role", r.id)), keyId: target },
      }),
  );
  return assessment + entries + team;
}
