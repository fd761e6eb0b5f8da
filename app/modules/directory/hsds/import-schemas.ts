/**
 * What the importer accepts for one HSDS service record (lenient where HSDS is, strict where the map needs it).
 * Messages are translatables (errors.services.directory.hsds.*): the import report is read by the person importing,
 * in their language; HSDS field names stay as the file writes them.
 */
import { z } from "zod";
import { CONTROL_CHARACTERS } from "~/utils/form-fields";
import { translatable, type MessageValues } from "~/utils/translatable";

/** PostgreSQL refuses NUL in text and a terminal or a CSV misreads control characters: a row with them is rejected, naming the field. */
const h = (key: string, values?: MessageValues) => translatable(`errors.services.directory.hsds.${key}`, values);
const CONTROL = h("control");
const noControl = (v: string) => !CONTROL_CHARACTERS.test(v);
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).refine(noControl, CONTROL).pipe(z.string().max(10_000, h("atMostCharacters", { max: 10_000 }))).optional();
const short = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).refine(noControl, CONTROL).pipe(z.string().max(500, h("atMostCharacters", { max: 500 }))).optional();
const age = z.union([z.number(), z.string().trim().regex(/^\d+(\.0+)?$/, h("wholeYears")).transform(Number)]).pipe(z.number().int(h("wholeYears")).min(0, h("zeroOrMore")).max(130, h("atMost", { max: 130 }))).optional();
/** No list in one record is longer than this: a hostile file cannot make one row a million writes. */
const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(200, h("atMostItems", { max: 200 }));
const num = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite(h("finite"))).optional();
const time = z.string().trim().regex(/^\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/, h("time")).transform((v) => v.slice(0, 5).padStart(5, "0")).optional();

export const HsdsScheduleInput = z.object({
  id: text, freq: z.string().trim().toUpperCase().pipe(z.enum(["WEEKLY", "MONTHLY"])).optional(), byday: text, bymonthday: text,
  opens_at: time, closes_at: time, valid_from: text, valid_to: text, description: text,
}).passthrough();

export const HsdsPhoneInput = z.object({ id: short, number: z.union([z.string(), z.number()]).transform((v) => String(v).trim().replace(/^"+|"+$/g, "")).pipe(z.string().min(1, h("required", { field: "number" })).max(50, h("atMostCharacters", { max: 50 }))).refine(noControl, CONTROL), extension: short, type: short, description: text }).passthrough();

export const HsdsContactInput = z.object({ id: short, name: short, title: short, department: short, email: short, phones: many(HsdsPhoneInput).default([]) }).passthrough();

export const HsdsLocationInput = z.object({
  id: z.string().trim().min(1).max(200).refine(noControl, CONTROL), name: short, description: text, location_type: short, latitude: num, longitude: num, transportation: text,
  addresses: many(z.object({ address_1: short, address_2: short, city: short, state_province: short, postal_code: short, address_type: short }).passthrough()).optional(),
  schedules: many(HsdsScheduleInput).optional(), phones: many(HsdsPhoneInput).optional(), contacts: many(HsdsContactInput).optional(),
}).passthrough();

export const HsdsServiceInput = z.object({
  id: z.string({ required_error: h("required", { field: "id" }) }).trim().min(1, h("required", { field: "id" })).max(200).refine(noControl, CONTROL),
  name: z.string({ required_error: h("required", { field: "name" }) }).trim().min(1, h("required", { field: "name" })).max(300).refine(noControl, CONTROL),
  status: z.string().trim().toLowerCase().pipe(z.enum(["active", "inactive", "defunct", "temporarily closed"], { errorMap: () => ({ message: h("status") }) })).default("active"),
  alternate_name: text, description: text, url: text, email: text, application_process: text, fees_description: text, eligibility_description: text,
  minimum_age: age, maximum_age: age, assured_date: short,
  organization_id: short,
  organization: z.object({ id: short, name: short, description: text, email: short, website: short, url: short, phones: many(HsdsPhoneInput).default([]) }).passthrough().nullish(),
  phones: many(HsdsPhoneInput).default([]),
  contacts: many(HsdsContactInput).default([]),
  schedules: many(HsdsScheduleInput).default([]),
  languages: many(z.object({ code: short, name: short }).passthrough()).default([]),
  service_areas: many(z.object({ name: short, service_area: short }).passthrough()).default([]),
  required_documents: many(z.object({ document: short }).passthrough()).default([]),
  attributes: many(z.object({ taxonomy_term_id: short, value: short, taxonomy_term: z.object({ id: short, code: short }).passthrough().nullish() }).passthrough()).default([]),
  service_at_locations: many(z.object({ id: short, location: HsdsLocationInput.nullish(), schedules: many(HsdsScheduleInput).optional() }).passthrough()).default([]),
}).passthrough();
export type HsdsServiceRecord = z.infer<typeof HsdsServiceInput>;

/** One batch sent by the import page (the browser splits a file into batches: the progress bar). */
export const ImportBatchSchema = z.object({
  visibility: z.enum(["PUBLIC", "COALITION"]).default("PUBLIC"),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  /** Report what would happen (create / update / unchanged / place approximately) and write nothing. */
  dryRun: z.boolean().default(false),
  records: z.array(z.unknown()).min(1, h("noRecords")).max(100, h("tooManyRecords", { max: 100 })),
});
