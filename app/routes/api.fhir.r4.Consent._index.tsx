import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome, searchFhirConsents } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";

/** GET /api/fhir/r4/Consent?patient={id}: a searchset Bundle of the consents the key may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const url = new URL(request.url);
  const patient = (url.searchParams.get("patient") ?? "").replace(/^Patient\//, "");
  if (!isFhirId(patient)) return fhirJson(operationOutcome("invalid", "Search by patient: ?patient=<Patient id>"), 400);
  return fhirJson(await searchFhirConsents({ patientId: patient.toLowerCase(), requester, selfUrl: url.toString() }));
}
