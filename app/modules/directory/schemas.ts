/** zod schemas of the directory: map queries and the editing forms. Shared by client and server. */
import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { GRAVITY_CODES, HP2030_DOMAINS } from "~/modules/sdoh/roll-up";
import { safeText } from "~/utils/form-fields";

export const CAPACITY_FILTERS = ["has-capacity", "waitlist", "full", "assessment"] as const;
export const CAPACITY_FILTER_STATUS = { "has-capacity": "CAPACITY", waitlist: "WAITLIST", full: "NO_CAPACITY", assessment: "ADDITIONAL_ASSESSMENT_REQUIRED" } as const;
export const ASSET_KINDS = ["SERVICE_LOCATION", "INFORMAL_GROUP", "TRUSTED_PERSON", "PLACE"] as const;
export const INFORMAL_KINDS = ["INFORMAL_GROUP", "TRUSTED_PERSON", "PLACE"] as const;
export const LANGUAGE_CODES = ["en", "es", "vi", "ase", "ar", "zh", "ru", "fr"] as const;

export const MAX_PAGE = 5000;
export const DEFAULT_PAGE = 1000;
/**
 * At this zoom and below (supercluster's maxZoom), a view with more matches than a page is
 * answered with server-side clusters of every match instead of a truncated sample.
 */
export const CLUSTER_MAX_ZOOM = 16;

const bbox = z
  .string({ required_error: translatable("errors.fields.bboxIsRequired") })
  .transform((value, ctx) => {
    const parts = value.split(",").map((p) => p.trim());
    const numbers = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === "") || numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "bbox must be four numbers: minLng,minLat,maxLng,maxLat" });
      return z.NEVER;
    }
    const [minLng, minLat, maxLng, maxLat] = numbers;
    if ([minLng, maxLng].some((n) => n < -180 || n > 180) || [minLat, maxLat].some((n) => n < -90 || n > 90)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "bbox is out of range: longitudes are −180…180 and latitudes −90…90" });
      return z.NEVER;
    }
    if (minLng > maxLng || minLat > maxLat) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "bbox must be minLng,minLat,maxLng,maxLat with min ≤ max (boxes across the antimeridian are not supported)" });
      return z.NEVER;
    }
    return { minLng, minLat, maxLng, maxLat };
  });

export const AssetQuerySchema = z.object({
  bbox,
  sdoh: z.enum(GRAVITY_CODES, { errorMap: () => ({ message: "sdoh must be a Gravity Project SDOH category code, e.g. food-insecurity" }) }).optional(),
  domain: z.enum(HP2030_DOMAINS.map((d) => d.id) as [string, ...string[]], { errorMap: () => ({ message: "domain must be a Healthy People 2030 domain id" }) }).optional(),
  q: safeText(200, { tooLong: "q is at most 200 characters" }).optional().transform((v) => (v?.trim() ? v.trim() : undefined)),
  open_now: z.enum(["true", "false"], { errorMap: () => ({ message: "open_now must be true or false" }) }).optional().transform((v) => v === "true"),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "language must be a language code such as es").optional(),
  capacity: z.enum(CAPACITY_FILTERS, { errorMap: () => ({ message: `capacity must be one of ${CAPACITY_FILTERS.join(", ")}` }) }).optional(),
  cost: z.enum(["free"], { errorMap: () => ({ message: "cost must be free" }) }).optional(),
  kind: z.enum(ASSET_KINDS, { errorMap: () => ({ message: `kind must be one of ${ASSET_KINDS.join(", ")}` }) }).optional(),
  coalition: safeText(100).optional(),
  zoom: z.coerce.number({ invalid_type_error: "zoom must be a number" }).int("zoom must be a whole number").min(0, "zoom is 0 to 22").max(22, "zoom is 0 to 22").optional(),
  limit: z.coerce.number({ invalid_type_error: "limit must be a number" }).int().min(1).max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(DEFAULT_PAGE),
});
export type AssetQuery = z.infer<typeof AssetQuerySchema>;

