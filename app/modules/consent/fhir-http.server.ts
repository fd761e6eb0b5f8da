/** HTTP edge of the FHIR Consent API: API-key authentication and FHIR JSON responses. */
import { authenticateApiKey } from "~/modules/org/api-keys.server";
import { requestMeta } from "~/utils/request.server";
import { uuid } from "~/utils/form-fields";
import { operationOutcome } from "./fhir.server";

export const fhirJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/fhir+json; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** The requesting organization, or a 401 OperationOutcome thrown as a Response. */
export async function requireFhirRequester(request: Request) {
  const principal = await authenticateApiKey(request);
  if (!principal) {
    throw fhirJson(operationOutcome("login", "Send an organization API key as \"Authorization: Bearer <key>\"."), 401, { "WWW-Authenticate": 'Bearer realm="coalition-hub"' });
  }
  return { organizationId: principal.organizationId, apiKeyId: principal.apiKeyId, request: requestMeta(request) };
}

const FhirIdSchema = uuid();
/** Every resource id the hub serves is a UUID; anything else names nothing (and never reaches the database or the audit trail). */
export const isFhirId = (id: string) => FhirIdSchema.safeParse(id).success;
