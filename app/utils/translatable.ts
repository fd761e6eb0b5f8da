/**
 * Messages made where the reader's language is not known — a module service (which never sees the
 * Request), a zod schema shared by form and action — name an i18n key and its values instead of
 * English words. The one error mapper (http-errors.server.ts) translates them in the request's
 * language on the way out (ADR 071). Browser-safe: schemas run in the browser too.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
/** A value is a number, words, a translatable, or a list of those (joined with ", " once translated). */
export type MessageValues = Record<string, string | number | string[]>;

const PREFIX = "i18n:";

/** A message to translate later: `translatable("consent.refusal.revoked", { category: translatable("consent.categories.HIV_STI") })`. */
export function translatable(key: string, values?: MessageValues): string {
  return PREFIX + JSON.stringify(values ? [key, values] : [key]);
}

export function isTranslatable(message: string) {
  return message.startsWith(PREFIX);
}

/** The message in the reader's language; a plain message (already words) is returned as it is. Values may be translatable themselves. */
export function translateMessage(message: string, t: Translate): string {
  if (!isTranslatable(message)) return message;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(PREFIX.length));
  } catch {
    return message;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string") return message;
  const [key, values] = parsed as [string, MessageValues | undefined];
  const one = (value: unknown) => (typeof value === "string" ? translateMessage(value, t) : value);
  const resolved = values ? Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.map(one).join(", ") : one(value)])) : undefined;
  return t(key, resolved);
}
