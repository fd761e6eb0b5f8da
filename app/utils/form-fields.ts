/**
 * zod building blocks for form fields that several forms share (browser-safe: schemas run in
 * the form and in the action).
 */
import { z } from "zod";

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

/** A calendar day as YYYY-MM-DD that is a real date. */
export const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), message);
