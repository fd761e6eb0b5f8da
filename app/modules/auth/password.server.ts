import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, t=2, p=1) raised to 64 MiB: ~60 ms per hash here.
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time for an unknown email as for a wrong password (no account probing by timing). */
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword("not-a-real-password-000");
  await verifyPassword(await dummyHash, password);
}
