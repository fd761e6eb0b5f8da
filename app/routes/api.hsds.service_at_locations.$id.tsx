/** GET /api/hsds/service_at_locations/:id: the fully nested service. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getServiceAtLocation } from "~/modules/directory/hsds/queries.server";
import { hsdsId, hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer) => getServiceAtLocation(viewer, hsdsId(params)));
}
