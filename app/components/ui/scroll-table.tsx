/**
 * A table wider than a phone scrolls sideways inside its card instead of widening the page: a
 * focusable region (so a keyboard can scroll it) named after what the table shows.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function ScrollTable({ name, children }: { name: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="scroll-x" role="region" aria-label={t("common.tableOf", { name })} tabIndex={0}>
      {children}
    </div>
  );
}
