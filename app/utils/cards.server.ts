/**
 * Pages that gather many cards (home, aims, a measure, conferences) compute each card on its own:
 * one bad stored row (a value that overflows, a date past the calendar) fails its card alone, and
 * the page answers 200 with every other card (issue #13, ADR 066). The error is logged here, with
 * the card and the page, for whoever runs the hub.
 */
import type { CardResult } from "./card-result";

export type { CardResult };

/** Runs one card's computation; a thrown Response (404, redirect) still belongs to the page. */
export async function loadCard<T>(card: string, load: () => Promise<T>, request?: Request): Promise<CardResult<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    if (error instanceof Response) throw error;
    const where = request ? ` on ${new URL(request.url).pathname}` : "";
    console.error(`[card] ${card}${where} could not be computed:`, error instanceof Error ? error.stack ?? error.message : error);
    return { ok: false };
  }
}

/** Several cards in parallel: `{ aims: () => …, wins: () => … }` gives `{ aims: CardResult, wins: CardResult }`. */
export async function loadCards<L extends Record<string, () => Promise<unknown>>>(loaders: L, request?: Request): Promise<{ [K in keyof L]: CardResult<Awaited<ReturnType<L[K]>>> }> {
  const entries = await Promise.all(Object.entries(loaders).map(async ([card, load]) => [card, await loadCard(card, load, request)] as const));
  return Object.fromEntries(entries) as { [K in keyof L]: CardResult<Awaited<ReturnType<L[K]>>> };
}
