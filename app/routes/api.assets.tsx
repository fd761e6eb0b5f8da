/** GET /api/assets?bbox=minLng,minLat,maxLng,maxLat[&sdoh=&q=&open_now=&language=&capacity=&cost=&kind=&limit=&zoom=] → GeoJSON. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AssetQuerySchema } from "~/modules/directory/schemas";
import { mapView } from "~/modules/directory/queries.server";
import { jsonError, resolveDirectoryViewer } from "~/modules/directory/viewer.server";

export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = AssetQuerySchema.safeParse(params);
    if (!parsed.success) {
      const fieldErrors = parsed.error.flatten().fieldErrors;
      const first = Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v?.[0]}`)[0];
      return Response.json({ error: `Bad request. ${first}`, fieldErrors }, { status: 400 });
    }
    const viewer = await resolveDirectoryViewer(request, parsed.data.coalition);
    // PostgreSQL builds the GeoJSON: the text goes out as it is, never decoded and re-encoded here.
    const body = await mapView({ viewer, query: parsed.data });
    return new Response(body, { headers: { "Content-Type": "application/geo+json", "Cache-Control": viewer.member ? "private, no-store" : "public, max-age=60", Vary: "Cookie, Authorization" } });
  } catch (error) {
    return jsonError(error);
  }
}
