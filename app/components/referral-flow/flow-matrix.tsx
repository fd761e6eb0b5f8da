import { useTranslation } from "react-i18next";

type Org = { id: string; name: string; sent: number };
type Pair = { sender: { id: string }; recipient: { id: string }; sent: number; closureRate: number | null };

const CELL = 34;
const LEFT = 210;
const TOP = 150;
const short = (name: string, max = 28) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/**
 * Who refers to whom, as a grid drawn in plain SVG (server-rendered, no script needed): rows are
 * sending partners, columns receiving partners, the square's shade and number the referrals sent.
 * The SVG is a labelled image with a description; the table under it carries the same numbers
 * for screen readers and for copying.
 */
export function FlowMatrix({ senders, recipients, pairs, days, percent }: { senders: Org[]; recipients: Org[]; pairs: Pair[]; days: number; percent: (rate: number | null) => string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...pairs.map((p) => p.sent));
  const byKey = new Map(pairs.map((p) => [`${p.sender.id}|${p.recipient.id}`, p]));
  const width = LEFT + recipients.length * CELL + 20;
  const height = TOP + senders.length * CELL + 10;
  const names = new Map([...senders, ...recipients].map((o) => [o.id, o.name]));
  return (
    <figure className="flow-matrix">
      <svg role="img" aria-labelledby="flow-matrix-title flow-matrix-desc" viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="flow-matrix__svg">
        <title id="flow-matrix-title">{t("referralFlow.matrix.figureLabel", { days })}</title>
        <desc id="flow-matrix-desc">{t("referralFlow.matrix.description")}</desc>
        <text x={LEFT - 8} y={TOP - 8} textAnchor="end" className="flow-matrix__axis">{t("referralFlow.matrix.sender")} ↓ / {t("referralFlow.matrix.recipient")} →</text>
        {recipients.map((r, j) => (
          <text key={r.id} transform={`translate(${LEFT + j * CELL + CELL / 2 + 4}, ${TOP - 6}) rotate(-50)`} className="flow-matrix__label">
            <title>{r.name}</title>
            {short(r.name, 22)}
          </text>
        ))}
        {senders.map((s, i) => (
          <g key={s.id}>
            <text x={LEFT - 8} y={TOP + i * CELL + CELL / 2 + 4} textAnchor="end" className="flow-matrix__label">
              <title>{s.name}</title>
              {short(s.name)}
            </text>
            {recipients.map((r, j) => {
              const p = byKey.get(`${s.id}|${r.id}`);
              const share = p ? p.sent / max : 0;
              return (
                <g key={r.id}>
                  <rect x={LEFT + j * CELL + 1} y={TOP + i * CELL + 1} width={CELL - 2} height={CELL - 2} rx={3} fill={p ? `rgba(47, 111, 94, ${0.08 + 0.62 * share})` : "#f3f5f6"} stroke="#d5dbe0">
                    {p ? <title>{t("referralFlow.matrix.cellTitle", { sender: names.get(s.id), recipient: names.get(r.id), count: p.sent, rate: percent(p.closureRate) })}</title> : null}
                  </rect>
                  {p ? (
                    <text x={LEFT + j * CELL + CELL / 2} y={TOP + i * CELL + CELL / 2 + 4} textAnchor="middle" className="flow-matrix__count" fill="#1d2329">
                      {p.sent}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
