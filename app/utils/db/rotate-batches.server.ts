/**
 * The shape of every field-key rotation (ADR 020): take a batch of rows not yet under the newest
 * key, rewrite them in one transaction (a crash leaves every row readable with an installed key),
 * until none is left. Returns how many rows were rewritten.
 */
import { db, type Prisma } from "~/utils/db.server";
import { decryptField, encryptField } from "~/utils/field-encryption.server";

export async function rotateInBatches<R>(find: () => Promise<R[]>, rewrite: (tx: Prisma.TransactionClient, row: R) => Promise<unknown>): Promise<number> {
  let count = 0;
  for (;;) {
    const rows = await find();
    if (rows.length === 0) return count;
    await db.$transaction(async (tx) => {
      for (const row of rows) await rewrite(tx, row);
    });
    count += rows.length;
  }
}

/** A ciphertext decrypted and encrypted again under the newest key (null stays null). */
export const reencrypt = (cipher: string | null, context: string) => (cipher ? encryptField(decryptField(cipher, context), context) : null);
/** As `reencrypt`, for a column that is never null. */
export const reencryptRequired = (cipher: string, context: string) => encryptField(decryptField(cipher, context), context);
