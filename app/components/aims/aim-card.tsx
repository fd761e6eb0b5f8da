import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AimOverview } from "~/modules/aims/queries.server";
import { formatDay } from "~/utils/format";
import { formatMeasureValue } from "~/modules/aims/units";

type Aim = AimOverview;

export function AimCard({ aim }: { aim: Aim }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const value = (n: number) => formatMeasureValue(n, aim.measure.unit, locale);
  const status = !aim.latest ? "noData" : aim.trajectory.achieved ? "achieved" : aim.trajectory.onTrack ? "onTrack" : "offTrack";
  return (
    <article className="card aim-card" aria-labelledby={`aim-${aim.id}`}>
      <span className={`status status--${status}`}>{t(`aims.status.${status}`)}</span>
      <h3 id={`aim-${aim.id}`}>{aim.statement}</h3>
      <p className="muted">{t("aims.forWhom", { population: aim.population })}</p>
      <dl className="aim-numbers">
        <div>
          <dt>{t("aims.baseline")}</dt>
          <dd>{value(aim.baseline.value)} <span className="muted small">{formatDay(aim.baseline.date, locale)}</span></dd>
        </div>
        <div>
          <dt>{t("aims.latest")}</dt>
          <dd>{aim.latest ? value(aim.latest.value) : "—"}</dd>
        </div>
        <div>
          <dt>{t("aims.target")}</dt>
          <dd>{value(aim.target.value)} <span className="muted small">{formatDay(aim.target.date, locale)}</span></dd>
        </div>
      </dl>
      {aim.trajectory.expected !== null ? <p className="small">{t("aims.statusExplained", { expected: value(aim.trajectory.expected) })}</p> : null}
      {aim.domains.length ? <p className="tags">{aim.domains.map((d) => <span key={d} className="tag">{t(`aims.domains.${d}`)}</span>)}</p> : null}
      {aim.contributors.length ? <p className="small">{t("aims.contributors")}: {aim.contributors.map((c) => c.name).join(", ")}</p> : null}
      <p>
        <Link to={`/aims/measures/${aim.measure.id}`}>{t("aims.viewChart")}<span className="visually-hidden">: {aim.measure.name}</span></Link>
      </p>
    </article>
  );
}
