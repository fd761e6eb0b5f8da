import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** An honest placeholder for an area that is not built yet: what it will do, and what to do now. */
export function ComingSoon({ area }: { area: "map" | "referrals" | "clients" | "conferences" | "aims" }) {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-labelledby="coming-soon-title">
      <span className="badge badge--soon">{t("comingSoon.badge")}</span>
      <h1 id="coming-soon-title">{t(`comingSoon.${area}.title`)}</h1>
      <p>{t(`comingSoon.${area}.body`)}</p>
      <p className="muted">
        {t("comingSoon.meanwhile")} <Link to="/partners">{t("comingSoon.seePartners")}</Link>.
      </p>
    </section>
  );
}
