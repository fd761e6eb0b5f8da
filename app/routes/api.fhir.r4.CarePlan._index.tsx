import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, invalidParam } from "~/http/fhir.server";
import { parseCareSearch, searchFhirCarePlans } from "~/modules/care/fhir.server";

/** GET /api/fhir/r4/CarePlan?patient=&status=&_count=: US Core CarePlans the key's organization may see (ADR 102). */
export async function loader({ request }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const url = new URL(request.url);
  const parsed = parseCareSearch("CarePlan", url.searchParams);
  if (!parsed.ok) return fhirJson(invalidParam(parsed.param, parsed.message), 400);
  return fhirJson(await searchFhirCarePlans({ search: parsed.search, requester, selfUrl: url.toString() }));
}

