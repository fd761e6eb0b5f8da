import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { DirectoryTabs } from "~/components/map/directory-tabs";
import { HsdsImporter } from "~/components/map/hsds-importer";
import { PlacementReview } from "~/components/map/placement-review";
import { CSV_TABLES } from "~/modules/directory/hsds/export.server";
import { correctLocationPlacement, listLocationsToReview } from "~/modules/directory/placement-review.server";
import { PlaceLocationSchema } from "~/modules/directory/schemas";
import { forbidden } from "~/utils/app-error";
import { parseForm } from "~/utils/forms.server";
import { getEnv } from "~/utils/env.server";
import { getMapView } from "~/modules/coalition/queries.server";
import { translatable } from "~/utils/translatable";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.importExport");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const canImport = !!actor.organizationId && (actor.permissions.has("directory:edit") || actor.permissions.has("coalition:admin"));
  const env = getEnv();
  const coalition = canImport ? await getMapView(actor.coalitionId) : null;
  return {
    map: coalition ? { center: [coalition.centerLatitude, coalition.centerLongitude] as [number, number], zoom: coalition.defaultZoom, tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION } : null,
    canImport, tables: [...CSV_TABLES], can: { edit: actor.permissions.has("directory:edit"), coverage: actor.permissions.has("coalition:admin") },
    review: canImport ? await listLocationsToReview(actor) : null,
  };
}

/** Typed coordinates for an imported location from the review list. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  if (!actor.organizationId || !(actor.permissions.has("directory:edit") || actor.permissions.has("coalition:admin"))) throw forbidden(translatable("errors.services.directory.placeOnly"));
  const input = parseForm(await request.formData(), PlaceLocationSchema);
  const placed = await correctLocationPlacement({ actor, input });
  return { ok: true, placed: placed.id };
}

export default function DataPage() {
  const { t } = useTranslation();
  const { canImport, tables, can, review, map } = useLoaderData<typeof loader>();
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
      {review && map ? <PlacementReview review={review} map={map} /> : null}
    </div>
  );
}
