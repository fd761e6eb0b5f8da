import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { listPathways } from "~/modules/pathway/service.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("pathways.titles.admin");

/** The director's list: each service of the organization and its referral pathway's state. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "directory:edit");
  return { services: await listPathways({ actor }) };
}

export default function Pathways() {
  const { t } = useTranslation();
  const { services } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("pathways.admin.title")}</h1>
        <p className="muted">{t("pathways.admin.intro")}</p>
      </header>
      <section className="card">
        {services.length === 0 ? (
          <p className="muted">{t("pathways.admin.empty")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("pathways.admin.service")}</th>
                  <th scope="col">{t("pathways.admin.state")}</th>
                  <th scope="col">{t("pathways.admin.links")}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/organization/pathways/${s.id}`}>{s.name}</Link>
                    </td>
                    <td>{s.publishedAt ? t("pathways.admin.published") : s.slug ? t("pathways.admin.draft") : t("pathways.admin.none")}</td>
                    <td>{s.links}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
