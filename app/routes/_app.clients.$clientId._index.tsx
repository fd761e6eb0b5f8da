import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { getClientForViewer } from "~/modules/client/service.server";
import { RevokeAuthorizationSchema } from "~/modules/consent/schemas";
import { listAuthorizations, revokeAuthorization, whoCanSeeToday } from "~/modules/consent/service.server";
import { FormError, Notice } from "~/components/ui/form";
import { AuthorizationList, WhoCanSeeToday } from "~/components/consent/client-consent";
import { formatBirthDate } from "~/components/consent/format";
import { parseParams } from "~/utils/params.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.client");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const view = await getClientForViewer({ actor, clientId });
  if (view.access === "consented") return { organization: { id: actor.organizationId, name: actor.organizationName }, view, authorizations: null, today: null, canWrite: false };
  const [authorizations, today] = await Promise.all([listAuthorizations({ actor, clientId }), whoCanSeeToday({ actor, clientId })]);
  return { organization: { id: actor.organizationId, name: actor.organizationName }, view, authorizations, today, canWrite: actor.permissions.has("clients:write"), canRefer: actor.permissions.has("referrals:send"), canCare: actor.permissions.has("care:read") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "clients:write");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const input = parseForm(await request.formData(), RevokeAuthorizationSchema);
  await revokeAuthorization({ actor, clientId, input });
  return { revoked: true };
}


export default function ClientPage() {
  const { t, i18n } = useTranslation();
  const { organization, view, authorizations, today, canWrite, canRefer, canCare } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors & { revoked?: boolean }>();
  const [search] = useSearchParams();
  if (view.access === "consented") {
    const f = view.fields;
    return (
      <div className="stack">
        <header className="page-header">
          <h1>{f.name ?? t("consent.detail.identity")}</h1>
          <p className="muted">{t("consent.detail.sharedIntro", { organization: organization.name })}</p>
        </header>
        <section className="card">
          <h2>{t("consent.detail.sharedCategories")}</h2>
          <ul>{view.categories.map((c) => <li key={c}>{t(`consent.categories.${c}`)}</li>)}</ul>
          {view.categories.includes("CARE_PLAN") ? <p><Link to={`/clients/${view.clientId}/plan`}>{t("care.plan.link")}</Link></p> : null}
          {f.birthDate ? <p>{t("consent.detail.birthDate")}: {formatBirthDate(f.birthDate, i18n.language)}</p> : null}
          {f.contact ? <p>{t("consent.detail.contact")}: {f.contact}</p> : null}
        </section>
      </div>
    );
  }
  const c = view.client;
  const rows: [string, string][] = [
    [t("consent.detail.birthDate"), formatBirthDate(c.birthDate, i18n.language)],
    [t("consent.detail.contact"), c.contact ?? t("consent.detail.none")],
    [t("consent.detail.language"), t(`consent.languages.${c.preferredLanguage as "en"}`)],
    [t("consent.detail.address"), c.address ?? t("consent.detail.none")],
    [t("consent.detail.careManager"), c.primaryCareManager ?? t("consent.detail.none")],
  ];
  return (
    <div className="stack">
      <p><Link to="/clients">← {t("consent.detail.back")}</Link></p>
      <header className="page-header page-header--actions">
        <h1>{c.name}</h1>
        <div className="toolbar">
          {canCare ? <Link to={`/clients/${c.id}/plan`} className="button">{t("care.plan.link")}</Link> : null}
          {canRefer ? <Link to={`/referrals/new?clientId=${c.id}`} className="button button--primary">{t("referral.refer")}</Link> : null}
          <Link to={`/clients/${c.id}/disclosures`} className="button">{t("consent.detail.disclosures")}</Link>
        </div>
      </header>
      {search.get("registered") ? <Notice>{t("consent.detail.registered")}</Notice> : null}
      {search.get("recorded") ? <Notice>{t("consent.detail.recorded")}</Notice> : null}
      {actionData?.revoked ? <Notice>{t("consent.detail.revoked")}</Notice> : null}
      <FormError message={actionData?.formError} />
      <section className="card" aria-labelledby="identity-title">
        <h2 id="identity-title">{t("consent.detail.identity")}</h2>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
          ))}
          {c.notes ? <div><dt>{t("consent.detail.notes")}</dt><dd className="pre-line">{c.notes}</dd></div> : null}
        </dl>
      </section>
      <WhoCanSeeToday organization={organization.name} today={today!} authorizations={authorizations!} />
      <AuthorizationList clientId={c.id} authorizations={authorizations!} canWrite={canWrite} />
    </div>
  );
}
