/** The plan page, kept current when a partner's next step changes (ADR 101): the page reloads its data and says so politely. */
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCareStepsLive } from "./use-care-live";

export function CarePlanLive({ planId, children }: { planId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [updated, setUpdated] = useState(false);
  useCareStepsLive({ planId: planId ?? "-", onChange: () => setUpdated(true) });
  return (
    <>
      {children}
      <p className="visually-hidden" role="status" aria-live="polite">{updated ? t("careLive.plan.updated") : ""}</p>
    </>
  );
}
