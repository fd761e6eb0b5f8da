import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Logo } from "~/components/ui/logo";
import { NAV_ENTRIES } from "~/utils/permissions";
import { LanguageSwitcher } from "./language-switcher";

export type ShellUser = {
  name: string;
  email: string;
  organization: { id: string; name: string; role: string } | null;
  organizations: { id: string; name: string; role: string }[];
  coalition: { name: string } | null;
  isConvener: boolean;
  /** The navigation entries this person's pages let in (navFor in ~/utils/permissions). */
  nav: string[];
};

export function AppHeader({ user, referralsAwaiting = 0 }: { user: ShellUser; referralsAwaiting?: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <header className="app-header">
      <div className="app-header__top">
        <a href="/home" className="brand">
          <Logo /> <span>{t("app.name")}</span>
        </a>
        {user.coalition ? <span className="coalition-name">{user.coalition.name}</span> : null}
        <div className="whoami" aria-label={t("a11y.userMenu")} role="group">
          <span className="whoami__name">
            {t("header.signedInAs", { name: user.name })}
            {user.isConvener ? <span className="badge">{t("header.convener")}</span> : null}
          </span>
          {user.organization ? (
            <span className="whoami__org">
              {user.organization.name} · {t(`roles.${user.organization.role}`)}
            </span>
          ) : null}
          {user.organizations.length > 1 ? (
            <Form method="post" action="/organization/switch" className="org-switcher">
              <input type="hidden" name="redirectTo" value={location.pathname} />
              <label htmlFor="org-switch">{t("header.switchOrganization")}</label>
              <select id="org-switch" name="organizationId" defaultValue={user.organization?.id}>
                {user.organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({t(`roles.${o.role}`)})
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small">{t("header.switch")}</button>
            </Form>
          ) : null}
          <LanguageSwitcher />
          <NavLink to="/settings/password">{t("header.changePassword")}</NavLink>
          <Form method="post" action="/logout">
            <button type="submit" className="button button--small">{t("header.signOut")}</button>
          </Form>
        </div>
      </div>
      <nav aria-label={t("a11y.mainNavigation")} className="main-nav">
        <ul>
          {NAV_ENTRIES.filter((entry) => user.nav.includes(entry.to)).map((area) => (
            <li key={area.to}>
              {/* A link with another entry below it (My caseload → Supervision) is current on its own page only. */}
              <NavLink to={area.to} end={NAV_ENTRIES.some((other) => other.to.startsWith(`${area.to}/`))} prefetch="intent">{t(area.key)}</NavLink>
              {/* Beside the link, not in its name: the link stays "Referrals" for everyone. */}
              {area.to === "/referrals" && referralsAwaiting > 0 ? (
                <span className="nav-count">
                  {referralsAwaiting}
                  <span className="visually-hidden"> {t("referral.nav.awaiting", { count: referralsAwaiting })}</span>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
