/** GET /api/assets?bbox=minLng,minLat,maxLng,maxLat[&sdoh=&q=&open_now=&language=&capacity=&cost=&kind=&limit=&zoom=] → GeoJSON. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AssetQuerySchema } from "~/modules/directory/schemas";
import { mapView } from "~/modules/directory/queries.server";
import { directoryViewer } from "~/modules/directory/viewer.server";
import { readCaller } from "~/modules/auth/guard.server";
import { directoryCacheHeaders, parseDirectoryQuery } from "~/http/directory.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(request, AssetQuerySchema);
  const viewer = await directoryViewer({ caller: await readCaller(request), coalitionSlug: query.coalition });
  // PostgreSQL builds the GeoJSON: the text goes out as it is, never decoded and re-encoded here.
  const body = await mapView({ viewer, query });
  return new Response(body, { headers: { "Content-Type": "application/geo+json", ...directoryCacheHeaders(viewer) } });
}
