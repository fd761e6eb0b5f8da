/** GET /api/hsds/organizations. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOrganizations } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer, query) => listOrganizations(viewer, query));
}
