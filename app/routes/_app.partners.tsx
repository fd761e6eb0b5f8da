import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { listMemberOrganizations } from "~/modules/coalition/service.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.partners");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const partners = await listMemberOrganizations(actor.coalitionId);
  return { coalition: { id: actor.coalitionId, name: actor.coalitionName }, partners, currentOrganizationId: actor.organizationId, canAdmin: actor.permissions.has("coalition:admin") };
}

export default function Partners() {
  const { t, i18n } = useTranslation();
  const { coalition, partners, currentOrganizationId, canAdmin } = useLoaderData<typeof loader>();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("partners.title")}</h1>
        <p className="muted">{t("partners.intro", { coalition: coalition.name })}</p>
        {canAdmin ? <p><Link className="button" to="/partners/workspace">{t("partnership.link")}</Link></p> : null}
      </header>
      {partners.length === 0 ? (
        <p className="empty-state">{t("partners.empty")}</p>
      ) : (
        <ul className="partner-grid">
          {partners.map((p) => (
            <li key={p.id} className="card partner-card">
              <h2>
                {p.name}
                {p.id === currentOrganizationId ? <span className="badge">{t("partners.you")}</span> : null}
              </h2>
              <p className="partner-kind">{t(`kinds.${p.kind}`)}</p>
              {p.description ? <p>{p.description}</p> : null}
              <dl className="contact">
                {p.addressLine1 || p.city ? (
                  <div>
                    <dt className="visually-hidden">{t("partners.address")}</dt>
                    <dd>{[p.addressLine1, p.city, p.postalCode].filter(Boolean).join(", ")}</dd>
                  </div>
                ) : null}
                {p.phone ? (
                  <div>
                    <dt className="visually-hidden">{t("partners.phone")}</dt>
                    <dd><a href={`tel:${p.phone}`}>{p.phone}</a></dd>
                  </div>
                ) : null}
                {p.email ? (
                  <div>
                    <dt className="visually-hidden">{t("partners.email")}</dt>
                    <dd><a href={`mailto:${p.email}`}>{p.email}</a></dd>
                  </div>
                ) : null}
              </dl>
              <p className="muted small">{t("partners.joined", { date: dateFormat.format(new Date(p.joinedAt)) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
