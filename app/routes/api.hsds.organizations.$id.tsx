/** GET /api/hsds/organizations/:id. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOrganization } from "~/modules/directory/hsds/queries.server";
import { hsdsId, hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer) => getOrganization(viewer, hsdsId(params)));
}
