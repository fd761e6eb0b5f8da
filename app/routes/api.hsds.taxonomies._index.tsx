/** GET /api/hsds/taxonomies: the SDOH taxonomy. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listTaxonomies } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, (_viewer, query) => listTaxonomies(query));
}
