import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { DirectoryTabs } from "~/components/map/directory-tabs";
import { HsdsImporter } from "~/components/map/hsds-importer";
import { CSV_TABLES } from "~/modules/directory/hsds/export.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.importExport");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const canImport = !!actor.organizationId && (actor.permissions.has("directory:edit") || actor.permissions.has("coalition:admin"));
  return { canImport, tables: [...CSV_TABLES], can: { edit: actor.permissions.has("directory:edit"), coverage: actor.permissions.has("coalition:admin") } };
}

export default function DataPage() {
  const { t } = useTranslation();
  const { canImport, tables, can } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("directory.data.title")}</h1>
        <p className="muted">{t("directory.data.intro")}</p>
      </header>
      <DirectoryTabs can={can} />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("directory.data.exportTitle")}</h2>
        <ul className="link-list">
          <li><a href="/api/directory/export/services.json" download>{t("directory.data.exportHsds")}</a></li>
          <li>
            <a href="/api/directory/export/datapackage.json">{t("directory.data.exportCsv")}</a>:{" "}
            {tables.map((table, i) => <span key={table}>{i ? ", " : ""}<a href={`/api/directory/export/${table}.csv`} download>{table}.csv</a></span>)}
          </li>
          <li><a href="/api/directory/export/assets.geojson" download>{t("directory.data.exportGeojson")}</a></li>
        </ul>
        <h3>{t("directory.data.apiTitle")}</h3>
        <p>{t("directory.data.apiBody")} <a href="/api/hsds/services">/api/hsds/services</a></p>
      </section>
      {canImport ? <HsdsImporter /> : <p className="muted">{t("directory.data.noPermission")}</p>}
    </div>
  );
}
