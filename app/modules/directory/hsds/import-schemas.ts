/** What the importer accepts for one HSDS service record (lenient where HSDS is, strict where the map needs it). */
import { z } from "zod";
import { CONTROL_CHARACTERS } from "~/utils/form-fields";

/** PostgreSQL refuses NUL in text and a terminal or a CSV misreads control characters: a row with them is rejected, naming the field. */
const CONTROL = "Remove the invisible control characters";
const noControl = (v: string) => !CONTROL_CHARACTERS.test(v);
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).refine(noControl, CONTROL).optional();
const num = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite("must be a finite number")).optional();
const time = z.string().trim().regex(/^\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/, "opens_at/closes_at must be HH:MM").transform((v) => v.slice(0, 5).padStart(5, "0")).optional();

export const HsdsScheduleInput = z.object({
  id: text, freq: z.string().trim().toUpperCase().pipe(z.enum(["WEEKLY", "MONTHLY"])).optional(), byday: text, bymonthday: text,
  opens_at: time, closes_at: time, valid_from: text, valid_to: text, description: text,
}).passthrough();

export const HsdsPhoneInput = z.object({ id: text, number: z.string().trim().min(1).transform((v) => v.replace(/^"+|"+$/g, "")), extension: text, type: text, description: text }).passthrough();

export const HsdsLocationInput = z.object({
  id: z.string().trim().min(1).refine(noControl, CONTROL), name: text, description: text, location_type: text, latitude: num, longitude: num, transportation: text,
  addresses: z.array(z.object({ address_1: text, city: text, state_province: text, postal_code: text }).passthrough()).optional(),
  schedules: z.array(HsdsScheduleInput).optional(), phones: z.array(HsdsPhoneInput).optional(),
}).passthrough();

export const HsdsServiceInput = z.object({
  id: z.string({ required_error: "id is required" }).trim().min(1, "id is required").max(200).refine(noControl, CONTROL),
  name: z.string({ required_error: "name is required" }).trim().min(1, "name is required").max(300).refine(noControl, CONTROL),
  status: z.string().trim().toLowerCase().pipe(z.enum(["active", "inactive", "defunct", "temporarily closed"], { errorMap: () => ({ message: "status must be active, inactive, defunct or temporarily closed" }) })).default("active"),
  alternate_name: text, description: text, url: text, email: text, application_process: text, fees_description: text, eligibility_description: text,
  minimum_age: num, maximum_age: num, assured_date: text,
  organization_id: text,
  organization: z.object({ id: text, name: text, description: text, email: text, website: text }).passthrough().nullish(),
  phones: z.array(HsdsPhoneInput).default([]),
  schedules: z.array(HsdsScheduleInput).default([]),
  languages: z.array(z.object({ code: text, name: text }).passthrough()).default([]),
  attributes: z.array(z.object({ taxonomy_term_id: text, value: text, taxonomy_term: z.object({ id: text, code: text }).passthrough().nullish() }).passthrough()).default([]),
  service_at_locations: z.array(z.object({ id: text, location: HsdsLocationInput.nullish(), schedules: z.array(HsdsScheduleInput).optional() }).passthrough()).default([]),
}).passthrough();
export type HsdsServiceRecord = z.infer<typeof HsdsServiceInput>;

/** One batch sent by the import page (the browser splits a file into batches: the progress bar). */
export const ImportBatchSchema = z.object({
  visibility: z.enum(["PUBLIC", "COALITION"]).default("PUBLIC"),
  offset: z.number().int().min(0).default(0),
  records: z.array(z.unknown()).min(1, "No records in this batch").max(100, "At most 100 records per batch"),
});
