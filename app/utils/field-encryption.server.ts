/**
 * Encryption of client identifiers at rest, in the application: AES-256-GCM (node:crypto) with a
 * 256-bit master key from FIELD_ENCRYPTION_KEY (or, for the embedded default, DATA_DIR/
 * field-encryption-key, created owner-only on first start: server/boot.ts).
 *
 * From each master key two sub-keys are derived (HKDF-SHA-256): one encrypts, one computes blind
 * indexes (HMAC-SHA-256 of a normalized value) so that duplicates are found without plaintext.
 * Every ciphertext names the key that made it (a short fingerprint), so several keys can be
 * installed at once during a rotation (`npm run keys:rotate`), newest first. Each ciphertext is
 * also bound to its place (e.g. "Client.name:<id>") as additional authenticated data: a value
 * copied into another row or column does not decrypt. See docs/decisions/020-field-encryption-of-client-identifiers.md.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

export type FieldKey = { id: string; encryptionKey: Buffer; indexKey: Buffer };

const holder = globalThis as unknown as { __coalitionHubFieldKeys?: FieldKey[] };

const FORMAT = "v1";

/** Accepts 32 bytes as base64, base64url or 64 hex characters. */
export function parseMasterKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length !== 32) {
    throw new Error("A field encryption key must be 32 random bytes, written as base64 or 64 hex characters (generate one with: openssl rand -base64 32)");
  }
  return bytes;
}

export function generateMasterKey(): string {
  return randomBytes(32).toString("base64");
}

export function deriveFieldKey(master: Buffer): FieldKey {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return {
    id: createHash("sha256").update("coalition-hub key id").update(master).digest("hex").slice(0, 12),
    encryptionKey: derive("coalition-hub field encryption v1"),
    indexKey: derive("coalition-hub blind index v1"),
  };
}

/** Installs the keys, newest (the one that encrypts) first. */
export function installFieldKeys(masters: Buffer[]) {
  if (masters.length === 0) throw new Error("At least one field encryption key is required");
  holder.__coalitionHubFieldKeys = masters.map(deriveFieldKey);
}

export function installedFieldKeys(): FieldKey[] {
  const keys = holder.__coalitionHubFieldKeys;
  if (!keys?.length) throw new Error("Field encryption keys are not installed: call installFieldKeys() at boot");
  return keys;
}

export const currentKeyId = () => installedFieldKeys()[0].id;

/** Encrypts `plaintext` for the place named by `context` (e.g. "Client.name:<id>"). */
export function encryptField(plaintext: string, context: string): string {
  const key = installedFieldKeys()[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.encryptionKey, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export class FieldKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`Data is encrypted with field encryption key ${keyId}, which is not installed. Restore FIELD_ENCRYPTION_KEY (or DATA_DIR/field-encryption-key) from your backup.`);
    this.name = "FieldKeyMissingError";
  }
}

export function decryptField(ciphertext: string, context: string): string {
  const [format, keyId, iv, tag, body] = ciphertext.split(".");
  if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || body === undefined) throw new Error("Not an encrypted field value");
  const key = installedFieldKeys().find((k) => k.id === keyId);
  if (!key) throw new FieldKeyMissingError(keyId);
  const decipher = createDecipheriv("aes-256-gcm", key.encryptionKey, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export const encryptOptional = (value: string | null | undefined, context: string) => (value ? encryptField(value, context) : null);
export const decryptOptional = (value: string | null | undefined, context: string) => (value ? decryptField(value, context) : null);

/** Case, accents and spacing do not matter: "José  GARCIA" and "jose garcia" match. */
export function normalizeForIndex(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Keyed hash (HMAC-SHA-256) of a normalized value with the current key: equal inputs, equal index. */
export function blindIndex(value: string, purpose: string): string {
  return createHmac("sha256", installedFieldKeys()[0].indexKey).update(`${purpose}\u0000${normalizeForIndex(value)}`).digest("hex");
}
