/** GET /api/hsds/taxonomy_terms/:id. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTaxonomyTerm } from "~/modules/directory/hsds/queries.server";
import { hsdsId, hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsResponse(request, () => getTaxonomyTerm(hsdsId(params)));
}
