/**
 * What a measure's unit allows (#14 defect 4, ADR 082). The unit is free text ("households", "%",
 * "hours/week"), so its kind is read from the words: a percentage is 0–100; a rate, duration or
 * amount is 0 or more; a change or difference may be negative; anything else counts things or
 * people ("households", "seats", "organizations") and is a whole number, 0 or more.
 * Browser-safe: the entry form shows the same bounds the schema enforces.
 */
import { DECIMAL_MAX, localeNumber } from "~/utils/form-fields";
import { formatNumber, formatPercent } from "~/utils/format";
import { translatable } from "~/utils/translatable";

export type MeasureUnitKind = "percent" | "amount" | "signed" | "count";

const PERCENT = /%|\bper ?cent|\bporcentaje|\bpor ciento/i;
const SIGNED = /\b(change|difference|net|delta|balance|cambio|diferencia|neto|saldo)\b/i;
const AMOUNT = /\/|\bper\b|\bpor\b|\b(rate|ratio|index|score|average|mean|median|tasa|[íi]ndice|puntuaci[óo]n|promedio|media|mediana)\b|\b(minutes?|hours?|days?|weeks?|months?|years?|minutos?|horas?|d[íi]as?|semanas?|meses|mes|años?)\b|\$|\b(dollars?|usd|d[óo]lares?|miles|km|kg|lbs?|pounds?)\b/i;

export function measureUnitKind(unit: string): MeasureUnitKind {
  if (PERCENT.test(unit)) return "percent";
  if (SIGNED.test(unit)) return "signed";
  if (AMOUNT.test(unit)) return "amount";
  return "count";
}

export const MEASURE_VALUE_BOUNDS: Record<MeasureUnitKind, { min: number; max: number; int: boolean }> = {
  percent: { min: 0, max: 100, int: false },
  amount: { min: 0, max: DECIMAL_MAX, int: false },
  signed: { min: -DECIMAL_MAX, max: DECIMAL_MAX, int: false },
  count: { min: 0, max: DECIMAL_MAX, int: true },
};

/** The i18n key (under aims.units.) of the sentence that says what a value may be, and its values. */
export function measureValueRule(unit: string, locale: string) {
  const kind = measureUnitKind(unit);
  const { min, max } = MEASURE_VALUE_BOUNDS[kind];
  return { kind, key: `aims.valueRule.${kind}`, values: { unit, min: formatNumber(min, locale), max: formatNumber(max, locale), example: formatNumber(kind === "count" ? 1234 : 12.5, locale) } };
}

/** A value of a measure in `unit`, typed on a page in `locale`: the one schema for the form and the action. */
export function measureValue(unit: string, locale: string) {
  const kind = measureUnitKind(unit);
  const rule = measureValueRule(unit, locale);
  return localeNumber({ locale, ...MEASURE_VALUE_BOUNDS[kind], rangeMessage: translatable(rule.key, rule.values) });
}

/** A measure's value in a sentence, in the page's language: "320.6 households", "320,6 households", "65,9 %". */
export function formatMeasureValue(value: number, unit: string, locale: string): string {
  return measureUnitKind(unit) === "percent" && unit.trim() === "%" ? formatPercent(value, locale) : `${formatNumber(value, locale)} ${unit}`;
}
