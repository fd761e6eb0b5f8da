import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** In-page navigation of the map area (the shell's nav links only /map). */
export function DirectoryTabs({ can }: { can: { edit: boolean; coverage: boolean } }) {
  const { t } = useTranslation();
  const tabs = [
    { to: "/map", label: t("directory.tabs.map"), end: true },
    { to: "/map/rainbow", label: t("directory.tabs.rainbow") },
    ...(can.edit ? [{ to: "/map/services", label: t("directory.tabs.services") }] : []),
    ...(can.coverage ? [{ to: "/map/coverage", label: t("directory.tabs.coverage") }] : []),
    { to: "/map/data", label: t("directory.tabs.data") },
  ];
  return (
    <nav className="directory-tabs" aria-label={t("directory.tabs.label")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} prefetch="intent">{tab.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
