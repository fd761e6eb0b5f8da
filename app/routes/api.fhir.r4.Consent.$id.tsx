import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFhirConsent, operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";

/** GET /api/fhir/r4/Consent/{id}: an SDOHCC-Consent, for the custodian or a recipient it is in effect for. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const id = params.id ?? "";
  const notFound = () => fhirJson(operationOutcome("not-found", `Consent/${id} is not known`), 404);
  if (!isFhirId(id)) return notFound();
  const consent = await readFhirConsent({ id: id.toLowerCase(), requester });
  return consent ? fhirJson(consent) : notFound();
}
