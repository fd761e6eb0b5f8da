/**
 * Sign-in limits, per account and per client address, kept in the database so every server
 * process sharing it counts the same attempts, and enforced inside `signIn` so no URL (`/login`,
 * `/login.data`, `?index`, a route added later) can skip them.
 * See docs/decisions/062-sign-in-limits-in-the-database.md.
 */
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** The account an attempt is for: the email as the user table keys it, hashed (equality is all the limit needs). */
export function accountKey(email: string) {
  return createHash("sha256").update(email.normalize("NFKC").trim().toLowerCase()).digest("hex");
}

/**
 * The client an attempt comes from: an IPv4 address (IPv4-mapped IPv6 unwrapped), or an IPv6
 * address cut to its /64, since one subscriber usually holds a whole /64.
 */
export function addressKey(ipAddress: string | null | undefined): string | null {
  if (!ipAddress) return null;
  let address = ipAddress.trim().toLowerCase();
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return address.slice(0, 100);
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right].map((part) => part.padStart(4, "0"));
}

export type SignInAttempt = { id: string; accountKey: string; accountLocked: boolean; addressLocked: boolean };

/**
 * Records the attempt first, then counts: concurrent attempts see each other, so a burst across
 * processes cannot slip extra guesses in between a count and a write.
 */
export async function beginSignInAttempt({ email, ipAddress }: { email: string; ipAddress: string | null | undefined }): Promise<SignInAttempt> {
  const env = getEnv();
  const key = accountKey(email);
  const address = addressKey(ipAddress);
  const attempt = await db.signInAttempt.create({ data: { accountKey: key, addressKey: address }, select: { id: true, createdAt: true } });
  const since = new Date(attempt.createdAt.getTime() - SIGN_IN_WINDOW_MS);
  const [forAccount, forAddress] = await Promise.all([
    db.signInAttempt.count({ where: { accountKey: key, createdAt: { gt: since } } }),
    address ? db.signInAttempt.count({ where: { addressKey: address, createdAt: { gt: since } } }) : Promise.resolve(0),
  ]);
  return { id: attempt.id, accountKey: key, accountLocked: forAccount > env.LOGIN_RATE_LIMIT, addressLocked: forAddress > env.loginAddressLimit };
}

/** The right password: this account's slate is clean again (other accounts' failures from the address stay). */
export async function signInSucceeded(attempt: SignInAttempt) {
  await db.signInAttempt.deleteMany({ where: { accountKey: attempt.accountKey } });
}

/** A refused attempt stays counted; rows past the window are pruned on the way. */
export async function signInFailed() {
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MS) } } });
}
