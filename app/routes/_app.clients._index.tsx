import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { listClients } from "~/modules/client/service.server";
import { listSharedWithOrganization } from "~/modules/consent/service.server";
import { formatBirthDate } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.clients");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const [clients, shared] = await Promise.all([listClients({ actor }), listSharedWithOrganization({ actor })]);
  return { organization: { id: actor.organizationId, name: actor.organizationName }, clients, shared, canWrite: actor.permissions.has("clients:write") };
}

export default function ClientsPage() {
  const { t, i18n } = useTranslation();
  const { organization, clients, shared, canWrite } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("consent.list.title")}</h1>
          <p className="muted">{t("consent.list.intro", { organization: organization.name })}</p>
        </div>
        {canWrite ? <Link to="/clients/new" className="button button--primary">{t("consent.list.register")}</Link> : null}
      </header>
      {clients.length === 0 ? (
        <div className="empty-state">
          <p><strong>{t("consent.list.empty")}</strong></p>
          <p>{t("consent.list.emptyHint")}</p>
          {canWrite ? <p><Link to="/clients/new" className="button button--primary">{t("consent.list.register")}</Link></p> : null}
        </div>
      ) : (
        <section className="card" aria-labelledby="clients-count">
          <h2 id="clients-count">{t("consent.list.count", { count: clients.length })}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("consent.list.name")}</th>
                <th scope="col">{t("consent.list.birthDate")}</th>
                <th scope="col">{t("consent.list.language")}</th>
                <th scope="col">{t("consent.list.careManager")}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/clients/${c.id}`}>{c.name}</Link></td>
                  <td>{formatBirthDate(c.birthDate, i18n.language)}</td>
                  <td>{t(`consent.languages.${c.preferredLanguage as "en"}`)}</td>
                  <td>{c.primaryCareManager ?? t("consent.detail.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {shared.length ? (
        <section className="card" aria-labelledby="shared-title">
          <h2 id="shared-title">{t("consent.list.sharedTitle", { organization: organization.name })}</h2>
          <p className="muted small">{t("consent.list.sharedIntro")}</p>
          <ul className="access-list">
            {shared.map((s, i) => (
              <li key={s.clientId}>
                <Link to={`/clients/${s.clientId}`}>{t("consent.list.sharedClient", { number: i + 1, organization: s.sharedBy })}</Link>
                <p className="small">{s.categories.map((c) => t(`consent.categories.${c}`)).join("; ")}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
