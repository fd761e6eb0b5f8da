/**
 * GET /api/directory/export/<file>: services.json (HSDS JSON), datapackage.json + <table>.csv
 * (HSDS tabular package), assets.geojson. Same visibility as the API: public records for anyone,
 * coalition-only records for members and member API keys.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordNotFound } from "~/utils/app-error";
import { readCaller } from "~/modules/auth/guard.server";
import { directoryViewer } from "~/modules/directory/viewer.server";
import { CSV_TABLES, dataPackage, exportGeoJson, exportServices, servicesToTables, tableToCsv, type CsvTable } from "~/modules/directory/hsds/export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const file = params.file ?? "";
  const viewer = await directoryViewer({ caller: await readCaller(request), coalitionSlug: url.searchParams.get("coalition") });
  const download = (name: string) => ({ "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" });
  if (file === "services.json") return Response.json(await exportServices(viewer), { headers: download("hsds-services.json") });
  if (file === "assets.geojson") return new Response(JSON.stringify(await exportGeoJson(viewer)), { headers: { "Content-Type": "application/geo+json", ...download("assets.geojson") } });
  if (file === "datapackage.json") return Response.json(dataPackage(url.origin), { headers: { "Cache-Control": "private, no-store" } });
  const table = file.replace(/\.csv$/, "") as CsvTable;
  if (file.endsWith(".csv") && CSV_TABLES.includes(table)) {
    const tables = servicesToTables(await exportServices(viewer));
    return new Response(tableToCsv(tables[table]), { headers: { "Content-Type": "text/csv; charset=utf-8", ...download(`${table}.csv`) } });
  }
  throw recordNotFound("export");
}
