/** Numbers and dates in the page's language, and numbers read back the same way (#14 defects 2 and 4; ADR 081, 082). */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { translatorForLocale } from "~/i18n/translators";
import { localeNumber } from "./form-fields";
import { formatDay, formatNumber, formatPercent, parseLocaleNumber } from "./format";
import { humanFieldErrors } from "./zod-messages";

describe("formatNumber / formatPercent / formatDay", () => {
  it("write numbers, percentages and days as each language does", () => {
    expect(formatNumber(320.6, "en")).toBe("320.6");
    expect(formatNumber(320.6, "es")).toBe("320,6");
    expect(formatNumber(12345.67, "es", 2)).toBe("12.345,67");
    expect(formatNumber(12, "es")).toBe("12");
    expect(formatPercent(65.9, "en")).toBe("65.9%");
    expect(formatPercent(65.9, "es").replace(/\u00A0/g, " ")).toBe("65,9 %");
    expect(formatDay("2026-11-28", "en")).toBe("Nov 28, 2026");
    expect(formatDay("2026-11-28", "es")).toBe("28 nov 2026");
    // A day is a UTC midnight: no time zone moves it.
    expect(formatDay(new Date("2026-01-01T00:00:00Z"), "en")).toBe("Jan 1, 2026");
  });
});

describe("parseLocaleNumber", () => {
  const ok = (text: string, locale: string) => parseLocaleNumber(text, locale);
  it("reads a Spanish page's decimal comma and thousands point", () => {
    expect(ok("12,5", "es")).toEqual({ ok: true, value: 12.5 });
    expect(ok("1.234,5", "es")).toEqual({ ok: true, value: 1234.5 });
    expect(ok("1.234", "es")).toEqual({ ok: true, value: 1234 });
    expect(ok("1 234,5", "es")).toEqual({ ok: true, value: 1234.5 });
    expect(ok("−5", "es")).toEqual({ ok: true, value: -5 });
    // A point that cannot separate thousands is a decimal point.
    expect(ok("12.5", "es")).toEqual({ ok: true, value: 12.5 });
  });
  it("reads an English page's decimal point and thousands comma, and refuses '12,5' instead of reading 125", () => {
    expect(ok("12.5", "en")).toEqual({ ok: true, value: 12.5 });
    expect(ok("1,234.5", "en")).toEqual({ ok: true, value: 1234.5 });
    expect(ok("12,5", "en")).toEqual({ ok: false, reason: "format" });
    expect(ok("1,23", "en")).toEqual({ ok: false, reason: "format" });
  });
  it("refuses what is not a number", () => {
    for (const text of ["abc", "1e5", "1..2", "12,5,6", "1.2.3,4,5", "--1", "0x10", "Infinity"]) expect(ok(text, "es").ok, text).toBe(false);
    expect(ok("  ", "en")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("localeNumber", () => {
  const Schema = (locale: string) => z.object({ value: localeNumber({ locale, min: 0, max: 100 }) });
  it("parses by the page's language and says what is wrong in the reader's language", () => {
    expect(Schema("es").parse({ value: "12,5" })).toEqual({ value: 12.5 });
    const es = Schema("es").safeParse({ value: "abc" });
    expect(humanFieldErrors(es.error!.issues, translatorForLocale("es")).fieldErrors).toEqual({ value: ["Escriba un número como 1234,5."] });
    const en = Schema("en").safeParse({ value: "12,5" });
    expect(humanFieldErrors(en.error!.issues, translatorForLocale("en")).fieldErrors).toEqual({ value: ["Enter a number written like 1,234.5."] });
    const range = Schema("es").safeParse({ value: "100,5" });
    expect(humanFieldErrors(range.error!.issues, translatorForLocale("es")).fieldErrors).toEqual({ value: ["Escriba un número de 0 a 100."] });
    const missing = Schema("es").safeParse({});
    expect(humanFieldErrors(missing.error!.issues, translatorForLocale("es")).fieldErrors).toEqual({ value: ["Complete este campo."] });
  });
});
