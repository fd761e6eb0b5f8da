import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MeasureChart } from "~/modules/aims/queries.server";
import { formatPeriod } from "~/modules/aims/periods";
import { formatMeasureValue } from "~/modules/aims/units";
import { formatNumber } from "~/utils/format";

type Props = { chart: MeasureChart };

/**
 * The run chart (Recharts, SVG): points, the baseline median, aim targets, annotations, and the
 * points that belong to a signal drawn larger. Rendered after hydration (it measures its
 * container); the data table beside it is the text alternative and is always there.
 */
export function RunChart({ chart }: Props) {
  const { t, i18n } = useTranslation();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const signalIndexes = new Set<number>();
  for (const s of chart.analysis.signals) if (s.rule !== "too-few-runs" && s.rule !== "too-many-runs") for (let i = s.start; i <= s.end; i++) signalIndexes.add(i);
  const data = chart.points.map((p, i) => ({ ...p, label: formatPeriod(new Date(`${p.period}T00:00:00Z`), chart.measure.frequency, i18n.language), signal: signalIndexes.has(i) }));

  if (!mounted) return <div className="chart-placeholder" aria-hidden="true">{t("aims.chart.loading")}</div>;
  if (data.length === 0) return <p className="empty-state">{t("aims.chart.noData")}</p>;
  return (
    <figure className="run-chart" aria-label={t("aims.chart.figureLabel", { name: chart.measure.name })}>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={data} margin={{ top: 20, right: 30, bottom: 10, left: 0 }}>
          <CartesianGrid stroke="#e3e7ea" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#3b444c" }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 12, fill: "#3b444c" }} width={60} domain={["auto", "auto"]} tickFormatter={(v: number) => formatNumber(v, i18n.language)} />
          <Tooltip formatter={(value: number) => [formatMeasureValue(value, chart.measure.unit, i18n.language), chart.measure.name]} />
          {chart.analysis.median !== null ? (
            <ReferenceLine y={chart.analysis.median} stroke="#2c5aa0" strokeDasharray="6 4" label={{ value: t("aims.chart.median", { value: formatNumber(chart.analysis.median, i18n.language) }), position: "insideTopLeft", fill: "#2c5aa0", fontSize: 12 }} />
          ) : null}
          {chart.targets.map((target) => (
            <ReferenceLine key={target.aimId} y={target.value} ifOverflow="extendDomain" stroke="#b35c00" label={{ value: t("aims.chart.target", { value: formatNumber(target.value, i18n.language) }), position: "insideTopRight", fill: "#7a3e00", fontSize: 12 }} />
          ))}
          {chart.annotations.map((a, i) => {
            const point = data.find((d) => d.period === a.period);
            // Numbered markers; the numbered list under the chart says what changed.
            return point ? <ReferenceLine key={`${a.period}-${a.label}`} x={point.label} stroke="#6b7680" strokeDasharray="2 3" label={{ value: `${i + 1}`, position: "top", fill: "#3b444c", fontSize: 12, fontWeight: 700 }} /> : null;
          })}
          <Line type="linear" dataKey="value" stroke="#2f6f5e" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          {data.map((d) => (d.signal ? <ReferenceDot key={d.period} x={d.label} y={d.value} r={6} fill="#d9822b" stroke="#7a3e00" /> : null))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        {t("aims.chart.legend")}
        {chart.annotations.length ? (
          <ol className="annotation-keys">
            {chart.annotations.map((a) => <li key={`${a.period}-${a.label}`}>{a.label}</li>)}
          </ol>
        ) : null}
      </figcaption>
    </figure>
  );
}

export const round = (n: number) => Math.round(n * 10) / 10;
