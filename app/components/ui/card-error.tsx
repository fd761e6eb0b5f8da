import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { CardResult } from "~/utils/card-result";

/**
 * One card's data, computed on its own (`loadCard` in utils/cards.server): a card whose
 * computation failed carries `ok: false`, and the page shows that card alone as failed.
 */
export type { CardResult };

/** The message inside a card (or a section that keeps its heading) whose data could not be computed. */
export function CardFailed() {
  const { t } = useTranslation();
  return <p className="alert alert--error" role="status" data-card-error="">{t("errors.cardFailed")}</p>;
}

/** What a person sees instead of a card that could not be computed: the rest of the page works. */
export function CardError({ title, wide = false }: { title: string; wide?: boolean }) {
  return (
    <section className={`card${wide ? " card--wide" : ""}`} aria-label={title}>
      <h2>{title}</h2>
      <CardFailed />
    </section>
  );
}

/** Renders the card from its data, or CardError when its computation failed. */
export function CardSlot<T>({ result, title, wide, children }: { result: CardResult<T>; title: string; wide?: boolean; children: (data: T) => ReactNode }) {
  return result.ok ? <>{children(result.data)}</> : <CardError title={title} wide={wide} />;
}
