import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "~/i18n/config";

/** One button per other language: works without JavaScript, reachable by keyboard. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/settings/language" className="language-switcher" aria-label={t("header.language")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {SUPPORTED_LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="link-button"
          aria-current={i18n.language === locale ? "true" : undefined}
          disabled={i18n.language === locale}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </Form>
  );
}
