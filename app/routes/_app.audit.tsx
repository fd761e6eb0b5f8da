import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseSearchParams } from "~/utils/params.server";
import { verifyAuditChainFor, type ChainVerification } from "~/modules/audit/service.server";
import { AuditFilterSchema, auditFilterOptions, listAuditEvents } from "~/modules/audit/queries.server";
import { Notice, SelectField, TextField } from "~/components/ui/form";
import { formatDateTime } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.audit");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "audit:read");
  const filter = await parseSearchParams(request, AuditFilterSchema);
  const [page, options] = await Promise.all([listAuditEvents({ organizationId: actor.organizationId, filter }), auditFilterOptions(actor.organizationId)]);
  return { organization: { id: actor.organizationId, name: actor.organizationName }, filter, ...page, options };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "audit:read");
  const verification = await verifyAuditChainFor({ actor });
  return { verification };
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { organization, filter, events, nextBefore, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ verification: ChainVerification }>();
  const navigation = useNavigation();
  const [search] = useSearchParams();
  const verifying = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  const v = actionData?.verification;
  const older = new URLSearchParams(search);
  if (nextBefore) older.set("before", nextBefore);
  return (
    <div className="stack">
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("consent.audit.title")}</h1>
          <p className="muted">{t("consent.audit.intro", { organization: organization.name })}</p>
        </div>
        <Form method="post">
          <button type="submit" className="button button--primary" disabled={verifying} aria-busy={verifying || undefined}>
            {verifying ? t("consent.audit.verifying") : t("consent.audit.verify")}
          </button>
        </Form>
      </header>
      {v?.ok ? <Notice>{t("consent.audit.verifiedOk", { count: v.checked })}</Notice> : null}
      {v && !v.ok ? <div className="alert alert--error" role="alert">{t("consent.audit.verifiedBroken", { seq: v.brokenAtSeq, id: v.brokenEventId, reason: v.reason })}</div> : null}
      <section className="card" aria-labelledby="filters-title">
        <h2 id="filters-title">{t("consent.audit.filters")}</h2>
        <Form method="get" className="audit-filters">
          <SelectField label={t("consent.audit.action")} name="action" defaultValue={filter.action ?? ""} placeholder={t("consent.audit.anyAction")} options={options.actions.map((a) => ({ value: a, label: a }))} />
          <SelectField label={t("consent.audit.person")} name="actor" defaultValue={filter.actor ?? ""} placeholder={t("consent.audit.anyone")} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
          <TextField label={t("consent.audit.record")} name="subject" placeholder={t("consent.audit.recordHint")} defaultValue={filter.subject ?? ""} />
          <TextField label={t("consent.audit.from")} name="from" type="date" defaultValue={filter.from ?? ""} />
          <TextField label={t("consent.audit.to")} name="to" type="date" defaultValue={filter.to ?? ""} />
          <div className="form-actions">
            <button type="submit" className="button button--primary">{t("consent.audit.apply")}</button>
            <Link to="/audit" className="button">{t("consent.audit.reset")}</Link>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">{t("consent.audit.showing", { count: events.length })}</h2>
        {events.length === 0 ? (
          <p className="muted">{t("consent.audit.empty")}</p>
        ) : (
          <table className="table audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("consent.audit.when")}</th>
                <th scope="col">{t("consent.audit.who")}</th>
                <th scope="col">{t("consent.audit.what")}</th>
                <th scope="col">{t("consent.audit.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{e.seq}</td>
                  <td>{formatDateTime(e.occurredAt, i18n.language)}</td>
                  <td>{e.actorName ?? t("consent.audit.system")}</td>
                  <td><code>{e.action}</code></td>
                  <td>
                    {t(`consent.audit.subjects.${e.subjectType}`, { defaultValue: e.subjectType })}
                    {e.subjectId ? (
                      <>
                        {" "}
                        {e.subjectType === "Client" ? <Link to={`/audit?subject=${e.subjectId}`}><code>{e.subjectId}</code></Link> : <code>{e.subjectId}</code>}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextBefore ? <p><Link to={`/audit?${older.toString()}`}>{t("consent.audit.more")} →</Link></p> : null}
      </section>
    </div>
  );
}
