/** GET /api/hsds/services (search, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, modified_after, full). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listServices } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, (viewer, query) => listServices(viewer, query));
}
