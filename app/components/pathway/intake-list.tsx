/** The inbox's external referrals (issue #16): marked external, with the practice, the attestation and the one-week clock; overdue flagged. No client detail. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SerializeFrom } from "@remix-run/node";
import type { IntakeRow } from "~/modules/pathway/intake.server";

export type IntakeListData = SerializeFrom<{ rows: IntakeRow[]; overdue: number }>;

export function IntakeList({ data }: { data: IntakeListData }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <section className="card" aria-labelledby="intake-title" id="external">
      <h2 id="intake-title">{t("pathways.intake.title")}</h2>
      <p className="muted">{t("pathways.intake.intro")}</p>
      {data.overdue > 0 ? <p className="badge badge--late" data-testid="intake-overdue">{t("pathways.intake.overdueCount", { count: data.overdue })}</p> : null}
      {data.rows.length === 0 ? (
        <p className="muted">{t("pathways.intake.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} aria-labelledby="intake-title">
          <table className="table" data-testid="intake-table">
            <thead>
              <tr>
                <th scope="col">{t("pathways.intake.reference")}</th>
                <th scope="col">{t("pathways.intake.practice")}</th>
                <th scope="col">{t("pathways.intake.need")}</th>
                <th scope="col">{t("pathways.intake.received")}</th>
                <th scope="col">{t("pathways.intake.due")}</th>
                <th scope="col">{t("pathways.intake.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/referrals/external/${r.id}`}>{r.reference}</Link> <span className="badge">{t("pathways.intake.external")}</span>
                  </td>
                  <td>
                    {r.practiceName}
                    {r.attested ? <div className="muted">{t("pathways.intake.attested")}</div> : null}
                  </td>
                  <td>{t(`directory.sdoh.${r.sdohCode}`)}</td>
                  <td>{date.format(new Date(r.receivedAt))}</td>
                  <td>
                    {date.format(new Date(r.clock.dueAt))}
                    {r.clock.overdue ? <> <span className="badge badge--late">{t("pathways.intake.overdue")}</span></> : null}
                  </td>
                  <td>{t(`referral.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
