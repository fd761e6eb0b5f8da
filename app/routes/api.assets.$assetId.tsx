/** GET /api/assets/:assetId → one asset's detail (same visibility rules as the map). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAssetDetail } from "~/modules/directory/queries.server";
import { directoryViewer } from "~/modules/directory/viewer.server";
import { readCaller } from "~/modules/auth/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await directoryViewer({ caller: await readCaller(request), coalitionSlug: new URL(request.url).searchParams.get("coalition") });
  const asset = await getAssetDetail({ viewer, assetId: params.assetId ?? "" });
  return Response.json(asset, { headers: { "Cache-Control": "private, no-store" } });
}
