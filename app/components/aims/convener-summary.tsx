import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CardFailed } from "~/components/ui/card-error";

type Summary = {
  /** null: the aims could not be computed (a bad stored value); the other lines stand. */
  aims: { reached: number; onTrack: number; behind: number; noData: number } | null;
  gaps: string[];
  thin: string[];
  upcoming: { id: string; title: string; startsAt: string; host: string }[];
  overdueSteps: number;
  referrals: { sent: number; closedLoop: number; closureRate: number | null };
  timeZone: string;
};

/** The convener's view of the whole coalition at a glance, each line linking to where to act. */
export function ConvenerSummary({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  // The coalition's own time zone, the same on the server and in every browser.
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: summary.timeZone });
  return (
    <section className="card convener-summary" aria-labelledby="glance-title">
      <h2 id="glance-title">{t("aims.convener.heading")}</h2>
      <div className="glance-grid">
        <div>
          <h3><Link to="/aims">{t("aims.convener.aims")}</Link></h3>
          {summary.aims ? <p>{t("aims.convener.aimStatus", summary.aims)}</p> : <CardFailed />}
        </div>
        <div>
          <h3><Link to="/map/coverage">{t("aims.convener.coverage")}</Link></h3>
          {summary.gaps.length === 0 && summary.thin.length === 0 ? <p>{t("aims.convener.noGaps")}</p> : (
            <p>
              {summary.gaps.length ? <>{t("aims.convener.gaps")}: {summary.gaps.map((c) => t(`directory.sdoh.${c}`)).join(", ")}. </> : null}
              {summary.thin.length ? <>{t("aims.convener.thin")}: {summary.thin.slice(0, 4).map((c) => t(`directory.sdoh.${c}`)).join(", ")}{summary.thin.length > 4 ? ` ${t("aims.convener.andMore", { count: summary.thin.length - 4 })}` : ""}.</> : null}
            </p>
          )}
        </div>
        <div>
          <h3><Link to="/conferences">{t("aims.convener.upcoming")}</Link></h3>
          {summary.upcoming.length === 0 ? <p>{t("aims.convener.noUpcoming")}</p> : (
            <ul className="link-list">
              {summary.upcoming.map((c) => <li key={c.id}><Link to={`/conferences/${c.id}`}>{c.title}</Link> <span className="muted small">{when.format(new Date(c.startsAt))} · {c.host}</span></li>)}
            </ul>
          )}
        </div>
        <div>
          <h3><Link to="/referrals/flow">{t("referralFlow.home.closure")}</Link></h3>
          <p>
            {summary.referrals.closureRate === null
              ? t("referralFlow.home.noReferrals")
              : t("referralFlow.home.closureLine", { rate: new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 }).format(summary.referrals.closureRate), closed: summary.referrals.closedLoop, sent: summary.referrals.sent })}
          </p>
        </div>
        <div>
          <h3><Link to="/partners/workspace">{t("aims.convener.nextSteps")}</Link></h3>
          <p>{t("aims.convener.overdue", { count: summary.overdueSteps })}</p>
        </div>
      </div>
    </section>
  );
}
