/** GET /api/hsds/services/:id: a fully nested HSDS service. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getService } from "~/modules/directory/hsds/queries.server";
import { hsdsId, hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer) => getService(viewer, hsdsId(params)));
}
