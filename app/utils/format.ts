/**
 * Numbers, percentages and dates in the page's language (#14 defect 2, ADR 081), and numbers read
 * back the same way (#14 defect 4, ADR 082). Browser-safe; one place, so "320,6 hogares" and
 * "65,9 %" on a Spanish page come from the same rules as the forms that read "12,5".
 * Formatters are cached per locale and options: `Intl` constructors are slow to make.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** 320.6 → "320.6" (en), "320,6" (es); at most `digits` decimals (1 by default), none when whole. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A percentage given as 0–100 (how measures store it): 65.9 → "65.9%" (en), "65,9 %" (es). */
export function formatPercent(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(value / 100);
}

/**
 * A calendar day in a sentence ("due 28 nov 2026"), from an ISO day ("2026-11-28") or a Date.
 * Read in UTC: the hub stores days as UTC midnights, so no time zone can move them a day.
 */
export function formatDay(value: string | Date, locale: string, style: "medium" | "long" = "medium"): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return typeof value === "string" ? value : "";
  return dateFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(date);
}

/** The characters a locale writes between groups and before decimals ("," and "." in en; "." and "," in es). */
export function numberSeparators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === "group")?.value ?? ",", decimal: parts.find((p) => p.type === "decimal")?.value ?? "." };
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: "empty" | "format" };

const SPACES = /[\s\u00A0\u202F]/g;

/**
 * A number as a person types it on a page in `locale`: "12,5" and "1.234,5" in Spanish, "12.5"
 * and "1,234.5" in English; a leading "−" or "-"; spaces between groups. A separator the locale
 * uses for groups is accepted only between groups of three digits, so "12,5" on an English page
 * is refused (was it 12.5 or 125?) instead of being read as 125. Spanish pages also accept a
 * point as the decimal mark when it cannot be a group separator ("12.5"), since many keyboards
 * and habits write it so; "1.234" on a Spanish page is one thousand two hundred thirty-four.
 */
export function parseLocaleNumber(text: string, locale: string): ParsedNumber {
  const { group, decimal } = numberSeparators(locale);
  let s = text.replace(SPACES, "").replace(/^[\u2212\u2012\u2013]/, "-");
  if (s === "") return { ok: false, reason: "empty" };
  const sign = s.startsWith("-") ? -1 : 1;
  if (s.startsWith("-") || s.startsWith("+")) s = s.slice(1);
  const groupSep = group.replace(SPACES, "") || (decimal === "," ? "." : ",");
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const strict = new RegExp(`^(\\d{1,3}(${escape(groupSep)}\\d{3})+|\\d+)(${escape(decimal)}\\d+)?$`);
  let normalized: string | null = null;
  if (strict.test(s)) normalized = s.split(groupSep).join("").replace(decimal, ".");
  else if (decimal === "," && /^\d+\.\d+$/.test(s)) normalized = s; // "12.5" on a Spanish page: a point that cannot be a group separator.
  if (normalized === null) return { ok: false, reason: "format" };
  const value = sign * Number(normalized);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "format" };
}
