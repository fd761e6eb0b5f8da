import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createApiKey } from "~/modules/org/api-keys.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as consentReadRoute from "~/routes/api.fhir.r4.Consent.$id";
import * as consentSearchRoute from "~/routes/api.fhir.r4.Consent._index";
import { createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { settle } from "../../../tests/helpers";
import { revokeAuthorization } from "./service.server";
import { SDOHCC_CONSENT_PROFILE, type FhirBundle, type FhirConsent } from "./fhir.server";

// Behind the one mapper, as server/index.ts serves them: errors are OperationOutcomes.
const consentRead = withHttpErrors(consentReadRoute);
const consentSearch = withHttpErrors(consentSearchRoute);
const get = (path: string, key?: string) => new Request(`http://localhost${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const read = (id: string, key?: string) => settle(() => consentRead.loader({ request: get(`/api/fhir/r4/Consent/${id}`, key), params: { id }, context: {} }));
const search = (query: string, key?: string) => settle(() => consentSearch.loader({ request: get(`/api/fhir/r4/Consent?${query}`, key), params: {}, context: {} }));

async function world() {
  const w = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const actor = actorFor(w.careManagerA.id, w.orgA.id);
  const clientId = await createClient(actor, { name: "Fhir Person" });
  const general = await createAuthorization(actor, clientId, { recipientIds: [w.orgB.id], categories: ["SOCIAL_NEEDS", "HIV_STI"], effectiveDate: isoDay(-1) });
  const part2 = await createAuthorization(actor, clientId, { recipientIds: [orgC.id], form: "PART2", categories: ["SUD_PART2"], ackPart2: "on", effectiveDate: isoDay(-1) });
  const key = async (organizationId: string, userId: string) => (await createApiKey({ actor: actorFor(userId, organizationId), name: "fhir test" })).key;
  return {
    ...w, orgC, actor, clientId, general, part2,
    keyA: await key(w.orgA.id, w.directorA.id), keyB: await key(w.orgB.id, w.directorB.id), keyC: await key(orgC.id, w.directorB.id),
  };
}

describe("FHIR Consent API", () => {
  it("without an API key: 401 with an OperationOutcome", async () => {
    const result = await read(crypto.randomUUID());
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
  });

  it("the custodian reads an SDOHCC-Consent with the recipient as IRCP actor and the categories", async () => {
    const w = await world();
    const result = await read(w.general.authorizationId, w.keyA);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const consent = result.body as FhirConsent;
    expect(consent).toMatchObject({
      resourceType: "Consent",
      id: w.general.authorizationId,
      meta: { profile: [SDOHCC_CONSENT_PROFILE] },
      status: "active",
      scope: { coding: [{ code: "patient-privacy" }] },
      category: [{ coding: [{ code: "IDSCL" }] }],
      patient: { reference: `Patient/${w.clientId}` },
      organization: [{ reference: `Organization/${w.orgA.id}` }],
      provision: { type: "permit", actor: [{ role: { coding: [{ code: "IRCP" }] }, reference: { reference: `Organization/${w.orgB.id}` } }] },
    });
    expect(consent.provision.class.map((c) => c.code)).toEqual(["SOCIAL_NEEDS", "HIV_STI"]);
    expect(consent.provision.securityLabel?.map((c) => c.code)).toEqual(["HIV"]);
    expect(consent.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(consent)).not.toContain("Fhir Person");
  });

  it("a named recipient reads it while it is in effect; after revocation, 404 (audited)", async () => {
    const w = await world();
    expect((await read(w.general.authorizationId, w.keyB)).status).toBe(200);
    await revokeAuthorization({ actor: w.actor, clientId: w.clientId, input: { authorizationId: w.general.authorizationId, receivedVia: "MAIL" } });
    const after = await read(w.general.authorizationId, w.keyB);
    expect(after.status).toBe(404);
    // The custodian still sees it, now inactive, its period ending at the revocation.
    const custodian = (await read(w.general.authorizationId, w.keyA)).body as FhirConsent;
    expect(custodian.status).toBe("inactive");
    expect(custodian.provision.period.end).toBeDefined();
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.fhir_read_refused", subjectId: w.clientId }, orderBy: { seq: "desc" } });
    expect(refusal.organizationId).toBe(w.orgA.id);
    expect((refusal.metadata as { requesterOrganizationId: string }).requesterOrganizationId).toBe(w.orgB.id);
  });

  it("an organization not named gets a 404, as for an unknown id", async () => {
    const w = await world();
    expect((await read(w.general.authorizationId, w.keyC)).status).toBe(404);
    expect((await read(crypto.randomUUID(), w.keyC)).status).toBe(404);
    expect((await read("not-a-uuid", w.keyC)).status).toBe(404);
  });

  it("search by patient returns what each key may see", async () => {
    const w = await world();
    const ids = async (key: string, query = `patient=${w.clientId}`) => ((await search(query, key)).body as FhirBundle).entry.map((e) => e.resource.id).sort();
    expect(await ids(w.keyA)).toEqual([w.general.authorizationId, w.part2.authorizationId].sort());
    expect(await ids(w.keyB, `patient=Patient/${w.clientId}`)).toEqual([w.general.authorizationId]);
    const forC = (await search(`patient=${w.clientId}`, w.keyC)).body as FhirBundle;
    expect(forC).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
    expect(forC.entry[0].resource.provision.securityLabel?.[0].code).toBe("ETH");
    expect(forC.entry[0].resource.policy.map((p) => p.uri).join(" ")).toMatch(/part-2/);
    const stranger = await createOrganization({ name: "Stranger" });
    const strangerKey = (await createApiKey({ actor: actorFor(w.directorB.id, stranger.id), name: "x" })).key;
    expect(await ids(strangerKey)).toEqual([]);
    expect((await search("", w.keyA)).status).toBe(400);
  });
});
