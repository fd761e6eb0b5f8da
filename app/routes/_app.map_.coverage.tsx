import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { getCoverage } from "~/modules/directory/coverage.server";
import { DirectoryTabs } from "~/components/map/directory-tabs";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.coverage");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  return { coverage: await getCoverage(actor.coalitionId), can: { edit: actor.permissions.has("directory:edit"), coverage: true } };
}

export default function CoveragePage() {
  const { t } = useTranslation();
  const { coverage, can } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("directory.coverage.title")}</h1>
        <p className="muted">{t("directory.coverage.intro")}</p>
      </header>
      <DirectoryTabs can={can} />
      {/* At 390 px the Spanish labels are wider than the screen: the table scrolls, not the page (#14). */}
      <div className="coverage-table-wrap">
      <table className="table coverage-table">
        <caption className="visually-hidden">{t("directory.coverage.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("directory.coverage.category")}</th>
            <th scope="col">{t("directory.coverage.partners")}</th>
            <th scope="col">{t("directory.coverage.assets")}</th>
            <th scope="col">{t("directory.coverage.demand")}</th>
            <th scope="col"><span className="visually-hidden">{t("directory.coverage.onMap")}</span></th>
          </tr>
        </thead>
        {coverage.map((d) => (
          <tbody key={d.id}>
            <tr>
              <th scope="rowgroup" colSpan={5} style={{ borderLeftColor: d.color }}>
                {t(`directory.domains.${d.id}`)} <span className="muted small">— {t("directory.coverage.domainTotal", { partners: d.partners, assets: d.assets })}</span>
              </th>
            </tr>
            {d.categories.map((c) => (
              <tr key={c.code} data-level={c.level}>
                <th scope="row">
                  {t(`directory.sdoh.${c.code}`)}
                  {c.level !== "ok" ? <> <span className={`badge ${c.level === "gap" ? "badge--gap" : "badge--thin"}`}>{t(`directory.coverage.${c.level}`)}</span></> : null}
                </th>
                <td className={c.partners === 0 ? "is-gap" : c.partners < 2 ? "is-thin" : undefined}>{c.partners}</td>
                <td className={c.assets === 0 ? "is-gap" : c.assets < 3 ? "is-thin" : undefined}>{c.assets} <span className="muted small">({c.publicAssets} {t("directory.coverage.publicAssets")})</span></td>
                <td>{c.demand}</td>
                <td>{c.assets ? <Link to={`/map?sdoh=${c.code}`}>{t("directory.coverage.onMap")}<span className="visually-hidden">: {t(`directory.sdoh.${c.code}`)}</span></Link> : null}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      </div>
    </div>
  );
}
