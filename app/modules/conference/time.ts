/** Conference times are entered and shown in the coalition's time zone. */
import { DateTime } from "luxon";

export function parseLocalDateTime(value: string, timeZone: string) {
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.toUTC().toISO()! : null;
}

export function formatDateTime(iso: string | Date, locale: string, timeZone: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(new Date(iso));
}

export function formatDate(isoDate: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
