/** GET /api/hsds/taxonomies/:id. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTaxonomy } from "~/modules/directory/hsds/queries.server";
import { hsdsId, hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsResponse(request, () => getTaxonomy(hsdsId(params)));
}
