/**
 * Measurement periods. A period is named by its first day (UTC): Monday of the ISO week, the 1st
 * of the month, or the 1st of the quarter.
 */
import { DATE_MAX, DATE_MIN } from "~/utils/form-fields";

export type Frequency = "WEEKLY" | "MONTHLY" | "QUARTERLY";

const DAY = 24 * 60 * 60 * 1000;

export function periodStart(date: Date, frequency: Frequency): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (frequency === "MONTHLY") return new Date(Date.UTC(y, m, 1));
  if (frequency === "QUARTERLY") return new Date(Date.UTC(y, m - (m % 3), 1));
  const day = new Date(Date.UTC(y, m, date.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - weekday * DAY);
}

export function nextPeriod(start: Date, frequency: Frequency): Date {
  if (frequency === "WEEKLY") return new Date(start.getTime() + 7 * DAY);
  const months = frequency === "MONTHLY" ? 1 : 3;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
}

export function isPeriodStart(date: Date, frequency: Frequency): boolean {
  return periodStart(date, frequency).getTime() === date.getTime();
}

/** Every period from the one containing `from` up to the one containing `to`. */
export function periodsBetween(from: Date, to: Date, frequency: Frequency): Date[] {
  const periods: Date[] = [];
  for (let p = periodStart(from, frequency); p <= to; p = nextPeriod(p, frequency)) periods.push(p);
  return periods;
}

/** The last complete period before `now` (the one partners are asked to report). */
export function lastCompletePeriod(now: Date, frequency: Frequency): Date {
  const current = periodStart(now, frequency);
  let previous = periodStart(new Date(current.getTime() - DAY), frequency);
  if (previous.getTime() === current.getTime()) previous = periodStart(new Date(current.getTime() - 2 * DAY), frequency);
  return previous;
}

/** The last `count` complete periods before `now`, oldest first. */
export function recentPeriods(now: Date, frequency: Frequency, count: number): Date[] {
  const periods: Date[] = [];
  for (let p = lastCompletePeriod(now, frequency); periods.length < count; p = lastCompletePeriod(p, frequency)) periods.unshift(p);
  return periods;
}

export function formatPeriod(start: Date, frequency: Frequency, locale = "en"): string {
  if (frequency === "MONTHLY") return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(start);
  if (frequency === "QUARTERLY") return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(start);
}

/** Periods live in the hub's calendar (DATE_MIN..DATE_MAX). */
const PERIOD_YEAR_MIN = Number(DATE_MIN.slice(0, 4));
const PERIOD_YEAR_MAX = Number(DATE_MAX.slice(0, 4));

/** Parses "2026-03", "2026-03-01", "2026-Q1" or an ISO date into the period's start. */
export function parsePeriod(text: string, frequency: Frequency): Date | null {
  const t = text.trim();
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(t);
  const day = quarter ? null : /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  const year = Number((quarter ?? day)?.[1]);
  const month = quarter ? (Number(quarter[2]) - 1) * 3 : Number(day?.[2]) - 1;
  const date = day?.[3] ? Number(day[3]) : 1;
  if (!(quarter ?? day) || year < PERIOD_YEAR_MIN || year > PERIOD_YEAR_MAX) return null;
  const parsed = new Date(Date.UTC(year, month, date));
  // Date.UTC rolls 2026-02-31 into March and month 13 into the next year: refuse both.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month || parsed.getUTCDate() !== date) return null;
  return periodStart(parsed, frequency);
}
