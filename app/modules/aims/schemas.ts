import { z } from "zod";

export const MEASURE_TYPES = ["OUTCOME", "PROCESS", "BALANCING"] as const;
export const MEASURE_DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const MEASURE_FREQUENCIES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const MEASURE_SOURCES = ["ENTERED", "IMPORTED", "COMPUTED"] as const;
export const MEASURE_AGGREGATIONS = ["SUM", "MEAN"] as const;
export const ANNOTATION_KINDS = ["PDSA", "INTERVENTION", "EVENT"] as const;
export const HP2030_DOMAINS = ["economic-stability", "education-access-and-quality", "health-care-access-and-quality", "neighborhood-and-built-environment", "social-and-community-context"] as const;

const isoDate = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date`)
    .transform((s) => new Date(`${s}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), `Enter a real ${label}`);

const number = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .transform((s) => Number(s.replace(/,/g, "")))
    .refine((n) => Number.isFinite(n), `The ${label} must be a number`);

const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const CreateMeasureSchema = z
  .object({
    intent: z.literal("create-measure"),
    name: z.string().trim().min(3, "Name the measure").max(140),
    description: z.string().trim().max(1000).default(""),
    type: z.enum(MEASURE_TYPES, { errorMap: () => ({ message: "Choose outcome, process or balancing" }) }),
    unit: z.string().trim().min(1, "Say what is counted, e.g. people, %, days").max(40),
    direction: z.enum(MEASURE_DIRECTIONS, { errorMap: () => ({ message: "Choose which direction is better" }) }),
    frequency: z.enum(MEASURE_FREQUENCIES, { errorMap: () => ({ message: "Choose how often it is measured" }) }),
    source: z.enum(MEASURE_SOURCES, { errorMap: () => ({ message: "Choose where the values come from" }) }),
    aggregation: z.enum(MEASURE_AGGREGATIONS).default("SUM"),
    computedKey: z.string().optional().transform((v) => v || undefined),
    baselinePoints: z.coerce.number().int().min(1, "At least one point").max(60).default(12),
    reporterIds: list(z.string().uuid()),
  })
  .refine((m) => m.source !== "COMPUTED" || !!m.computedKey, { path: ["computedKey"], message: "Choose what the hub computes" });

export const CreateAimSchema = z
  .object({
    intent: z.literal("create-aim"),
    statement: z.string().trim().min(10, "Say how much, by when").max(500),
    population: z.string().trim().min(2, "Say for whom").max(200),
    measureId: z.string().uuid("Choose the measure"),
    baselineValue: number("baseline value"),
    baselineDate: isoDate("baseline date"),
    targetValue: number("target value"),
    targetDate: isoDate("target date"),
    domains: list(z.enum(HP2030_DOMAINS)),
    contributorIds: list(z.string().uuid()),
  })
  .refine((a) => a.targetDate > a.baselineDate, { path: ["targetDate"], message: "The target date must come after the baseline date" });

export const EnterValueSchema = z.object({
  intent: z.literal("enter-value"),
  measureId: z.string().uuid(),
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the period"),
  value: number("value"),
});

export const AnnotationSchema = z.object({
  intent: z.literal("annotate"),
  measureId: z.string().uuid(),
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the period"),
  kind: z.enum(ANNOTATION_KINDS, { errorMap: () => ({ message: "Choose what kind of change" }) }),
  label: z.string().trim().min(3, "Describe the change in a few words").max(140),
});

export const RebaselineSchema = z.object({
  intent: z.literal("rebaseline"),
  measureId: z.string().uuid(),
  baselinePoints: z.coerce.number().int().min(1).max(60),
});

export const WinSchema = z.object({
  intent: z.literal("post-win"),
  title: z.string().trim().min(3, "Give the win a title").max(120),
  story: z.string().trim().min(10, "Tell the story in a sentence or two").max(1000),
});

/** One CSV row of measure values. */
export const MeasureCsvRowSchema = z.object({
  period: z.string().min(1, "period is empty"),
  value: z.string().min(1, "value is empty"),
  organization: z.string().optional(),
});
