/**
 * The one check every `redirectTo` goes through (sign-in, organization switch, language): a path
 * on this site, or the fallback. Browsers strip tab/newline from URLs and read "\" as "/", so
 * "/%09/evil.example" or "/\tevil" can become "//evil.example" (another site) on the way; rather
 * than predict every browser, anything with a control, format or space character (raw or
 * percent-encoded) is refused, and the value returned is always plain ASCII a Location header
 * can carry (a stray U+3000 or newline used to make the redirect itself throw: a 500).
 */

const BASE = "http://same-origin.invalid";
const MAX_LENGTH = 2048;
/** Controls (C0, DEL, C1), format characters (zero-width, bidi overrides), every Unicode space, and "\". */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u;

export function safeRedirect(to: unknown, fallback = "/home"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  if (!isSamePath(to)) return fallback;
  // Percent-encoded look-alikes ("%09", "%2F%2F", "%E3%80%80", double encoding) are judged decoded.
  let decoded = to;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    if (!isSamePath(next)) return fallback;
    decoded = next;
  }
  const url = new URL(to, BASE);
  if (url.origin !== BASE) return fallback;
  // Serialized by the URL parser: percent-encoded ASCII, safe in a Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}

function isSamePath(value: string) {
  return value.startsWith("/") && !value.startsWith("//") && !UNSAFE.test(value);
}
