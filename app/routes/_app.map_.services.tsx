import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useActionData, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { getEnv } from "~/utils/env.server";
import { getMapView } from "~/modules/coalition/queries.server";
import { ServiceLocationSchema } from "~/modules/directory/schemas";
import { saveServiceLocation } from "~/modules/directory/service.server";
import { listOrganizationServices } from "~/modules/directory/manage-queries.server";
import { DirectoryTabs } from "~/components/map/directory-tabs";
import { ServiceForm } from "~/components/map/service-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.services");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "directory:edit", "coalition");
  const coalition = await getMapView(actor.coalitionId);
  const env = getEnv();
  return {
    organization: { name: actor.organizationName },
    services: await listOrganizationServices(actor.organizationId, actor.coalitionId),
    map: { center: [coalition.centerLatitude, coalition.centerLongitude] as [number, number], zoom: coalition.defaultZoom, tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION, geocoder: !!env.GEOCODER_URL },
    can: { edit: true, coverage: actor.permissions.has("coalition:admin") },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "directory:edit", "coalition");
  const input = parseForm(await request.formData(), ServiceLocationSchema);
  const { service } = await saveServiceLocation({
    actor,
    input,
  });
  return { saved: true as const, serviceId: service.id };
}

export default function ServicesPage() {
  const { t } = useTranslation();
  const { organization, services, map, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormErrors & { saved?: boolean }) | undefined;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const editing = services.find((s) => s.id === params.get("edit")) ?? null;
  const locationId = editing ? params.get("location") : null;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("directory.services.title")}</h1>
        <p className="muted">{t("directory.services.intro", { organization: organization.name })}</p>
      </header>
      <DirectoryTabs can={can} />
      {result?.saved ? <div className="alert alert--success" role="status">{t("directory.services.saved")}</div> : null}
      <div className="rainbow-layout">
        <section aria-labelledby="services-list-title">
          <h2 id="services-list-title" className="visually-hidden">{t("directory.services.title")}</h2>
          {services.length === 0 ? <p className="empty-state">{t("directory.services.empty")}</p> : (
            <ul className="asset-list">
              {services.map((s) => (
                <li key={s.id} className="card">
                  <strong>{s.name}</strong>{s.visibility === "COALITION" ? <> <span className="badge badge--coalition">{t("directory.visibility.COALITION")}</span></> : null}
                  <p className="muted small">
                    {t("directory.services.locationCount", { count: s.locations.length })}: {s.locations.slice(0, 3).map((l) => l.name).join(" · ")}
                    {s.locations.length > 3 ? ` ${t("directory.services.andMore", { count: s.locations.length - 3 })}` : ""}
                  </p>
                  <Link to={`?edit=${s.id}`} preventScrollReset>{t("directory.services.edit")}<span className="visually-hidden">: {s.name}</span></Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ServiceForm key={`${editing?.id ?? "new"}:${locationId ?? ""}`} service={editing} locationId={locationId} errors={result?.saved ? undefined : result} map={map} onCancel={editing ? () => navigate("/map/services") : undefined} />
      </div>
    </div>
  );
}
