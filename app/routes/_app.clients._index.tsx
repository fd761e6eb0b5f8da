import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganization } from "~/utils/auth.server";
import { requestMeta } from "~/utils/request.server";
import { listClients } from "~/modules/client/service.server";
import { formatBirthDate } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Clients · Coalition Hub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireOrganization(request, "clients:read");
  const clients = await listClients({ actor: { userId: auth.user.id, organizationId: auth.organization.id, request: requestMeta(request) } });
  return { organization: auth.organization, clients, canWrite: auth.permissions.has("clients:write") };
}

export default function ClientsPage() {
  const { t, i18n } = useTranslation();
  const { organization, clients, canWrite } = useLoaderData<typeof loader>();
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
    </div>
  );
}
