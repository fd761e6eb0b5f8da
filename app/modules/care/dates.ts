/** Calendar days for the care journey, as UTC midnights (the columns are `date`). Browser-safe. */
const DAY_MS = 86_400_000;

/** "2026-12-03" → that day at 00:00 UTC. */
export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const todayUtc = (now = new Date()) => dayOf(isoDay(now));
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
/** Whole days from `a` to `b`. */
export const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY_MS);
