/** One card's outcome on a page of cards (ADR 066): its data, or "could not be computed". */
export type CardResult<T> = { ok: true; data: T } | { ok: false };
