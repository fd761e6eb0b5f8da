import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { fhirJson, requireFhirRequester } from "~/modules/consent/fhir-http.server";
import { parseTaskSearch, searchFhirTasks } from "~/modules/referral/fhir.server";

/** GET /api/fhir/r4/Task?owner=&requester=&status=&_lastUpdated=&_count=: the key's organization's referral Tasks. */
export async function loader({ request }: LoaderFunctionArgs) {
  const requester = await requireFhirRequester(request);
  const url = new URL(request.url);
  const parsed = parseTaskSearch(url.searchParams);
  if (!parsed.ok) return fhirJson(operationOutcome("invalid", parsed.message), 400);
  return fhirJson(await searchFhirTasks({ search: parsed.search, requester, selfUrl: url.toString() }));
}
