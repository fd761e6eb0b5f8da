/** The HTTP side of the FHIR APIs (Consent, Task, ServiceRequest): FHIR JSON answers and resource ids. Errors, 401 included, are OperationOutcomes from the one mapper (ADR 074). */
import { uuid } from "~/utils/form-fields";
import { operationOutcome } from "~/modules/consent/fhir.server";

export const fhirJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/fhir+json; charset=utf-8", "Cache-Control": "no-store", ...headers } });

const FhirIdSchema = uuid();
/** Every resource id the hub serves is a UUID; anything else names nothing (and never reaches the database or the audit trail). */
export const isFhirId = (id: string) => FhirIdSchema.safeParse(id).success;

/** A 400's OperationOutcome naming the search parameter (issue.expression) as well as saying what it takes. */
export function invalidParam(param: string, message: string) {
  const outcome = operationOutcome("invalid", message);
  return { ...outcome, issue: outcome.issue.map((i) => ({ ...i, expression: [param] })) };
}
