/**
 * The practice link's token and the public form's signed token. The link token is 32 random
 * bytes in the URL; only its SHA-256 is stored. The form token binds the form to the link and the
 * moment it was drawn (keyed HMAC): a post without it, for another link, too soon after drawing
 * (a bot) or hours later is refused — the CSRF and minimum-fill-time checks in one.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { installedFieldKeys } from "~/utils/field-encryption.server";

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 4 * 3_600_000;

export const newLinkToken = () => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

const sign = (linkId: string, issuedAt: number) => createHmac("sha256", installedFieldKeys()[0].indexKey).update(`pathway-form\u0000${linkId}\u0000${issuedAt}`).digest("hex");

export function signFormToken(linkId: string, at = new Date()) {
  const issuedAt = at.getTime();
  return `${issuedAt}.${sign(linkId, issuedAt)}`;
}

export type FormTokenCheck = "ok" | "invalid" | "too-fast" | "expired";

export function checkFormToken(token: string, linkId: string, at = new Date()): FormTokenCheck {
  const [issued, mac] = token.split(".");
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !mac) return "invalid";
  const expected = Buffer.from(sign(linkId, issuedAt), "hex");
  const given = Buffer.from(mac, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = at.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return "too-fast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}
