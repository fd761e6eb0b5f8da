/**
 * The frame of every page a person without a session sees (sign-in, an invitation, a published
 * referral pathway and the form behind a practice's link): skip link, brand, language switch, one
 * main landmark, the tagline.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Logo } from "~/components/ui/logo";
import { LanguageSwitcher } from "~/components/shell/language-switcher";

export function PublicShell({ children, className }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <a href="#main" className="skip-link">{t("a11y.skipToContent")}</a>
      <header className="auth-header">
        <span className="brand">
          <Logo /> {t("app.name")}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className={className ? `auth-card ${className}` : "auth-card"} tabIndex={-1}>
        {children}
      </main>
      <footer className="auth-footer muted">{t("app.tagline")}</footer>
    </div>
  );
}
