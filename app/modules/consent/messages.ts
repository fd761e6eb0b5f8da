/**
 * What a refused disclosure tells a person: one sentence per refusal, naming the category and
 * saying why in words (never the decision's codes). Made as translatables: the service that
 * refuses has no Request, the one error mapper translates them in the reader's language (ADR 071).
 */
import { translatable } from "~/utils/translatable";
import type { ConsentCategory } from "./categories";
import type { RefusalReason } from "./decision.server";

export type Refusal = { category: ConsentCategory; reason: RefusalReason };

export const categoryLabel = (category: ConsentCategory) => translatable(`consent.categories.${category}`);

/** "The client revoked the authorization that let the receiving organization see «Social needs»." */
export function refusalMessage({ category, reason }: Refusal) {
  return translatable(`consent.refusal.${reason}`, { category: categoryLabel(category) });
}

/** The form's summary when a referral would send categories no authorization covers. */
export function referralRefusedMessage(refusals: readonly Refusal[]) {
  return translatable("consent.refusal.referralSummary", { categories: refusals.map((r) => categoryLabel(r.category)) });
}
