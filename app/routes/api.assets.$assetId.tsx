/** GET /api/assets/:assetId → one asset's detail (same visibility rules as the map). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAssetDetail } from "~/modules/directory/queries.server";
import { jsonError, resolveDirectoryViewer } from "~/modules/directory/viewer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const viewer = await resolveDirectoryViewer(request, new URL(request.url).searchParams.get("coalition"));
    const asset = await getAssetDetail({ viewer, assetId: params.assetId ?? "" });
    return Response.json(asset, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
