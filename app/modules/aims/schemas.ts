import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { boundedDate, boundedNumber, DATE_MAX, DATE_MIN, DECIMAL_MAX, localeNumber } from "~/utils/form-fields";
import { parseLocaleNumber } from "~/utils/format";
import { measureValue, MEASURE_VALUE_BOUNDS, measureUnitKind } from "./units";

export const MEASURE_TYPES = ["OUTCOME", "PROCESS", "BALANCING"] as const;
export const MEASURE_DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const MEASURE_FREQUENCIES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const MEASURE_SOURCES = ["ENTERED", "IMPORTED", "COMPUTED"] as const;
export const MEASURE_AGGREGATIONS = ["SUM", "MEAN"] as const;
export const ANNOTATION_KINDS = ["PDSA", "INTERVENTION", "EVENT"] as const;
export const HP2030_DOMAINS = ["economic-stability", "education-access-and-quality", "health-care-access-and-quality", "neighborhood-and-built-environment", "social-and-community-context"] as const;

/** A calendar day within the hub's calendar (1900-2100), as a UTC Date. */
const day = (required: string) =>
  z
    .string({ required_error: required })
    .pipe(boundedDate(translatable("errors.fields.dateBetween", { what: required, from: DATE_MIN.slice(0, 4), to: DATE_MAX.slice(0, 4) })))
    .transform((s) => new Date(`${s}T00:00:00Z`));

/**
 * A measure's number (a value, a baseline, a target) as typed on a page in `locale` ("12,5" on a
 * Spanish page; ADR 082). Values are stored as double precision and summed or averaged across
 * partners per period: |v| <= DECIMAL_MAX keeps any coalition's sum finite and exact to the cent
 * (ADR 066). A value entered for a measure also keeps to its unit's bounds (`measureValue`).
 */
const MEASURE_NUMBER_LIMIT = DECIMAL_MAX.toLocaleString("en-US");
export const measureNumber = (locale = "en") => localeNumber({ locale, min: -DECIMAL_MAX, max: DECIMAL_MAX });
const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const CreateMeasureSchema = z
  .object({
    intent: z.literal("create-measure"),
    name: z.string().trim().min(3, translatable("errors.fields.nameTheMeasure")).max(140),
    description: z.string().trim().max(1000).default(""),
    type: z.enum(MEASURE_TYPES, { errorMap: () => ({ message: translatable("errors.fields.chooseOutcomeProcessOrBalancing") }) }),
    unit: z.string().trim().min(1, translatable("errors.fields.sayWhatIsCountedEGPeople")).max(40),
    direction: z.enum(MEASURE_DIRECTIONS, { errorMap: () => ({ message: translatable("errors.fields.chooseWhichDirectionIsBetter") }) }),
    frequency: z.enum(MEASURE_FREQUENCIES, { errorMap: () => ({ message: translatable("errors.fields.chooseHowOftenItIsMeasured") }) }),
    source: z.enum(MEASURE_SOURCES, { errorMap: () => ({ message: translatable("errors.fields.chooseWhereTheValuesComeFrom") }) }),
    aggregation: z.enum(MEASURE_AGGREGATIONS).default("SUM"),
    computedKey: z.string().optional().transform((v) => v || undefined),
    baselinePoints: boundedNumber({ min: 1, max: 60, int: true, message: translatable("errors.fields.between1And60Points") }).default(12),
    reporterIds: list(z.string().uuid()),
  })
  .refine((m) => m.source !== "COMPUTED" || !!m.computedKey, { path: ["computedKey"], message: translatable("errors.fields.chooseWhatTheHubComputes") });

