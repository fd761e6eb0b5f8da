import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { missedIdentifiersByMonth } from "~/modules/conference/missed.server";
import { coalitionTimeZone } from "~/modules/conference/queries.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.privacy");

/** The coalition's privacy lead (its conveners, `privacy:read`): identifiers the check missed, per month — counts only (ADR 092). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "privacy:read", "coalition");
  const timeZone = await coalitionTimeZone(actor.coalitionId);
  return { months: await missedIdentifiersByMonth({ coalitionId: actor.coalitionId, timeZone, months: 12 }) };
}

export default function CoalitionPrivacy() {
  const { t, i18n } = useTranslation();
  const { months } = useLoaderData<typeof loader>();
  const total = months.reduce((n, m) => n + m.count, 0);
  const monthLabel = (key: string) => new Intl.DateTimeFormat(i18n.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${key}-15T12:00:00Z`));
  const typeLabel = (type: string) => t(`conference.types.${type}`, { defaultValue: type });

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("conference.privacy.title")}</h1>
        <p className="muted">{t("conference.privacy.intro")}</p>
      </header>
      <section className="card" aria-labelledby="missed-title">
        <h2 id="missed-title">{t("conference.privacy.missedTitle")}</h2>
        <p>{t("conference.privacy.total", { count: total })}</p>
        {total === 0 ? (
          <p className="muted">{t("conference.privacy.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("conference.privacy.missedTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("conference.privacy.month")}</th>
                  <th scope="col">{t("conference.privacy.count")}</th>
                  <th scope="col">{t("conference.privacy.kinds")}</th>
                </tr>
              </thead>
              <tbody>
                {[...months].reverse().map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td>{m.count}</td>
                    <td>{Object.entries(m.byType).sort((a, b) => b[1] - a[1]).map(([type, n]) => `${typeLabel(type)} ${n}`).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small muted">{t("conference.privacy.never")}</p>
        <p className="small"><Link to="/aims">{t("conference.privacy.aims")}</Link></p>
      </section>
    </div>
  );
}
