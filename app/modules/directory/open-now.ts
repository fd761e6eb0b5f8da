/**
 * "Open now" from HSDS schedules (RRULE-like: freq WEEKLY/MONTHLY, byday, bymonthday, opens_at,
 * closes_at, valid_from/valid_to, timezone). Times are local to the schedule's time zone (or the
 * asset's); closes_at at or before opens_at means the hours run past midnight (a shelter open
 * 19:00–07:00). A schedule without opening hours never counts as open. Plain code (luxon), so the
 * map's list and the API agree.
 */
import { DateTime } from "luxon";

export type ScheduleRule = {
  freq?: string | null;
  byday?: string | null;
  bymonthday?: string | null;
  opensAt?: string | null;
  closesAt?: string | null;
  timezone?: string | null;
  validFrom?: string | Date | null;
  validTo?: string | Date | null;
};

const DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

function minutesOf(hhmm: string | null | undefined): number | null {
  if (!hhmm) return null;
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(hhmm.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

type LocalDay = { isoDate: string; weekday: number; day: number; daysInMonth: number };
type LocalNow = { today: LocalDay; yesterday: LocalDay; minutes: number };

const dayOf = (dt: DateTime): LocalDay => ({ isoDate: dt.toISODate()!, weekday: dt.weekday, day: dt.day, daysInMonth: dt.daysInMonth! });

// Luxon is the cost of "open now" (~0.1 ms per conversion): convert each instant once per zone.
const localCache = new Map<string, LocalNow>();
const zoneValid = new Map<string, boolean>();

function localNow(instant: Date, zone: string): LocalNow {
  const key = `${instant.getTime()}|${zone}`;
  let hit = localCache.get(key);
  if (!hit) {
    const local = DateTime.fromJSDate(instant).setZone(zone);
    hit = { today: dayOf(local), yesterday: dayOf(local.minus({ days: 1 })), minutes: local.hour * 60 + local.minute };
    if (localCache.size > 500) localCache.clear();
    localCache.set(key, hit);
  }
  return hit;
}

function validZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  if (!zoneValid.has(zone)) zoneValid.set(zone, DateTime.local().setZone(zone).isValid);
  return zoneValid.get(zone)!;
}

const isoDateOf = (value: string | Date) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

/** Does the rule's recurrence include this local date? */
function occursOn(rule: ScheduleRule, day: LocalDay): boolean {
  if (rule.validFrom && day.isoDate < isoDateOf(rule.validFrom)) return false;
  if (rule.validTo && day.isoDate > isoDateOf(rule.validTo)) return false;
  const freq = (rule.freq ?? "WEEKLY").toUpperCase();
  const code = DAY_CODES[day.weekday - 1];
  const days = (rule.byday ?? "").split(",").map((d) => d.trim().toUpperCase()).filter(Boolean);
  if (freq === "MONTHLY") {
    const monthDays = (rule.bymonthday ?? "").split(",").map((d) => Number(d.trim())).filter((n) => Number.isInteger(n) && n !== 0);
    if (monthDays.some((n) => (n > 0 ? day.day === n : day.day === day.daysInMonth + n + 1))) return true;
    // "1MO" = first Monday of the month, "-1FR" = last Friday.
    return days.some((entry) => {
      const match = /^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(entry);
      if (!match || match[2] !== code) return false;
      if (!match[1]) return true;
      const nth = Number(match[1]);
      return nth > 0 ? Math.ceil(day.day / 7) === nth : Math.ceil((day.daysInMonth - day.day + 1) / 7) === -nth;
    });
  }
  if (freq === "DAILY") return true;
  // WEEKLY (the default); an empty byday means every day.
  return days.length === 0 || days.includes(code);
}

/** Is one rule open at `instant`? */
export function isRuleOpenAt(rule: ScheduleRule, instant: Date, fallbackZone: string): boolean {
  const opens = minutesOf(rule.opensAt);
  const closes = minutesOf(rule.closesAt);
  if (opens === null || closes === null) return false;
  const { today, yesterday, minutes: now } = localNow(instant, validZone(rule.timezone) ? rule.timezone : fallbackZone);
  if (closes > opens) return occursOn(rule, today) && now >= opens && now < closes;
  // Overnight (or 24 hours when opens === closes): today's opening runs into tomorrow.
  if (occursOn(rule, today) && now >= opens) return true;
  return occursOn(rule, yesterday) && now < closes;
}

export function isOpenAt(rules: readonly ScheduleRule[], instant: Date, fallbackZone = "America/Denver"): boolean {
  return rules.some((rule) => isRuleOpenAt(rule, instant, fallbackZone));
}