/** An aim, its baseline and target read as typed on a page in `locale`. */
export const createAimSchema = (locale = "en") =>
  z
  .object({
    intent: z.literal("create-aim"),
    statement: z.string().trim().min(10, translatable("errors.fields.sayHowMuchByWhen")).max(500),
    population: z.string().trim().min(2, translatable("errors.fields.sayForWhom")).max(200),
    measureId: z.string().uuid(translatable("errors.fields.chooseTheMeasure")),
    baselineValue: measureNumber(locale),
    baselineDate: day(translatable("errors.fields.enterTheBaselineDate")),
    targetValue: measureNumber(locale),
    targetDate: day(translatable("errors.fields.enterTheTargetDate")),
    domains: list(z.enum(HP2030_DOMAINS)),
    contributorIds: list(z.string().uuid()),
  })
  .refine((a) => a.targetDate > a.baselineDate, { path: ["targetDate"], message: translatable("errors.fields.theTargetDateMustComeAfterThe") });
export const CreateAimSchema = createAimSchema();

/*
 * The measure page's forms. The measure is the page's (its URL), never a posted field: the forms
 * post only what a person chose, and the action takes the id from the route (ADR 077: the same
 * schema validates the form in the browser).
 */

/** A value for a measure in `unit`, typed on a page in `locale`: the unit's bounds (a count is whole and not negative, a percentage 0–100; ADR 082). */
export const enterValueSchema = ({ unit, locale }: { unit: string; locale: string }) =>
  z.object({
    intent: z.literal("enter-value"),
    period: boundedDate(translatable("errors.fields.chooseThePeriod")),
    value: measureValue(unit, locale),
  });

export const AnnotationSchema = z.object({
  intent: z.literal("annotate"),
  period: boundedDate(translatable("errors.fields.chooseThePeriod")),
  kind: z.enum(ANNOTATION_KINDS, { errorMap: () => ({ message: translatable("errors.fields.chooseWhatKindOfChange") }) }),
  label: z.string().trim().min(3, translatable("errors.fields.describeTheChangeInAFewWords")).max(140),
});

export const RebaselineSchema = z.object({
  intent: z.literal("rebaseline"),
  baselinePoints: boundedNumber({ min: 1, max: 60, int: true, message: translatable("errors.fields.between1And60Points") }),
});

export const WinSchema = z.object({
  intent: z.literal("post-win"),
  title: z.string().trim().min(3, translatable("errors.fields.giveTheWinATitle")).max(120),
  story: z.string().trim().min(10, translatable("errors.fields.tellTheStoryInASentenceOr")).max(1000),
});

/**
 * One CSV row of measure values (the period is read by `parsePeriod`, which knows the frequency).
 * Messages follow the cell: the import reports `value "eleven" is not a number between …`. They are
 * translatables (errors.services.aims.csv…), worded in the reader's language by the import.
 */
export const measureCsvRowSchema = (unit: string) => {
  const { min, max, int } = MEASURE_VALUE_BOUNDS[measureUnitKind(unit)];
  // The bounds as a file writes numbers (English, "1,000,000"), whatever the reader's language: the file must use that form.
  const range = translatable(int ? "errors.services.aims.csvWholeNumberRange" : "errors.services.aims.csvNumberRange", {
    min: min.toLocaleString("en-US"),
    max: max === DECIMAL_MAX ? MEASURE_NUMBER_LIMIT : max.toLocaleString("en-US"),
    unit,
  });
  const empty = translatable("errors.services.aims.csvEmpty");
  return z.object({
    period: z.string({ required_error: empty }).trim().min(1, empty).max(20, translatable("errors.services.aims.csvNotAPeriod")),
    value: z
      .string({ required_error: empty })
      .trim()
      .min(1, empty)
      .max(40, translatable("errors.services.aims.csvNotANumber"))
      // A file has no page language: numbers are written as in English ("1234.5", "1,234.5"); "12,5" is refused, never read as 125.
      .transform((v, ctx) => {
        const parsed = parseLocaleNumber(v, "en");
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: translatable("errors.services.aims.csvNumberFormat") });
        return z.NEVER;
      })
      .pipe(int ? z.number().min(min, range).max(max, range).int(range) : z.number().min(min, range).max(max, range)),
    organization: z.string().optional(),
  });
};
