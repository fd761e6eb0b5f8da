/**
 * zod building blocks for form fields that several forms share (browser-safe: schemas run in
 * the form and in the action).
 */
import { z } from "zod";
import { formatNumber, parseLocaleNumber } from "./format";
import { translatable } from "./translatable";

/** A checkbox group posts nothing, one string or several: always an array here ("" counts as nothing). */
export const manyOf = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** Optional free text: trimmed, at most `max` characters, and "" becomes undefined. */
export const optionalText = (max: number, message?: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A calendar day as YYYY-MM-DD that parses (see boundedDate for the range the hub accepts). */
export const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), message);

/*
 * Edge building blocks (issue #13): every route parameter, search parameter, form field, JSON
 * body and socket payload is parsed with these, so bad input is a 400 naming the field, never a
 * database error. Bounds are those of the columns and of a sane calendar.
 */

/** The calendar the hub accepts anywhere a person or a partner enters a date. */
export const DATE_MIN = "1900-01-01";
export const DATE_MAX = "2100-12-31";
const DATE_MIN_MS = Date.parse(`${DATE_MIN}T00:00:00Z`);
const DATE_MAX_MS = Date.parse(`${DATE_MAX}T23:59:59.999Z`);

/** Largest magnitude a Postgres int4 column holds. */
export const INT4_MAX = 2_147_483_647;
/** Decimal columns and aggregates stay well inside double precision and numeric(… , …) ranges. */
export const DECIMAL_MAX = 1e12;

/** A record id: a UUID (any case). */
export const uuid = (message = translatable("errors.fields.notAValidId")) => z.string().trim().uuid(message).transform((v) => v.toLowerCase());

/** Control characters PostgreSQL or a terminal cannot take (NUL and C0/C1 except tab, LF, CR). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text a person typed: at most `max` characters, no control characters (NUL included). */
export const safeText = (max: number, messages: { tooLong?: string; control?: string } = {}) =>
  z
    .string()
    .max(max, messages.tooLong)
    .refine((v) => !CONTROL_CHARACTERS.test(v), messages.control ?? translatable("errors.fields.removeTheInvisibleControlCharactersFromThis"));

/** A calendar day as YYYY-MM-DD that is a real date between DATE_MIN and DATE_MAX. */
export const boundedDate = (message: string) =>
  isoDate(message).refine((v) => {
    const ms = Date.parse(`${v}T00:00:00Z`);
    return ms >= DATE_MIN_MS && ms <= DATE_MAX_MS && new Date(ms).toISOString().slice(0, 10) === v;
  }, message);

/** A date-time (anything `Date` parses) between DATE_MIN and DATE_MAX, as a Date. */
export const boundedDateTime = (message: string) =>
  z
    .union([z.string().trim().max(40, message), z.date()])
    .transform((v) => (v instanceof Date ? v : new Date(v)))
    .refine((d) => Number.isFinite(d.getTime()) && d.getTime() >= DATE_MIN_MS && d.getTime() <= DATE_MAX_MS, message);

/** A finite number between `min` and `max` (form strings are coerced; "" is not a number). */
export const boundedNumber = ({ min, max, message, int = false }: { min: number; max: number; message: string; int?: boolean }) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    (int ? z.number({ invalid_type_error: message, required_error: message }).int(message) : z.number({ invalid_type_error: message, required_error: message }))
      .finite(message)
      .min(min, message)
      .max(max, message),
  );

/**
 * A number typed on a page in `locale` ("12,5" on a Spanish page is 12.5; "12,5" on an English
 * page is refused, never read as 125: ADR 082), between `min` and `max`, whole when `int`. Every
 * message is a translatable that names the bounds in the reader's number format. A number (JSON,
 * a test) passes through to the same bounds.
 */
export const localeNumber = ({ locale, min, max, int = false, rangeMessage }: { locale: string; min: number; max: number; int?: boolean; rangeMessage?: string }) => {
  const range = rangeMessage ?? translatable("errors.form.numberBetween", { min: formatNumber(min, locale, 2), max: formatNumber(max, locale, 2) });
  const bounded = z.number().finite(range).min(min, range).max(max, range);
  return z
    .union([z.number(), z.string().max(40, translatable("errors.form.numberFormat", { example: formatNumber(1234.5, locale) }))], {
      errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union" || ctx.data === undefined ? translatable("errors.form.required") : ctx.defaultError }),
    })
    .transform((v, ctx) => {
      if (typeof v === "number") return v;
      const parsed = parseLocaleNumber(v, locale);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason === "empty" ? translatable("errors.form.required") : translatable("errors.form.numberFormat", { example: formatNumber(1234.5, locale) }) });
      return z.NEVER;
    })
    .pipe(int ? bounded.int(rangeMessage ?? translatable("errors.form.wholeNumberIn", { min: formatNumber(min, locale, 2), max: formatNumber(max, locale, 2) })) : bounded);
};

/**
 * The `max` of a zod string schema (looking through optional, nullable, default and effects), for
 * an input's `maxLength`: the browser's limit is read from the schema the server parses with,
 * never copied as a number.
 */
export function maxLengthOf(schema: z.ZodTypeAny): number | undefined {
  let current: z.ZodTypeAny = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (current instanceof z.ZodString) {
      const max = current._def.checks.find((c) => c.kind === "max" || c.kind === "length");
      return max && "value" in max ? max.value : undefined;
    }
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current._def.innerType;
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else return undefined;
  }
  return undefined;
}
