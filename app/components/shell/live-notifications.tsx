import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { referralToast } from "~/components/referral/live";
import { onSessionEnded, reconnectLive, subscribeLive } from "./live-socket";

type Toast = { id: number; text: string; href?: string };

/**
 * Shows organization events as they happen (one shared Socket.IO connection, authenticated by the
 * session cookie), in a polite live region so screen readers announce them.
 */
export function LiveNotifications({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const org = useRef(organizationId);
  // The page that already shows a change live says so itself: no toast over it.
  const location = useLocation();
  const path = useRef(location.pathname);
  path.current = location.pathname;

  useEffect(() => {
    if (org.current !== organizationId) {
      org.current = organizationId;
      reconnectLive();
    }
  }, [organizationId]);

  useEffect(() => {
    const push = (toast: Omit<Toast, "id">) => setToasts((current) => [...current.slice(-3), { id: Date.now() + Math.random(), ...toast }]);
    const offMember = subscribeLive("member.joined", (payload) => {
      push({ text: t("live.memberJoined", { name: payload.name, role: t(`roles.${payload.role}`) }) });
    });
    const offReferral = subscribeLive("referral.changed", (payload) => {
      const text = referralToast(t, payload, org.current);
      if (text) push({ text, href: payload.kind === "external" ? `/referrals/external/${payload.referralId}` : `/referrals/${payload.referralId}` });
    });
    // A partner's next step (ADR 101): the partner hears of a new one, the client's team of one done.
    const offCareStep = subscribeLive("care.step.changed", (payload) => {
      if (payload.byOrganizationId === org.current) return;
      const href = payload.kind === "assigned" || !payload.clientId ? "/care-steps" : `/clients/${payload.clientId}/plan`;
      if (path.current === href) return;
      push({ text: t(payload.kind === "assigned" ? "careLive.live.assigned" : "careLive.live.done", { organization: payload.byOrganizationName }), href });
    });
    const offEnded = onSessionEnded(() => push({ text: t("live.signedOut"), href: "/login" }));
    return () => {
      offMember();
      offReferral();
      offCareStep();
      offEnded();
    };
  }, [t]);

  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status">
          {toast.href ? <Link to={toast.href}>{toast.text}</Link> : <span>{toast.text}</span>}
          <button type="button" className="link-button" onClick={() => setToasts((c) => c.filter((x) => x.id !== toast.id))}>
            {t("live.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
