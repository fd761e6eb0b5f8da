/**
 * Authorizations as FHIR R4 Consent resources shaped by the SDOH Clinical Care IG (SDOHCC-Consent),
 * for organization API keys. The custodian (the client's organization) sees all of its clients'
 * consents; a named recipient sees a consent only while the consent decision says it is in effect
 * for that recipient; anyone else gets a 404 (read) or an empty Bundle (search), and every answer is
 * recorded in the audit trail. The resource names the patient by the hub's opaque id only: no
 * identifier of the person leaves through this endpoint. See docs/decisions/022-fhir-consent-visibility.md.
 *
 * The installed @types/fhir (3.0.x) describes STU3, whose Consent has no `scope`/`provision`, so
 * the R4 shapes used here are written out below.
 */
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import type { ConsentCategory } from "./categories";
import { decideAccess } from "./decision.server";
import { statusOf } from "./service.server";

type Coding = { system?: string; code?: string; display?: string };
type CodeableConcept = { coding?: Coding[]; text?: string };
type Reference = { reference?: string; display?: string };
type Period = { start?: string; end?: string };

export type FhirConsent = {
  resourceType: "Consent";
  id: string;
  meta: { profile: string[]; lastUpdated: string };
  status: "active" | "inactive";
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  organization: Reference[];
  sourceAttachment: { contentType: string; language: string; title: string; creation: string };
  policy: { authority?: string; uri?: string }[];
  provision: {
    type: "permit";
    period: Period;
    actor: { role: CodeableConcept; reference: Reference }[];
    purpose?: Coding[];
    class: Coding[];
    securityLabel?: Coding[];
  };
  extension?: { url: string; valueString?: string }[];
};

export type FhirBundle = { resourceType: "Bundle"; type: "searchset"; total: number; link: { relation: string; url: string }[]; entry: { fullUrl: string; resource: FhirConsent; search: { mode: "match" } }[] };

export const SDOHCC_CONSENT_PROFILE = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-Consent";
export const HUB_CATEGORY_SYSTEM = "urn:coalition-hub:consent-category";
const V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

// HL7 sensitivity codes for the categories that carry one.
const SENSITIVITY: Partial<Record<ConsentCategory, Coding>> = {
  SUD_PART2: { system: V3_ACT_CODE, code: "ETH", display: "substance abuse information sensitivity" },
  HIV_STI: { system: V3_ACT_CODE, code: "HIV", display: "HIV/AIDS information sensitivity" },
  BEHAVIORAL_HEALTH: { system: V3_ACT_CODE, code: "BH", display: "behavioral health information sensitivity" },
};

type Row = Awaited<ReturnType<typeof loadAuthorization>>;

function loadAuthorization(id: string) {
  return db.consentAuthorization.findUnique({
    where: { id },
    include: { recipients: { include: { organization: { select: { id: true, name: true } } } }, organization: { select: { id: true, name: true } }, client: { select: { deletedAt: true } } },
  });
}