/**
 * A coordinate as a form posts it. A blank box is no coordinate: `z.coerce.number` read "" (and
 * null) as 0, a point off the coast of Africa, so a form sent without its point was saved there.
 * Being refused blank also makes the schema mark the box `required` for the browser (ADR 077).
 */
const coordinate = (limit: number, enter: string, range: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ required_error: enter, invalid_type_error: enter }).min(-limit, range).max(limit, range),
  );
const latitude = coordinate(90, translatable("errors.fields.enterALatitude"), translatable("errors.fields.latitudeIs90To90"));
const longitude = coordinate(180, translatable("errors.fields.enterALongitude"), translatable("errors.fields.longitudeIs180To180"));
const codes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(GRAVITY_CODES, { errorMap: () => ({ message: translatable("errors.fields.unknownSDOHCategory") }) })));
const languages = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.enum(LANGUAGE_CODES, { errorMap: () => ({ message: translatable("errors.fields.unknownLanguage") }) })));
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, translatable("errors.fields.use24HourTimeEG09")).optional().or(z.literal("").transform(() => undefined));
const days = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])));

export const InformalAssetSchema = z.object({
  intent: z.literal("add-informal"),
  kind: z.enum(INFORMAL_KINDS, { errorMap: () => ({ message: translatable("errors.fields.chooseWhatKindOfAssetThisIs") }) }),
  name: z.string().trim().min(2, translatable("errors.fields.giveItAName")).max(120),
  description: z.string().trim().max(1000).default(""),
  latitude,
  longitude,
  address: z.string().trim().max(200).optional(),
  sdohCodes: codes.refine((v) => v.length > 0, translatable("errors.fields.chooseAtLeastOneNeedItHelps")),
  languages,
  vouchNote: z.string().trim().min(3, translatable("errors.fields.sayWhyYourOrganizationVouchesForIt")).max(500),
  visibility: z.enum(["COALITION", "PUBLIC"]).default("COALITION"),
  byday: days,
  opensAt: hhmm,
  closesAt: hhmm,
});

export const ServiceLocationSchema = z.object({
  intent: z.literal("save-service"),
  serviceId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  /** Which of the service's locations this form edits: its id, "new" to add one, or empty for the first. */
  locationId: z.string().uuid(translatable("errors.fields.unknownLocation")).or(z.literal("new")).optional().or(z.literal("").transform(() => undefined)),
  name: z.string().trim().min(2, translatable("errors.fields.giveTheServiceAName")).max(160),
  description: z.string().trim().max(2000).default(""),
  locationName: z.string().trim().min(2, translatable("errors.fields.nameTheLocation")).max(160),
  latitude,
  longitude,
  address1: z.string().trim().max(200).optional(),
  city: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().regex(/^\d{5}$/, translatable("errors.fields.a5DigitZIPCode")).optional().or(z.literal("").transform(() => undefined)),
  sdohCodes: codes.refine((v) => v.length > 0, translatable("errors.fields.chooseAtLeastOneNeedItAddresses")),
  languages,
  eligibility: z.string().trim().max(1000).optional(),
  free: z.enum(["on"]).optional().transform((v) => v === "on"),
  visibility: z.enum(["COALITION", "PUBLIC"], { errorMap: () => ({ message: translatable("errors.fields.chooseWhoCanSeeIt") }) }),
  capacityStatus: z.enum(["", "CAPACITY", "NO_CAPACITY", "WAITLIST", "ADDITIONAL_ASSESSMENT_REQUIRED"]).optional().transform((v) => (v ? v : null)),
  capacityAvailable: z.coerce.number().int().min(0).optional().or(z.literal("").transform(() => undefined)),
  capacityMaximum: z.coerce.number().int().min(0).optional().or(z.literal("").transform(() => undefined)),
  capacityUnit: z.string().trim().max(40).optional(),
  byday: days,
  opensAt: hhmm,
  closesAt: hhmm,
});

export const SdohAreasSchema = z.object({ intent: z.literal("save-areas"), codes });

/** The data tab's review list: coordinates typed for an imported location placed approximately or not at all (#21). */
export const PlaceLocationSchema = z.object({
  intent: z.literal("place"),
  locationId: z.string().uuid("Choose a location from the list"),
  latitude,
  longitude,
});
