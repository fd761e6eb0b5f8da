import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { ScrollTable } from "~/components/ui/scroll-table";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { getReferralFlow } from "~/modules/referral/flow.server";
import { FLOW_PERIODS } from "~/modules/referral/flow-schemas";
import { FlowMatrix } from "~/components/referral-flow/flow-matrix";
import flowStyles from "~/styles/referral-flow.css?url";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.referralFlow");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: flowStyles }];

const FlowQuerySchema = z.object({
  days: z.coerce.number().pipe(z.union([z.literal(30), z.literal(90), z.literal(365)])).catch(90),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "referrals:flow", "coalition");
  const { days } = FlowQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const flow = await getReferralFlow({ coalitionId: actor.coalitionId, viewer: { organizationId: actor.organizationId, isConvener: actor.isConvener }, days });
  return { flow, coalition: actor.coalitionName };
}

export default function ReferralFlowPage() {
  const { t, i18n } = useTranslation();
  const { flow } = useLoaderData<typeof loader>();
  const percentFormat = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  const dayFormat = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  const percent = (rate: number | null) => (rate === null ? t("referralFlow.none") : percentFormat.format(rate));
  const daysText = (d: number | null) => (d === null ? t("referralFlow.none") : t("referralFlow.days", { count: Number(dayFormat.format(d)) }));
  const number = (d: number | null) => (d === null ? t("referralFlow.none") : dayFormat.format(d));
  const { totals } = flow;

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("referralFlow.title")}</h1>
        <p className="muted">{t("referralFlow.intro", { days: flow.days })}</p>
        <nav aria-label={t("referralFlow.period")}>
          <ul className="flow-periods">
            {FLOW_PERIODS.map((d) => (
              <li key={d}>
                <Link to={`?days=${d}`} aria-current={d === flow.days ? "page" : undefined}>{t("referralFlow.periodOption", { days: d })}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section className="card" aria-labelledby="totals-title">
        <h2 id="totals-title">{t("referralFlow.totals.heading")}</h2>
        <dl className="flow-totals">
          <div><dt>{t("referralFlow.totals.sent")}</dt><dd>{totals.sent}</dd></div>
          <div><dt>{t("referralFlow.totals.accepted")}</dt><dd>{totals.accepted}</dd></div>
          <div><dt>{t("referralFlow.totals.closedLoop")}</dt><dd>{totals.closedLoop}</dd></div>
          <div><dt>{t("referralFlow.totals.closureRate")}</dt><dd>{percent(totals.closureRate)}</dd></div>
          <div><dt>{t("referralFlow.totals.medianAccept")}</dt><dd>{daysText(totals.medianDaysToAccept)}</dd></div>
          <div><dt>{t("referralFlow.totals.medianClose")}</dt><dd>{daysText(totals.medianDaysToClose)}</dd></div>
          <div><dt>{t("referralFlow.totals.cancelled")}</dt><dd>{totals.cancelled}</dd></div>
        </dl>
        <p className="muted small">{t("referralFlow.totals.rule")}</p>
      </section>

      <section className="card" aria-labelledby="matrix-title">
        <h2 id="matrix-title">{t("referralFlow.matrix.heading")}</h2>
        {flow.pairs.length === 0 ? (
          <p className="empty-state">{t("referralFlow.matrix.empty")}</p>
        ) : (
          <>
            <FlowMatrix senders={flow.senders} recipients={flow.recipients} pairs={flow.pairs} days={flow.days} percent={percent} />
            <h3 id="pairs-title">{t("referralFlow.matrix.tableHeading")}</h3>
            {/* Focusable so keyboard users can scroll it. */}
            <div className="table-scroll" role="region" aria-labelledby="pairs-title" tabIndex={0}>
              <table className="table flow-table" aria-labelledby="pairs-title">
                <thead>
                  <tr>
                    <th scope="col">{t("referralFlow.matrix.sender")}</th>
                    <th scope="col">{t("referralFlow.matrix.recipient")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.sent")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.accepted")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.closedLoop")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.closureRate")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.medianAccept")}</th>
                    <th scope="col" className="num">{t("referralFlow.table.medianClose")}</th>
                  </tr>
                </thead>
                <tbody>
                  {flow.pairs.map((p) => (
                    <tr key={`${p.sender.id}-${p.recipient.id}`}>
                      <th scope="row">{p.sender.name}</th>
                      <td>{p.recipient.name}</td>
                      <td className="num">{p.sent}</td>
                      <td className="num">{p.accepted}</td>
                      <td className="num">{p.closedLoop}</td>
                      <td className="num">{percent(p.closureRate)}</td>
                      <td className="num">{number(p.medianDaysToAccept)}</td>
                      <td className="num">{number(p.medianDaysToClose)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <div className="flow-two">
        <section className="card" aria-labelledby="reasons-title">
          <h2 id="reasons-title">{t("referralFlow.reasons.heading")}</h2>
          <table className="table flow-table">
            <thead>
              <tr>
                <th scope="col">{t("referralFlow.reasons.reason")}</th>
                <th scope="col" className="num">{t("referralFlow.reasons.declined")}</th>
                <th scope="col" className="num">{t("referralFlow.reasons.failed")}</th>
              </tr>
            </thead>
            <tbody>
              {flow.declineReasons.map((r) => (
                <tr key={r.reason}>
                  <th scope="row">{t(`referralFlow.reasons.${r.reason}`)}</th>
                  <td className="num">{r.declined}</td>
                  <td className="num">{r.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t("referralFlow.outcomes.heading")}</h2>
          <table className="table flow-table">
            <thead>
              <tr>
                <th scope="col">{t("referralFlow.outcomes.outcome")}</th>
                <th scope="col" className="num">{t("referralFlow.outcomes.count")}</th>
              </tr>
            </thead>
            <tbody>
              {flow.outcomes.map((o) => (
                <tr key={o.outcome}>
                  <th scope="row">{t(`referralFlow.outcomes.${o.outcome}`)}</th>
                  <td className="num">{o.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section className="card" aria-labelledby="fit-title">
        <h2 id="fit-title">{t("referralFlow.notAGoodFit.heading")}</h2>
        <p>{t("referralFlow.notAGoodFit.intro")}</p>
        {flow.notAGoodFit.length === 0 ? (
          <p className="empty-state">{t("referralFlow.notAGoodFit.empty")}</p>
        ) : (
          <ScrollTable name={t("referralFlow.notAGoodFit.heading")}>
          <table className="table flow-table">
            <thead>
              <tr>
                <th scope="col">{t("referralFlow.notAGoodFit.date")}</th>
                <th scope="col">{t("referralFlow.notAGoodFit.partners")}</th>
                <th scope="col">{t("referralFlow.notAGoodFit.need")}</th>
                <th scope="col">{t("referralFlow.notAGoodFit.service")}</th>
                <th scope="col">{t("referralFlow.notAGoodFit.explanation")}</th>
              </tr>
            </thead>
            <tbody>
              {flow.notAGoodFit.map((f) => (
                <tr key={f.referralId}>
                  <td>{f.declinedAt ? dateFormat.format(new Date(f.declinedAt)) : t("referralFlow.none")}</td>
                  <td>{f.sender.name} → {f.recipient.name}</td>
                  <td>{f.sdohCodes.map((c) => t(`directory.sdoh.${c}`)).join(", ")}</td>
                  <td>{f.serviceName ?? t("referralFlow.none")}</td>
                  <td className="pre-line">{f.explanationHidden ? <span className="muted small">{t("referralFlow.notAGoodFit.hidden")}</span> : f.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