export function toFhirConsent(a: NonNullable<Row>): FhirConsent {
  const categories = a.categories as ConsentCategory[];
  const status = statusOf(a);
  const labels = categories.map((c) => SENSITIVITY[c]).filter((c): c is Coding => !!c);
  return {
    resourceType: "Consent",
    id: a.id,
    meta: { profile: [SDOHCC_CONSENT_PROFILE], lastUpdated: (a.revokedAt ?? a.createdAt).toISOString() },
    status: status === "revoked" || status === "expired" ? "inactive" : "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy", display: "Privacy Consent" }] },
    category: [{ coding: [{ system: V3_ACT_CODE, code: "IDSCL", display: "information disclosure" }] }],
    patient: { reference: `Patient/${a.clientId}` },
    dateTime: a.signedAt.toISOString(),
    organization: [{ reference: `Organization/${a.organization.id}`, display: a.organization.name }],
    sourceAttachment: { contentType: "application/pdf", language: a.language, title: a.form === "PART2" ? "Signed 42 CFR Part 2 authorization" : "Signed HIPAA authorization", creation: a.signedAt.toISOString() },
    policy: [
      { authority: "https://www.hhs.gov/hipaa", uri: "https://www.ecfr.gov/current/title-45/section-164.508" },
      ...(a.form === "PART2" ? [{ uri: "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2" }] : []),
    ],
    provision: {
      type: "permit",
      period: { start: a.effectiveAt.toISOString(), ...(a.revokedAt || a.expiresAt ? { end: (a.revokedAt && (!a.expiresAt || a.revokedAt < a.expiresAt) ? a.revokedAt : a.expiresAt)!.toISOString() } : {}) },
      actor: a.recipients
        .map((r) => r.organization)
        .sort((x, y) => x.name.localeCompare(y.name))
        .map((o) => ({
          role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP", display: "information recipient" }] },
          reference: { reference: `Organization/${o.id}`, display: o.name },
        })),
      class: categories.map((c) => ({ system: HUB_CATEGORY_SYSTEM, code: c })),
      ...(labels.length ? { securityLabel: labels } : {}),
    },
    extension: [
      { url: "urn:coalition-hub:consent-purpose", valueString: a.purpose },
      ...(a.expirationEvent ? [{ url: "urn:coalition-hub:consent-expiration-event", valueString: a.expirationEvent }] : []),
    ],
  };
}


/** Whether the requesting organization may see this consent now: custodian, or a recipient it is in effect for. */
async function visibleTo(a: NonNullable<Row>, requester: Actor<"apiKey">) {
  if (a.organizationId === requester.organizationId) return { visible: true, basis: "custodian" as const };
  const decision = await decideAccess({ clientId: a.clientId, organizationId: requester.organizationId, categories: a.categories as ConsentCategory[] });
  return { visible: decision.grants.some((g) => g.authorizationId === a.id), basis: "recipient" as const, decision };
}

async function audit(requester: Actor<"apiKey">, action: string, clientId: string | null, metadata: Record<string, unknown>, custodianId: string | null) {
  await recordAuditEvent({ action, subjectType: "Client", subjectId: clientId, organizationId: custodianId ?? requester.organizationId, metadata: { ...metadata, apiKeyId: requester.apiKeyId, requesterOrganizationId: requester.organizationId }, request: requester.request });
}

export async function readFhirConsent({ id, requester }: { id: string; requester: Actor<"apiKey"> }): Promise<FhirConsent | null> {
  const a = await loadAuthorization(id);
  if (!a || a.client.deletedAt) {
    await audit(requester, "consent.fhir_read_refused", null, { consentId: id, reason: "unknown-consent" }, null);
    return null;
  }
  const { visible, basis, decision } = await visibleTo(a, requester);
  await audit(requester, visible ? "consent.fhir_read" : "consent.fhir_read_refused", a.clientId, { consentId: id, basis, refused: decision?.refusals }, a.organizationId);
  return visible ? toFhirConsent(a) : null;
}

export async function searchFhirConsents({ patientId, requester, selfUrl }: { patientId: string; requester: Actor<"apiKey">; selfUrl: string }): Promise<FhirBundle> {
  const client = await db.client.findFirst({ where: { id: patientId, deletedAt: null }, select: { organizationId: true } });
  const ids = client ? await db.consentAuthorization.findMany({ where: { clientId: patientId }, select: { id: true }, orderBy: { signedAt: "desc" } }) : [];
  const resources: FhirConsent[] = [];
  for (const { id } of ids) {
    const a = await loadAuthorization(id);
    if (a && (await visibleTo(a, requester)).visible) resources.push(toFhirConsent(a));
  }
  await audit(requester, resources.length ? "consent.fhir_search" : "consent.fhir_search_empty", patientId, { returned: resources.map((r) => r.id) }, client?.organizationId ?? null);
  const base = selfUrl.replace(/\?.*$/, "");
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: selfUrl }],
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.id}`, resource, search: { mode: "match" } })),
  };
}

export function operationOutcome(code: "not-found" | "invalid" | "login" | "forbidden", diagnostics: string) {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}
