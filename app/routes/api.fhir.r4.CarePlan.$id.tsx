import type { LoaderFunctionArgs } from "@remix-run/node";
import { operationOutcome } from "~/modules/consent/fhir.server";
import { requireApiActor } from "~/modules/auth/guard.server";
import { fhirJson, isFhirId } from "~/http/fhir.server";
import { readFhirCarePlan } from "~/modules/care/fhir.server";

/** GET /api/fhir/r4/CarePlan/{id}: a US Core CarePlan, for the client's organization or a partner the client authorized (ADR 102). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const requester = await requireApiActor(request);
  const id = params.id ?? "";
  const plan = isFhirId(id) ? await readFhirCarePlan({ id, requester }) : null;
  return plan ? fhirJson(plan) : fhirJson(operationOutcome("not-found", `CarePlan/${id} is not known`), 404);
}
