/** GET /api/hsds/taxonomy_terms: HP2030 domains and Gravity categories. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listTaxonomyTerms } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, (_viewer, query) => listTaxonomyTerms(query));
}
