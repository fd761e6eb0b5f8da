import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { fhirJson, isFhirId, requireFhirRequester } from "~/modules/consent/fhir-http.server";
import { readFhirTask } from "~/modules/referral/fhir.server";

/** GET /api/fhir/r4/Task/{id}: an SDOHCC-TaskForReferralManagement, for the sender or the recipient. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireFhirRequester(request);
  const id = params.id ?? "";
  const task = isFhirId(id) ? await readFhirTask({ id, requester }) : null;
  return task ? fhirJson(task) : fhirJson(operationOutcome("not-found", `Task/${id} is not known`), 404);
}
