import { useTranslation } from "react-i18next";
import type { MeasureChart } from "~/modules/aims/queries.server";
import { formatNumber } from "~/utils/format";

/** The chart's signals explained in words (and the median and runs numbers behind them). */
export function SignalList({ chart, label }: { chart: MeasureChart; label: (period: string) => string }) {
  const { t, i18n } = useTranslation();
  const { analysis, points } = chart;
  if (analysis.median === null) return <p className="muted">{t("aims.chart.noData")}</p>;
  return (
    <>
      <p>{t("aims.measure.medianFrom", { median: formatNumber(analysis.median, i18n.language), count: analysis.baselineCount })}</p>
      {analysis.runsLimits ? (
        <p>{t("aims.measure.runsSummary", { runs: analysis.runs, useful: analysis.usefulObservations, fewest: analysis.runsLimits.fewest, most: analysis.runsLimits.most })}</p>
      ) : (
        <p className="muted">{t("aims.measure.tooFewPoints")}</p>
      )}
      {analysis.signals.length === 0 ? (
        <p>{t("aims.measure.noSignals")}</p>
      ) : (
        <ul className="signals">
          {analysis.signals.map((s, i) => {
            const verdict = s.improvement === null ? "" : s.improvement ? t("aims.measure.better") : t("aims.measure.worse");
            const count = points.slice(s.start, s.end + 1).length;
            return (
              <li key={`${s.rule}-${s.start}-${i}`} className={s.improvement ? "signal signal--better" : s.improvement === false ? "signal signal--worse" : "signal"}>
                {t(`aims.measure.signal.${s.rule}`, {
                  count,
                  side: s.movement === "up" ? t("aims.measure.above") : t("aims.measure.below"),
                  way: s.movement === "up" ? t("aims.measure.up") : t("aims.measure.down"),
                  from: label(points[s.start].period),
                  to: label(points[s.end].period),
                  verdict,
                })}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
