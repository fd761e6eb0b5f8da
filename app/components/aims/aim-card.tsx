import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AimOverview } from "~/modules/aims/queries.server";
import { round } from "./run-chart";

type Aim = AimOverview;

export function AimCard({ aim }: { aim: Aim }) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  const status = !aim.latest ? "noData" : aim.trajectory.achieved ? "achieved" : aim.trajectory.onTrack ? "onTrack" : "offTrack";
  return (
    <article className="card aim-card" aria-labelledby={`aim-${aim.id}`}>
      <span className={`status status--${status}`}>{t(`aims.status.${status}`)}</span>
      <h3 id={`aim-${aim.id}`}>{aim.statement}</h3>
      <p className="muted">{t("aims.forWhom", { population: aim.population })}</p>
      <dl className="aim-numbers">
        <div>
          <dt>{t("aims.baseline")}</dt>
          <dd>{round(aim.baseline.value)} <span className="muted small">{dateFormat.format(new Date(`${aim.baseline.date}T00:00:00Z`))}</span></dd>
        </div>
        <div>
          <dt>{t("aims.latest")}</dt>
          <dd>{aim.latest ? round(aim.latest.value) : "—"}</dd>
        </div>
        <div>
          <dt>{t("aims.target")}</dt>
          <dd>{round(aim.target.value)} <span className="muted small">{dateFormat.format(new Date(`${aim.target.date}T00:00:00Z`))}</span></dd>
        </div>
      </dl>
      {aim.trajectory.expected !== null ? <p className="small">{t("aims.statusExplained", { expected: round(aim.trajectory.expected), unit: aim.measure.unit })}</p> : null}
      {aim.domains.length ? <p className="tags">{aim.domains.map((d) => <span key={d} className="tag">{t(`aims.domains.${d}`)}</span>)}</p> : null}
      {aim.contributors.length ? <p className="small">{t("aims.contributors")}: {aim.contributors.map((c) => c.name).join(", ")}</p> : null}
      <p>
        <Link to={`/aims/measures/${aim.measure.id}`}>{t("aims.viewChart")}<span className="visually-hidden">: {aim.measure.name}</span></Link>
      </p>
    </article>
  );
}
