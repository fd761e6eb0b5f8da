/**
 * A care manager's caseload: the daily huddle list (issue #15), a page at a time, searchable by
 * name; clients overdue for contact at their level first (ADR 097).
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HuddleRow, HuddleSummary } from "~/modules/care/caseload.server";
import { CARE_LIMITS } from "~/modules/care/schemas";
import { ASSESSMENT_SECTION_COUNT } from "~/modules/care/assessment-deadline";
import { formatBirthDate } from "~/components/consent/format";

type Outreach = { clientId: string; name: string; program: string; reachOutOn: string };

function pageLink(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : ".";
}

export function Caseload({ caseload, outreach, q }: { caseload: { clients: HuddleRow[]; summary: HuddleSummary; total: number; page: number; pageCount: number }; outreach: Outreach[]; q: string }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatBirthDate(d, i18n.language);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("care.caseload.title")}</h1>
        <p className="muted">{t("care.caseload.intro")}</p>
      </header>
      <Form method="get" role="search" className="care-search">
        <label htmlFor="caseload-q">{t("care.caseload.search")}</label>
        <div className="toolbar">
          <input id="caseload-q" type="search" name="q" defaultValue={q} maxLength={CARE_LIMITS.search} />
          <button type="submit" className="button">{t("care.caseload.searchButton")}</button>
          {q ? <Link to="." className="button">{t("care.caseload.clear")}</Link> : null}
        </div>
      </Form>
      <section className="card" aria-labelledby="caseload-count">
        <h2 id="caseload-count">{t("care.caseload.count", { count: caseload.total })}</h2>
        {caseload.total > 0 ? <p className="small">{t("careContacts.caseload.summary", { overdue: caseload.summary.overdue, high: caseload.summary.levels.HIGH, medium: caseload.summary.levels.MEDIUM, low: caseload.summary.levels.LOW })}{caseload.summary.assessmentsOverdue ? ` ${t("careAssessment.caseload.summary", { count: caseload.summary.assessmentsOverdue })}` : ""}</p> : null}
        {caseload.clients.length === 0 ? (
          <div className="empty-state">
            {q ? <p>{t("care.caseload.noMatch", { q })}</p> : (
              <>
                <p><strong>{t("care.caseload.empty")}</strong></p>
                <p>{t("care.caseload.emptyHint")}</p>
              </>
            )}
          </div>
        ) : (
          <ul className="care-caseload">
            {caseload.clients.map((c) => (
              <li key={c.clientId}>
                <Link to={`/clients/${c.clientId}/plan`} className="user-text"><strong>{c.name}</strong></Link>
                <p className="small">
                  <span className={`badge badge--level-${c.level.toLowerCase()}`}>{t("careContacts.caseload.level", { level: t(`careContacts.levels.${c.level}`) })}</span>{" "}
                  {c.contactOverdue ? (
                    <><span className="badge badge--overdue">{t("careContacts.caseload.overdue")}</span> {t("careContacts.caseload.overdueSince", { date: day(c.contactDueOn) })}</>
                  ) : t("careContacts.caseload.dueBy", { date: day(c.contactDueOn) })}
                  {" · "}
                  {c.lastContactOn ? t("careContacts.caseload.lastContact", { date: day(c.lastContactOn) }) : t("careContacts.caseload.noContact")}
                </p>
                <p className="small">
                  {c.enrolledOn ? t("care.caseload.enrolledOn", { date: day(c.enrolledOn) }) : null}
                  {" · "}
                  {c.lastReviewedOn ? t("care.caseload.lastReviewed", { date: day(c.lastReviewedOn) }) : t("care.caseload.neverReviewed")}
                  {c.reviewOverdue ? <> <span className="badge badge--overdue">{t("care.caseload.reviewOverdue")}</span></> : null}
                </p>
                {c.assessment.status !== "complete" ? (
                  <p className="small">
                    {c.assessment.status === "overdue" ? <><span className="badge badge--overdue">{t("careAssessment.caseload.overdue")}</span>{" "}</> : null}
                    {t("careAssessment.caseload.line", { done: c.assessment.done, total: ASSESSMENT_SECTION_COUNT, date: day(c.assessment.dueOn) })}
                  </p>
                ) : null}
                {c.stepsDue > 0 && c.nextStepDueOn ? <p className="small">{t("care.caseload.stepsDue", { count: c.stepsDue, date: day(c.nextStepDueOn) })}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {caseload.pageCount > 1 ? (
          <nav aria-label={t("care.caseload.pagination")} className="toolbar">
            {caseload.page > 1 ? <Link to={pageLink(q, caseload.page - 1)} className="button" rel="prev">{t("care.caseload.previous")}</Link> : null}
            <span>{t("care.caseload.page", { page: caseload.page, pageCount: caseload.pageCount })}</span>
            {caseload.page < caseload.pageCount ? <Link to={pageLink(q, caseload.page + 1)} className="button" rel="next">{t("care.caseload.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className="card" aria-labelledby="outreach-title">
        <h2 id="outreach-title">{t("care.caseload.outreach")}</h2>
        <p className="muted small">{t("care.caseload.outreachIntro")}</p>
        {outreach.length === 0 ? <p className="empty-state empty-state--small">{t("care.caseload.outreachEmpty")}</p> : (
          <ul className="plain-list">
            {outreach.map((o) => (
              <li key={o.clientId}>
                <Link to={`/clients/${o.clientId}/plan`} className="user-text">{o.name}</Link>
                <span className="small muted"> {t("care.caseload.outreachRow", { program: o.program, date: day(o.reachOutOn) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
