/** GET /api/hsds/organizations/:id. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOrganization } from "~/modules/directory/hsds/queries.server";
import { readCaller } from "~/modules/auth/guard.server";
import { directoryViewer } from "~/modules/directory/viewer.server";
import { HsdsListSchema } from "~/modules/directory/hsds/schemas";
import { hsdsId, hsdsJson, parseDirectoryQuery } from "~/http/directory.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(request, HsdsListSchema);
  const viewer = await directoryViewer({ caller: await readCaller(request), coalitionSlug: query.coalition });
  return hsdsJson(viewer, await getOrganization(viewer, hsdsId(params)));
}
