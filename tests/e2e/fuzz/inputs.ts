/**
 * What the fuzz suite throws at the hub: fixed hostile values (one per class of bad input the
 * issue names, chosen by the kind of field) and fast-check arbitraries for the random runs.
 */
import fc from "fast-check";
import type { FieldKind } from "./forms";

export const MB = 1024 * 1024;

/** Route parameter values (already URL-encoded, they go in the path as-is). */
export const HOSTILE_PARAMS: { label: string; value: string }[] = [
  { label: "not a uuid", value: "not-a-uuid" },
  { label: "uuid of nothing", value: "00000000-0000-4000-8000-000000000000" },
  { label: "36 zeros", value: "0".repeat(36) },
  { label: "NUL", value: "abc%00" },
  { label: "36 dashes", value: "-".repeat(36) },
  { label: "very long", value: "x".repeat(6000) },
  { label: "unicode", value: encodeURIComponent("ñandú-😀-\u202e-\u3000") },
  { label: "path traversal", value: "..%2f..%2f..%2fetc%2fpasswd" },
  { label: "control", value: "%0d%0aSet-Cookie:%20x=1" },
  { label: "number", value: "1e308" },
];

/** One value per class of bad input (the list), as the raw string a field or parameter carries. */
export const CLASSES = {
  nul: "a\u0000b",
  control: "\u0007\u001b[2J\u0008\u000b",
  emoji: "🏳️‍🌈👩🏽‍⚕️ñ\u202eÅ\u3000",
  huge: "1e308",
  overflow: "1e23",
  bigint: "99999999999999999999999",
  negative: "-1",
  nan: "NaN",
  infinity: "Infinity",
  year0: "0000-01-01",
  badDate: "9999-99-99",
  negYear: "-000001-01-01",
  maxDate: "+275760-09-13",
  maxDateTime: "+275760-09-12T12:00",
  notUuid: "not-a-uuid",
  /** Pass a lax `[0-9a-f-]{36}` check but are not UUIDs. */
  dashes36: "-".repeat(36),
  zeros36: "0".repeat(36),
  nothing: "00000000-0000-4000-8000-000000000000",
  wrongType: "[object Object]",
  empty: "",
  newline: "/\n/evil.example",
  long: "y".repeat(20_000),
} as const;
export type ValueClass = keyof typeof CLASSES;

/** The classes to try first for a field of each kind (CI takes the first, the full run all). */
export const CLASSES_BY_KIND: Record<FieldKind, ValueClass[]> = {
  text: ["nul", "dashes36", "long", "control", "emoji", "wrongType", "empty"],
  password: ["nul", "long", "emoji", "empty"],
  email: ["nul", "emoji", "long", "empty"],
  url: ["newline", "nul", "long", "emoji"],
  number: ["overflow", "huge", "nan", "infinity", "negative", "bigint", "nul", "empty"],
  date: ["year0", "maxDate", "badDate", "negYear", "nul", "overflow"],
  datetime: ["maxDateTime", "year0", "maxDate", "negYear", "badDate", "nul"],
  id: ["dashes36", "notUuid", "zeros36", "nothing", "nul", "long", "overflow"],
  choice: ["nul", "wrongType", "long", "empty"],
  flag: ["nul", "wrongType", "long"],
  file: ["nul", "long"],
};

/** Fixed values for search parameters, in the order CI tries them (by kind, then the rest). */
export function classesFor(kind: FieldKind, all: boolean): ValueClass[] {
  const first = CLASSES_BY_KIND[kind];
  // CI: the two classes that matter most for the kind, and a 23-digit integer (overflow) for all.
  if (!all) return [...new Set([...first.slice(0, 2), "bigint" as const])];
  return [...first, ...(Object.keys(CLASSES) as ValueClass[]).filter((c) => !first.includes(c))];
}

const weirdNumber = fc.oneof(
  fc.double().map(String),
  fc.constantFrom("1e308", "-1e308", "1e23", "1e-324", "-0", "NaN", "Infinity", "-Infinity", "9007199254740993", "2147483648", "-2147483649", "0x10", "1_000", " 1 "),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);
const weirdDate = fc.oneof(
  fc.constantFrom("0000-01-01", "9999-99-99", "-000001-01-01", "+275760-09-13", "+275760-09-14", "2026-02-30", "2026-13-01", "1899-12-31", "2101-01-01", "1970-01-01T00:00:00Z", "2026-06-15T25:61", "Invalid Date", "2026-06-15T10:00:00+99:00"),
  fc.tuple(fc.integer({ min: -300000, max: 300000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${y < 0 ? "-" : y > 9999 ? "+" : ""}${String(Math.abs(y)).padStart(y < 0 || y > 9999 ? 6 : 4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
);
const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });

/** A bad value of any class: what a random run puts in a field or a search parameter. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.values(CLASSES).filter((v) => v.length < 1000)), weight: 4 },
  { arbitrary: weirdNumber, weight: 3 },
  { arbitrary: weirdDate, weight: 3 },
  { arbitrary: controlText, weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 2 },
  { arbitrary: fc.uuid(), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", minLength: 2000, maxLength: 6000 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"), weight: 1 },
);

/** A field or parameter name: the route's own names most of the time, sometimes anything. */
export const nameFrom = (names: string[]): fc.Arbitrary<string> =>
  names.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 6 }, { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }), weight: 1 }, { arbitrary: fc.constantFrom("__proto__", "constructor", "_data", "index", "intent", "redirectTo", "q", "page", "id"), weight: 1 })
    : fc.oneof(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }), fc.constantFrom("__proto__", "_data", "index", "intent", "redirectTo", "q", "page", "id"));

/** A route parameter for the random runs: hostile or random, URL-encoded. */
export const paramValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_PARAMS.map((p) => p.value)),
  fc.uuid(),
  hostileValue.filter((v) => v.length > 0 && v.length < 3000).map((v) => encodeURIComponent(v)),
);

/** JSON nested `depth` levels (the hostile deep-JSON body). */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Bodies that are not what an action expects (content type / shape). */
export type BodyShape = "form" | "multipart" | "json" | "deep-json" | "garbage-multipart" | "no-content-type" | "text-plain" | "xml" | "empty" | "huge" | "mb-field" | "duplicated-fields" | "no-intent" | "unknown-intent";

export const BODY_SHAPES: BodyShape[] = ["json", "deep-json", "garbage-multipart", "no-content-type", "text-plain", "xml", "empty", "duplicated-fields", "no-intent", "unknown-intent", "mb-field", "huge"];
