import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";
import { readFhirGoal } from "~/modules/care/fhir.server";

/** GET /api/fhir/r4/Goal/{id}: an SDOHCC-Goal, for the client's organization or a partner the client authorized (ADR 102). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const id = params.id ?? "";
  const goal = isFhirId(id) ? await readFhirGoal({ id, requester }) : null;
  return goal ? fhirJson(goal) : fhirJson(operationOutcome("not-found", `Goal/${id} is not known`), 404);
}
