import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson } from "~/http/fhir.server";
import { parseTaskSearch, searchFhirTasks } from "~/modules/referral/fhir.server";

/** GET /api/fhir/r4/Task?owner=&requester=&status=&_lastUpdated=&_count=: the key's organization's referral Tasks. */
export async function loader({ request }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const url = new URL(request.url);
  const parsed = parseTaskSearch(url.searchParams);
  if (!parsed.ok) return fhirJson(operationOutcome("invalid", parsed.message), 400);
  return fhirJson(await searchFhirTasks({ search: parsed.search, requester, selfUrl: url.toString() }));
}
