import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";
import { readFhirTask } from "~/modules/referral/fhir.server";

/** GET /api/fhir/r4/Task/{id}: an SDOHCC-TaskForReferralManagement, for the sender or the recipient. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const id = params.id ?? "";
  const task = isFhirId(id) ? await readFhirTask({ id, requester }) : null;
  return task ? fhirJson(task) : fhirJson(operationOutcome("not-found", `Task/${id} is not known`), 404);
}
