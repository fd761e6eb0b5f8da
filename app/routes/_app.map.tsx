import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { requireActor } from "~/modules/auth/guard.server";
import { getEnv } from "~/utils/env.server";
import { parseForm } from "~/utils/forms.server";
import { getMapView } from "~/modules/coalition/queries.server";
import { AssetQuerySchema, InformalAssetSchema } from "~/modules/directory/schemas";
import { matchExtent } from "~/modules/directory/queries.server";
import { addInformalAsset } from "~/modules/directory/service.server";
import type { AssetCollection } from "~/modules/directory/types";
import type { AssetDetail } from "~/modules/directory/queries.server";
import { DirectoryTabs } from "~/components/map/directory-tabs";
import { EMPTY_FILTERS, MapFilters, type MapFilterValues } from "~/components/map/map-filters";
import { AssetList } from "~/components/map/asset-list";
import { AssetDetailPanel } from "~/components/map/asset-detail";
import { InformalAssetForm } from "~/components/map/informal-asset-form";
import type { Bbox } from "~/components/map/asset-map.client";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

const AssetMap = lazy(() => import("~/components/map/asset-map.client"));

export const meta = titleMeta("titles.map");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const coalition = await getMapView(actor.coalitionId);
  const env = getEnv();
  // Opened with a filter (the coverage page's "Show on the map"): open on every match, so the count
  // in view is the coalition's count for that filter.
  const filter = AssetQuerySchema.omit({ bbox: true }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const { sdoh, domain, language, capacity, cost, kind, q } = filter.success ? filter.data : {};
  const match = { sdoh, domain, language, capacity, cost, kind, q };
  const openOn = Object.values(match).some(Boolean) ? await matchExtent({ viewer: { coalitionId: actor.coalitionId, member: true }, query: match }) : null;
  return {
    coalition,
    openOn,
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    can: { addInformal: !!actor.organizationId, edit: actor.permissions.has("directory:edit"), coverage: actor.permissions.has("coalition:admin"), refer: !!actor.organizationId && actor.permissions.has("referrals:send") },
    organizationId: actor.organizationId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const formData = await request.formData();
  const input = parseForm(formData, InformalAssetSchema);
  const asset = await addInformalAsset({
    actor,
    input,
  });
  return { done: "add-informal" as const, assetId: asset.id };
}

// Filters live in the URL (shareable), but changing them only re-queries /api/assets.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  !formMethod && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;

function filtersFrom(params: URLSearchParams): MapFilterValues {
  return { q: params.get("q") ?? "", sdoh: params.get("sdoh") ?? "", open_now: params.get("open_now") === "true", language: params.get("language") ?? "", capacity: params.get("capacity") ?? "", cost: params.get("cost") ?? "", kind: params.get("kind") ?? "" };
}

export default function MapPage() {
  const { t } = useTranslation();
  const { coalition, openOn, tiles, can, organizationId } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const [bbox, setBbox] = useState<Bbox>(() => openOn ?? [coalition.centerLongitude - 0.45, coalition.centerLatitude - 0.3, coalition.centerLongitude + 0.45, coalition.centerLatitude + 0.3]);
  const [zoom, setZoom] = useState(coalition.defaultZoom);
  const [data, setData] = useState<AssetCollection | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [selected, setSelected] = useState<AssetDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const [placedPoint, setPlacedPoint] = useState<[number, number] | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lng: number; key: number } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const setFilters = (next: MapFilterValues) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value && value !== EMPTY_FILTERS[key as keyof MapFilterValues]) params.set(key, String(value));
    setSearchParams(params, { replace: true, preventScrollReset: true });
  };

  useEffect(() => {
    const controller = new AbortController();
    // The zoom lets the server answer a crowded low-zoom view with clusters of every match.
    const params = new URLSearchParams({ bbox: bbox.map((n) => n.toFixed(5)).join(","), zoom: String(Math.round(zoom)) });
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
    setLoading(true);
    const timer = setTimeout(() => {
      fetch(`/api/assets?${params}`, { signal: controller.signal, headers: { accept: "application/geo+json" } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((collection: AssetCollection) => { setData(collection); setFailed(false); setLoading(false); })
        .catch((error) => { if (error.name !== "AbortError") { setFailed(true); setLoading(false); } });
    }, 120);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [bbox, zoom, filters, refresh]);

  const select = useCallback(async (id: string) => {
    setAdding(false);
    const response = await fetch(`/api/assets/${id}`);
    if (response.ok) setSelected(await response.json());
  }, []);

  const backToList = () => {
    const id = selected?.id;
    setSelected(null);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`[data-asset-id="${id}"]`)?.focus());
  };

  const onAdded = useCallback((assetId: string) => {
    setAdding(false);
    setPlacedPoint(null);
    setRefresh((n) => n + 1);
    void select(assetId);
  }, [select]);

  const features = data?.features ?? [];
  return (
    <div className="map-page">
      <header className="page-header">
        <h1>{t("directory.title")}</h1>
        <p className="muted">{t("directory.intro", { coalition: coalition.name })}</p>
      </header>
      <DirectoryTabs can={can} />
      <MapFilters values={filters} onChange={setFilters} />
      <div className="map-layout">
        <section className="map-panel" aria-label={t("directory.map.label")}>
          <ClientOnly fallback={<div className="map-placeholder">{t("directory.map.loading")}</div>}>
            {() => (
              <Suspense fallback={<div className="map-placeholder">{t("directory.map.loading")}</div>}>
                <AssetMap
                  center={[coalition.centerLatitude, coalition.centerLongitude]}
                  zoom={coalition.defaultZoom}
                  openOn={openOn}
                  tileUrl={tiles.url}
                  attribution={tiles.attribution}
                  features={features}
                  clusters={data?.clusters ?? null}
                  selectedId={selected?.id ?? null}
                  placing={adding}
                  placedPoint={placedPoint}
                  focus={focus}
                  labels={{ cluster: (count) => t("directory.map.cluster", { count }), placedPoint: t("directory.map.placedPoint"), approximate: t("directory.approximate.label") }}
                  onSelect={(id) => void select(id)}
                  onView={(next, nextZoom) => { setBbox(next); setZoom(nextZoom); }}
                  onPlace={(lat, lng) => setPlacedPoint([lat, lng])}
                />
              </Suspense>
            )}
          </ClientOnly>
          <p className="muted small map-panel__hint">{adding ? t("directory.map.placingHint") : t("directory.map.hint")}</p>
        </section>
        <aside className="map-side" aria-label={t("directory.list.sideLabel")}>
          <p className="map-status" role="status" aria-live="polite">
            {failed ? t("directory.list.failed") : loading && !data ? t("directory.list.loading") : t("directory.list.count", { count: data?.total ?? features.length })}
            {data?.truncated ? ` ${t("directory.list.truncated")}` : ""}
          </p>
          {!adding && !selected && can.addInformal ? (
            <button type="button" className="button button--primary button--small" onClick={() => { setSelected(null); setAdding(true); }}>
              {t("directory.informal.add")}
            </button>
          ) : null}
          {adding ? (
            <InformalAssetForm point={placedPoint} onPointChange={setPlacedPoint} onCancel={() => { setAdding(false); setPlacedPoint(null); }} onAdded={onAdded} />
          ) : selected ? (
            <>
              <AssetDetailPanel asset={selected} onBack={backToList} referFrom={can.refer ? organizationId : null} />
              <button type="button" className="button button--small" onClick={() => setFocus({ lat: selected.latitude, lng: selected.longitude, key: Date.now() })}>{t("directory.detail.showOnMap")}</button>
            </>
          ) : features.length === 0 && !loading ? (
            <div className="empty-state empty-state--small">
              <p>{t("directory.list.empty")}</p>
            </div>
          ) : (
            <AssetList ref={listRef} features={features} selectedId={null} onSelect={(id) => void select(id)} />
          )}
        </aside>
      </div>
    </div>
  );
}
