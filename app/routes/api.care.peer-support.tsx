import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/guard.server";
import { parseSearchParams } from "~/utils/params.server";
import { PeerSupportQuerySchema } from "~/modules/care/live-schemas";
import { findPeerSupportGroups } from "~/modules/care/peer-support.server";

/** The peer support picker's search as you type (ADR 101): the map's peer support groups, no client data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:write");
  const { peer } = await parseSearchParams(request, PeerSupportQuerySchema);
  return { groups: await findPeerSupportGroups({ actor, q: peer }) };
}
