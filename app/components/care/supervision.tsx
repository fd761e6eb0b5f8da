/** The director's supervision view (issue #15, ADR 097): every care manager's caseload side by side. */
import { useTranslation } from "react-i18next";
import type { SupervisionRow } from "~/modules/care/supervision.server";
import { CARE_LEVELS, type ContactCadence } from "~/modules/care/contact-schemas";

export function Supervision({ rows, unassigned, cadence, staleDays }: { rows: SupervisionRow[]; unassigned: number; cadence: ContactCadence; staleDays: number }) {
  const { t } = useTranslation();
  const level = (l: string) => t(`careContacts.levels.${l}`);
  const sum = (pick: (r: SupervisionRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const columns = [
    { key: "clients", label: t("careContacts.supervision.clients"), value: (r: SupervisionRow) => r.total },
    ...CARE_LEVELS.map((l) => ({ key: l, label: level(l), value: (r: SupervisionRow) => r.levels[l] })),
    { key: "overdue", label: t("careContacts.supervision.overdue"), value: (r: SupervisionRow) => r.overdue },
    { key: "stale", label: t("careContacts.supervision.reviewStale", { days: staleDays }), value: (r: SupervisionRow) => r.reviewStale },
    { key: "ready", label: t("careContacts.supervision.readyToGraduate"), value: (r: SupervisionRow) => r.readyToGraduate },
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("careContacts.supervision.title")}</h1>
        <p className="muted">{t("careContacts.supervision.intro", { days: staleDays })}</p>
        <p className="small muted">{t("careContacts.supervision.cadence", { high: cadence.HIGH, medium: cadence.MEDIUM, low: cadence.LOW })}</p>
      </header>
      {unassigned > 0 ? <p className="alert alert--error" role="status">{t("careContacts.supervision.unassigned", { count: unassigned })}</p> : null}
      {rows.length === 0 ? <p className="empty-state">{t("careContacts.supervision.empty")}</p> : (
        <div className="table-wrap">
          <table className="table care-supervision">
            <thead>
              <tr>
                <th scope="col">{t("careContacts.supervision.careManager")}</th>
                {columns.map((c) => <th key={c.key} scope="col" className="num">{c.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">
                    {r.name}
                    {r.active ? null : <span className="small muted"> ({t("careContacts.supervision.former")})</span>}
                  </th>
                  {columns.map((c) => {
                    const v = c.value(r);
                    return (
                      <td key={c.key} className="num" data-label={c.label}>
                        {(c.key === "overdue" || c.key === "stale") && v > 0 ? <span className="badge badge--overdue">{v}</span> : v}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            {rows.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("careContacts.supervision.totals")}</th>
                  {columns.map((c) => <td key={c.key} className="num" data-label={c.label}>{sum(c.value)}</td>)}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
    </div>
  );
}
