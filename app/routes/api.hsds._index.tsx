/** GET /api/hsds: HSDS version information. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { HSDS_VERSION } from "~/modules/directory/hsds/queries.server";
import { hsdsResponse } from "~/modules/directory/hsds/respond.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return hsdsResponse(request, async () => ({ version: HSDS_VERSION, profile: "https://docs.openreferral.org/en/v3.0/", openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json" }));
}
