/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) for records whose identity is a natural key: the
 * SDOH taxonomy terms published over HSDS, and the demo seed (so re-seeding finds the same rows).
 */
import { createHash } from "node:crypto";

/** The hub's namespace for name-based UUIDs (itself a random v4 UUID, fixed forever). */
export const HUB_UUID_NAMESPACE = "5f0c3a52-9d0e-4f57-b7a4-1d7f7c0f3e21";

export function uuidFromName(name: string, namespace = HUB_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
