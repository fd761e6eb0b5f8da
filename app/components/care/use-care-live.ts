/**
 * Keeps a care page current (ADR 101): when a next step given to a partner changes (assigned, or
 * marked done by either organization, in any tab), the page's loaders run again — the consent
 * check runs with them — with no reload, scroll and form state kept. On a plan page only that
 * plan's events count. `onChange` hears the event too (a short notice for screen readers).
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { subscribeLive } from "~/components/shell/live-socket";
import type { CareStepChanged } from "~/realtime/events";

export function useCareStepsLive({ planId, onChange }: { planId?: string; onChange?: (event: CareStepChanged) => void } = {}) {
  const revalidator = useRevalidator();
  const latest = useRef({ revalidator, onChange });
  latest.current = { revalidator, onChange };
  useEffect(
    () =>
      subscribeLive("care.step.changed", (event) => {
        if (planId && event.planId !== planId) return;
        latest.current.revalidator.revalidate();
        latest.current.onChange?.(event);
      }),
    [planId],
  );
}
