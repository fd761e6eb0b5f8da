import type { ScheduleRule } from "~/modules/directory/open-now";

export const DAY_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** One schedule as words: "Mon, Wed 09:00–17:00", "Every day, 24 hours", "1st Sat of the month …". */
export function describeSchedule(rule: ScheduleRule, t: (key: string, options?: Record<string, unknown>) => string): string {
  const time = !rule.opensAt || !rule.closesAt
    ? t("directory.hours.byAppointment")
    : rule.opensAt === rule.closesAt
      ? t("directory.hours.allDay")
      : `${rule.opensAt}–${rule.closesAt}${rule.closesAt < rule.opensAt ? ` ${t("directory.hours.nextDay")}` : ""}`;
  const days = (rule.byday ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  if ((rule.freq ?? "WEEKLY").toUpperCase() === "MONTHLY") {
    const parts = days.map((d) => {
      const m = /^(-?\d)?([A-Z]{2})$/.exec(d);
      if (!m) return d;
      const day = t(`directory.days.${m[2]}`);
      return m[1] ? t("directory.hours.nthOfMonth", { nth: t(`directory.hours.nth.${m[1]}`), day }) : day;
    });
    if (rule.bymonthday) parts.push(t("directory.hours.dayOfMonth", { day: rule.bymonthday }));
    return `${parts.join(", ")}: ${time}`;
  }
  const dayText = days.length === 0 || days.length === 7 ? t("directory.hours.everyDay") : DAY_ORDER.filter((d) => days.includes(d)).map((d) => t(`directory.days.${d}`)).join(", ");
  return `${dayText}: ${time}`;
}
