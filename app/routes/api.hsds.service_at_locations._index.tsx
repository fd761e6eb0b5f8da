/** GET /api/hsds/service_at_locations (postcode, proximity=lat,lng,km, search, taxonomy_term_id, organization_id, modified_after). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listServiceAtLocations } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer, query) => listServiceAtLocations(viewer, query));
}
