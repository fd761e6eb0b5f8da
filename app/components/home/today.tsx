/** "Today" at the top of every role's home: what needs this person's action, each item a link to the work (#14 defect 13). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TodayItem } from "~/modules/home/today.server";

function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    time: (iso: string, timeZone: string) => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }).format(new Date(iso)),
  };
}

function Line({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (item.kind) {
    case "answer":
      return (
        <>
          <Link to={item.href}>{t("home.today.answer", { count: item.count })}</Link>
          {item.overdue ? <span className="badge badge--late">{t("home.today.answerOverdue", { count: item.overdue })}</span> : null}
        </>
      );
    case "update":
      return <Link to={item.href}>{t("home.today.update", { count: item.count })}</Link>;
    case "sentOverdue":
      return <Link to={item.href}>{t("home.today.sentOverdue", { count: item.count })}</Link>;
    case "conference":
      return <Link to={item.href}>{t("home.today.conference", { time: format.time(item.startsAt, item.timeZone), title: item.title })}</Link>;
    case "consentExpiring":
      return <Link to={item.href}>{t("home.today.consentExpiring", { date: format.date(item.expiresAt) })}</Link>;
    case "nextStep":
      return <Link to={item.href}>{t(item.overdue ? "home.today.nextStepOverdue" : "home.today.nextStep", { date: format.date(item.dueDate), what: item.what })}</Link>;
  }
}

export function Today({ items }: { items: TodayItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="card today" aria-labelledby="today-title">
      <h2 id="today-title">{t("home.today.heading")}</h2>
      {items.length ? (
        <ul className="link-list today__list">
          {items.map((item) => (
            <li key={"id" in item ? `${item.kind}-${item.id}` : item.kind} className={item.kind === "nextStep" && item.overdue ? "today__item today__item--late" : "today__item"}>
              <Line item={item} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state empty-state--small">{t("home.today.empty")}</p>
      )}
    </section>
  );
}
