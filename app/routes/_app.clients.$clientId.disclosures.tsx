import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { parseParams } from "~/utils/params.server";
import { listDisclosures } from "~/modules/consent/service.server";
import { PrintButton } from "~/components/consent/print-button";
import { formatDateTime } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.disclosures");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const accounting = await listDisclosures({ actor, clientId });
  return { clientId, ...accounting };
}

export default function Disclosures() {
  const { t, i18n } = useTranslation();
  const { clientId, clientName, disclosures } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="no-print toolbar">
        <Link to={`/clients/${clientId}`}>← {clientName}</Link>
        <PrintButton label={t("consent.accounting.print")} />
      </div>
      <article className="card printable" aria-labelledby="accounting-title">
        <h1 id="accounting-title">{t("consent.accounting.title")}</h1>
        <p className="muted">{t("consent.accounting.intro", { name: clientName })}</p>
        {disclosures.length === 0 ? (
          <p data-testid="no-disclosures">{t("consent.accounting.empty")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("consent.accounting.when")}</th>
                <th scope="col">{t("consent.accounting.to")}</th>
                <th scope="col">{t("consent.accounting.what")}</th>
                <th scope="col">{t("consent.accounting.under")}</th>
                <th scope="col">{t("consent.accounting.by")}</th>
                <th scope="col">{t("consent.accounting.how")}</th>
              </tr>
            </thead>
            <tbody>
              {disclosures.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.disclosedAt, i18n.language)}</td>
                  <td>{d.recipient}</td>
                  <td>{d.categories.map((c) => t(`consent.categories.${c}`)).join("; ")}</td>
                  <td>
                    {d.authorizationIds.map((id) => (
                      <Link key={id} to={`/clients/${clientId}/authorizations/${id}`} className="mono">{id.slice(0, 8)}</Link>
                    ))}
                  </td>
                  <td>{d.by ?? (d.viaApiKey ? t("consent.accounting.apiKey") : t("consent.detail.none"))}</td>
                  <td>{t(`consent.accounting.channels.${d.channel as "fhir.consent"}`, { defaultValue: d.channel })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </div>
  );
}
