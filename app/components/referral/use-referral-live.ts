/**
 * Keeps a referral page current: when a referral changes (either organization, any tab), the
 * page's loaders run again (no reload, scroll and form state kept). On the referral page only its
 * own referral's events count.
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { subscribeLive } from "~/components/shell/live-socket";

export function useReferralLive({ referralId }: { referralId?: string } = {}) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(
    () =>
      subscribeLive("referral.changed", (event) => {
        if (referralId && event.referralId !== referralId) return;
        latest.current.revalidate();
      }),
    [referralId],
  );
}
