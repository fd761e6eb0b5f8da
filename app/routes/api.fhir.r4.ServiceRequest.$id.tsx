import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";
import { readFhirServiceRequest } from "~/modules/referral/fhir.server";

/** GET /api/fhir/r4/ServiceRequest/{id}: an SDOHCC-ServiceRequest (the referral's request), for the sender or the recipient. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const id = params.id ?? "";
  const serviceRequest = isFhirId(id) ? await readFhirServiceRequest({ id, requester }) : null;
  return serviceRequest ? fhirJson(serviceRequest) : fhirJson(operationOutcome("not-found", `ServiceRequest/${id} is not known`), 404);
}
