/** Dates as people read them. A date of birth is a calendar date: formatted in UTC so it never shifts a day. */
export function formatBirthDate(isoDate: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDay(date: Date | string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(date));
}

export function formatDateTime(date: Date | string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}

/** The last day an authorization is in effect (expiresAt is the first moment it is not). */
export function lastDay(expiresAt: Date | string, locale: string) {
  return formatDay(new Date(new Date(expiresAt).getTime() - 1), locale);
}
