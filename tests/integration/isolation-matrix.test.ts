/**
 * The isolation matrix (issue 13): every route that takes an id, enumerated from the route table
 * (app/routes/*.tsx), × every role (director, care manager, staff, convener, and an API key where
 * the route is an API) × records of ANOTHER organization or coalition (and of the same
 * organization for roles without the permission) → 401/403/404 and nothing written. Never a 2xx
 * with data, never a 5xx. Actions are posted with every intent the route's source names.
 *
 * A route added later with a `$param` is covered without anyone remembering to: if the matrix does
 * not know how to make a record for that param, the first test fails with "add a fixture for
 * $newParam". Likewise a new id-taking form field in a module's zod schema must be listed in
 * FORM_ID_FIELDS. The hand-written cases stay in isolation.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { permissionsFor, type Permission } from "~/utils/permissions";
import { createApiKey } from "~/modules/org/api-keys.server";
import { inviteMember } from "~/modules/org/service.server";
import { createMeasure } from "~/modules/aims/service.server";
import { scheduleConference } from "~/modules/conference/scheduling.server";
import * as importRoute from "~/routes/api.directory.import";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { actorFor, authorizationInput, createAuthorization, createClient, isoDay } from "../consent-factories";
import { referralActor, sendInput } from "../referral-factories";
import { sendReferral } from "~/modules/referral/service.server";
import { addGoal, addStep, enrollClient } from "~/modules/care/service.server";
import { graduateClient, recordReadiness } from "~/modules/care/graduation.server";
import { addTeamMember } from "~/modules/care/team.server";
import { settle, signedInRequester } from "../helpers";
import { createService } from "../referral-factories";
import { findOpenLink, issueLink, savePathway } from "~/modules/pathway/service.server";
import { submitExternalReferral } from "~/modules/pathway/submit.server";
import { signFormToken } from "~/modules/pathway/tokens.server";
import { coalitionActorFor } from "../actors";

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };
const ROUTE_MODULES = import.meta.glob<RouteModule>("../../app/routes/*.tsx");
const routeFile = (key: string) => path.basename(key, ".tsx");
const ROUTES = Object.keys(ROUTE_MODULES).map(routeFile).sort();

/** `$param` names of a route file; `id` is qualified by the segment before it ("Task.$id"). */
function paramsOf(file: string): { name: string; key: string }[] {
  const segments = file.split(".");
  return segments.flatMap((s, i) => (s.startsWith("$") ? [{ name: s === "$" ? "*" : s.slice(1), key: s === "$id" ? `${segments[i - 1]}.$id` : s === "$" ? "*" : s.slice(1) }] : []));
}

function urlOf(file: string, values: Record<string, string>) {
  const parts = file.split(".").filter((s) => s !== "_app" && s !== "_index").map((s) => (s.startsWith("$") ? values[s === "$" ? "*" : s.slice(1)] : s.replace(/_$/, "")));
  return `/${parts.join("/")}`;
}

// ------------------------------------------------------------------------------------------------
// The world: organization A (the roles under test) and B in one coalition, C beside them, and a
// second coalition with its own organization X.

async function buildWorld() {
  const w = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const staffA = await createUser({ name: "Staff A", memberships: [{ organizationId: w.orgA.id, role: "STAFF" }] });
  const careManagerB = await createUser({ name: "Care Manager B", memberships: [{ organizationId: w.orgB.id, role: "CARE_MANAGER" }] });
  const directorC = await createUser({ name: "Director C", memberships: [{ organizationId: orgC.id, role: "DIRECTOR" }] });
  const other = await createCoalition();
  const orgX = await createOrganization({ coalitionId: other.id, name: "Org X" });
  const directorX = await createUser({ name: "Director X", memberships: [{ organizationId: orgX.id, role: "DIRECTOR" }], convenerOf: [other.id] });

  const custodianA = actorFor(w.careManagerA.id, w.orgA.id);
  const custodianB = actorFor(careManagerB.id, w.orgB.id);
  // A's own client, authorized for B; B's client, authorized for C only (never for A).
  const clientA = await createClient(custodianA, { name: "Own Client" });
  const { authorizationId: authorizationA } = await createAuthorization(custodianA, clientA, { recipientIds: [w.orgB.id] });
  const clientB = await createClient(custodianB, { name: "Foreign Client" });
  const { authorizationId: authorizationB } = await createAuthorization(custodianB, clientB, { recipientIds: [orgC.id] });
  // A's referral to B (A is a party), and B's referral to C (A is not).
  const { referral: referralA } = await sendReferral({ actor: referralActor(w.careManagerA.id, w.orgA.id), input: sendInput({ clientId: clientA, recipientOrganizationId: w.orgB.id }) });
  const { referral: referralB } = await sendReferral({ actor: referralActor(careManagerB.id, w.orgB.id), input: sendInput({ clientId: clientB, recipientOrganizationId: orgC.id }) });
  // B's client graduated (a print-only closing summary): its graduation is B's record.
  await enrollClient({ actor: custodianB, clientId: clientB, input: { program: "Enhanced care" } });
  // B's care-team member (ADR 100), kept after the graduation.
  const { teamMemberId: teamMemberB } = await addTeamMember({ actor: custodianB, clientId: clientB, input: { memberOrganizationId: w.orgB.id, name: "Member of B", role: "Peer specialist" } });
  // B's client's care plan and goal (FHIR CarePlan/Goal): never authorized for A.
  const { goalId: goalB } = await addGoal({ actor: custodianB, clientId: clientB, input: { text: "B's client's goal" } });
  const { id: planB } = await db.carePlan.findUniqueOrThrow({ where: { clientId: clientB }, select: { id: true } });
  await recordReadiness({ actor: custodianB, clientId: clientB, input: { goalsMet: true, selfManagement: true, stableLevel: true } });
  const { graduationId: graduationB } = await graduateClient({ actor: custodianB, clientId: clientB, input: { goalsAchieved: "Housing kept", whatContinues: "Clinic visits", whoToCall: "The clinic" } });
  // Conferences by invitation: A's own (A and B), and B's with C (A not invited).
  const conferenceA = await scheduleConference({ actor: actorFor(w.directorA.id, w.orgA.id, { userName: "Director A" }), coalitionId: w.coalition.id, input: { title: "A's case review", startsAt: "2030-01-10T16:00:00Z", agenda: "", audience: "organizations", organizationIds: [w.orgB.id] } });
  const conferenceB = await scheduleConference({ actor: actorFor(w.directorB.id, w.orgB.id, { userName: "Director B" }), coalitionId: w.coalition.id, input: { title: "B and C only", startsAt: "2030-01-11T16:00:00Z", agenda: "", audience: "organizations", organizationIds: [orgC.id] } });
  // The other coalition's measure and coalition-only directory records (service, location, asset).
  const measureX = await createMeasure({ actor: coalitionActorFor(directorX.id, orgX.id, other.id), input: { name: "Other coalition's measure", description: "", type: "OUTCOME", unit: "people", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", source: "ENTERED", aggregation: "SUM", baselinePoints: 12, reporterIds: [orgX.id] } });
  const asX = await signedInRequester(directorX.email);
  const imported = await settle(() => importRoute.action({ request: new Request("http://localhost/api/directory/import", { method: "POST", headers: { cookie: asX.cookie, "content-type": "application/json" }, body: JSON.stringify({ visibility: "COALITION", records: [{ id: "x-private", name: "Coalition-only service", service_at_locations: [{ id: "x-sal", location: { id: "x-loc", name: "Back office", latitude: 38.3, longitude: -104.6 } }] }] }) }), params: {}, context: {} }));
  expect(imported.status).toBe(200);
  const serviceX = await db.directoryService.findFirstOrThrow({ where: { coalitionId: other.id, externalId: "x-private" } });
  const salX = await db.serviceAtLocation.findFirstOrThrow({ where: { serviceId: serviceX.id } });
  const assetX = await db.asset.findFirstOrThrow({ where: { coalitionId: other.id, serviceId: serviceX.id } });
  // Form-field targets of B: an invitation, an API key, a web hook endpoint.
  const { invite: inviteB } = await inviteMember({ actor: actorFor(w.directorB.id, w.orgB.id), email: `b-${crypto.randomUUID()}@example.test`, role: "STAFF" });
  const { apiKey: apiKeyB } = await createApiKey({ actor: actorFor(w.directorB.id, w.orgB.id), name: "B's key" });
  const endpointB = await db.webhookEndpoint.create({ data: { organizationId: w.orgB.id, url: "https://b.example/hook", secretCipher: "x", keyId: "x", createdById: w.directorB.id } });
  const { key: apiKeyA } = await createApiKey({ actor: actorFor(w.directorA.id, w.orgA.id), name: "A's key" });
  // B's referral pathway, a practice link, and an external referral through it (issue #16).
  const pathwayServiceB = await createService(w.orgB.id, w.coalition.id, { name: "B's program" });
  const directorBActor = actorFor(w.directorB.id, w.orgB.id, { role: "DIRECTOR" });
  await savePathway({ actor: directorBActor, serviceId: pathwayServiceB.id, input: { forWhomEn: "a", forWhomEs: "a", notForEn: "b", notForEs: "b", whatToSendEn: "c", whatToSendEs: "c", responseDays: 7, contactName: "Desk", publish: true } });
  const { token: linkTokenB } = await issueLink({ actor: directorBActor, serviceId: pathwayServiceB.id, input: { practiceName: "B's practice", days: 30 } });
  const openLinkB = (await findOpenLink(linkTokenB))!;
  const { reference: externalReferenceB } = await submitExternalReferral({ token: linkTokenB, input: { clientName: "Foreign External", birthDate: "1970-01-01", contact: "555-0100", sdohCode: "food-insecurity", reason: "probe", providerName: "Dr. B", providerPhone: "555-0101", attested: "on", formToken: signFormToken(openLinkB.id, new Date(Date.now() - 10_000)) }, request: { ipAddress: "192.0.2.200" }, language: "en" });
  const externalReferralB = await db.externalReferral.findFirstOrThrow({ where: { reference: externalReferenceB! } });

  // B's client with a next step given to C (ADR 101): A is neither the custodian nor the partner.
  const clientB2 = await createClient(custodianB, { name: "Foreign Care Client" });
  await enrollClient({ actor: custodianB, clientId: clientB2, input: { program: "Enhanced care" } });
  const { goalId: goalB2 } = await addGoal({ actor: custodianB, clientId: clientB2, input: { text: "Isolation goal" } });
  const { stepId: stepB } = await addStep({ actor: custodianB, clientId: clientB2, input: { goalId: goalB2, text: "Isolation step", owner: "PARTNER", partnerOrganizationId: orgC.id, dueOn: isoDay(5) } });
  await createAuthorization(custodianB, clientB2, { recipientIds: [orgC.id], categories: ["CARE_PLAN"] });

  return { ...w, orgC, staffA, careManagerB, directorC, other, orgX, directorX, clientA, clientB, stepB, authorizationA, authorizationB, referralA, referralB, conferenceA, conferenceB, graduationB, teamMemberB, planB, goalB, measureX, serviceX, salX, assetX, inviteB, apiKeyB, endpointB, apiKeyA, pathwayServiceB, externalReferralB };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

// ------------------------------------------------------------------------------------------------
// Fixtures: how to make a foreign record (and an own one) for each route param.

type Fixture =
  /** `foreign`: of another organization or coalition. `own`: of A, for roles without `permission`. */
  | { kind: "record"; permission: Permission | null; foreign: (w: World) => string; own?: (w: World) => string }
  /** Not an organization's record: an unknown value must answer 404. */
  | { kind: "shared"; why: string; probe: string }
  | { kind: "not-an-id"; why: string };

const FIXTURES: Record<string, Fixture> = {
  clientId: { kind: "record", permission: "clients:read", foreign: (w) => w.clientB, own: (w) => w.clientA },
  authorizationId: { kind: "record", permission: "clients:read", foreign: (w) => w.authorizationB, own: (w) => w.authorizationA },
  referralId: { kind: "record", permission: "referrals:send", foreign: (w) => w.referralB.id, own: (w) => w.referralA.id },
  conferenceId: { kind: "record", permission: "conferences:join", foreign: (w) => w.conferenceB.id, own: (w) => w.conferenceA.id },
  graduationId: { kind: "record", permission: "care:read", foreign: (w) => w.graduationB },
  // Measures and the directory are shared by a coalition: the boundary is the other coalition.
  measureId: { kind: "record", permission: null, foreign: (w) => w.measureX.id },
  assetId: { kind: "record", permission: null, foreign: (w) => w.assetX.id },
  "organizations.$id": { kind: "record", permission: null, foreign: (w) => w.orgX.id },
  "services.$id": { kind: "record", permission: null, foreign: (w) => w.serviceX.id },
  "service_at_locations.$id": { kind: "record", permission: null, foreign: (w) => w.salX.id },
  "Consent.$id": { kind: "record", permission: null, foreign: (w) => w.authorizationB },
  "Task.$id": { kind: "record", permission: null, foreign: (w) => w.referralB.id },
  "ServiceRequest.$id": { kind: "record", permission: null, foreign: (w) => w.referralB.id },
  "CarePlan.$id": { kind: "record", permission: null, foreign: (w) => w.planB },
  "Goal.$id": { kind: "record", permission: null, foreign: (w) => w.goalB },
  // Referral pathways (issue #16): B's service's pathway page for directors, B's intake for receivers.
  serviceId: { kind: "record", permission: "directory:edit", foreign: (w) => w.pathwayServiceB.id },
  externalReferralId: { kind: "record", permission: "referrals:receive", foreign: (w) => w.externalReferralB.id },
  slug: { kind: "not-an-id", why: "a published pathway's public page: no organization's private record (an unpublished or unknown slug is a 404; pathway.test.ts)" },
  "taxonomies.$id": { kind: "shared", why: "the SDOH taxonomy is one public code list", probe: "00000000-0000-4000-8000-000000000000" },
  "taxonomy_terms.$id": { kind: "shared", why: "the SDOH taxonomy's terms are one public code list", probe: "00000000-0000-4000-8000-000000000000" },
  file: { kind: "not-an-id", why: "a file name from a fixed list; the export's coalition scoping is tested in hsds-import-export.test.ts" },
  token: { kind: "not-an-id", why: "a bearer secret (an invitation, a practice's referral link), not a record id; tested in the invitation tests and pathway.test.ts (unknown, revoked and expired links answer alike)" },
  "*": { kind: "not-an-id", why: "the catch-all 404 page" },
};

/**
 * Id-taking form fields of the modules' zod schemas, and where the matrix posts them. A new
 * `somethingId: z.string().uuid()` in a schema fails the guard test until it is listed here.
 */
type FormCase = { route: string; intent: string; fields: (w: World) => Record<string, string> };
const FORM_ID_FIELDS: Record<string, FormCase[] | { why: string }> = {
  inviteId: [{ route: "_app.organization.people", intent: "revoke-invite", fields: (w) => ({ inviteId: w.inviteB.id }) }],
  apiKeyId: [{ route: "_app.organization.api-keys", intent: "revoke-key", fields: (w) => ({ apiKeyId: w.apiKeyB.id }) }],
  endpointId: [
    { route: "_app.organization.webhooks", intent: "revoke", fields: (w) => ({ endpointId: w.endpointB.id }) },
    { route: "_app.organization.webhooks", intent: "test", fields: (w) => ({ endpointId: w.endpointB.id }) },
  ],
  organizationId: [
    { route: "organization.switch", intent: "", fields: (w) => ({ organizationId: w.orgB.id }) },
    { route: "_app.coalition.settings", intent: "remove-organization", fields: (w) => ({ organizationId: w.orgX.id }) },
  ],
  clientId: [{ route: "_app.referrals.new", intent: "send", fields: (w) => ({ ...sendFields(w), clientId: w.clientB }) }],
  recipientOrganizationId: [{ route: "_app.referrals.new", intent: "send", fields: (w) => ({ ...sendFields(w), clientId: w.clientA, recipientOrganizationId: w.orgX.id }) }],
  authorizationId: [{ route: "_app.clients.$clientId._index", intent: "revoke", fields: (w) => ({ authorizationId: w.authorizationB, receivedVia: "MAIL" }) }],
  // A referral keeps the map asset it came from only when it is an asset of its own coalition (sendReferral's INSERT selects it there). The plan's peer support (ADR 101): another coalition's group is a 400 on the field.
  assetId: [{ route: "_app.clients.$clientId.plan", intent: "connect-peer-support", fields: (w) => ({ goalId: crypto.randomUUID(), assetId: w.assetX.id, text: "isolation probe", dueOn: "2030-01-01" }) }],
  measureId: { why: "the aims forms pick measures of the actor's own coalition; a foreign measureId is covered through $measureId and by createAim's coalition check" },
  reporterIds: { why: "organizations named as reporters must be active members of the coalition (memberOrganizationIds in aims/service.server.ts)" },
  contributorIds: { why: "as reporterIds" },
  organizationIds: { why: "conference invitations: only partner organizations of the coalition (scheduleConference counts coalition members)" },
  recipientIds: { why: "an authorization may name any partner organization: naming is not reading" },
  vignetteId: { why: "vignettes live under $conferenceId, whose isolation this matrix covers; authorship is tested in conference-routes.test.ts" },
  ownerOrganizationId: [{ route: "_app.partners_.workspace", intent: "add-next-step", fields: (w) => ({ what: "isolation probe", ownerName: "Someone", ownerOrganizationId: w.orgX.id, dueDate: "2030-01-01" }) }],
  aboutOrganizationId: [{ route: "_app.partners_.workspace", intent: "add-next-step", fields: (w) => ({ what: "isolation probe", ownerName: "Someone", ownerOrganizationId: w.orgA.id, aboutOrganizationId: w.orgX.id, dueDate: "2030-01-01" }) }],
  nextStepId: { why: "marked done only by the owner's organization (conference-routes.test.ts)" },
  conferenceId: { why: "socket payloads: isolation over sockets is tested in tests/e2e/realtime.test.ts" },
  serviceId: { why: "directory services are shared within the coalition; editing another organization's service is a 404 (directory-actions.test.ts)" },
  locationId: { why: "another service's or organization's location is a 404 (directory-actions.test.ts)" },
  taxonomy_term_id: { why: "HSDS import: public code list" },
  taxonomy_id: { why: "HSDS import: public code list" },
  organization_id: { why: "HSDS import: an external id naming the source organization; imports belong to the importer's organization (hsds-import-export.test.ts)" },
  parent_id: { why: "HSDS import: public code list" },
  careManagerId: { why: "care plan: must be an active care manager or director of the actor's own organization, or a 400 (reassignCareManager; app/modules/care/service.test.ts)" },
  goalId: { why: "care plan: looked up only within the plan of the route's $clientId, a client of the actor's organization (covered through $clientId; care/service.test.ts)" },
  externalReferralId: { why: "the intake page's route param (ExternalReferralIdSchema), not a form field: covered by the $externalReferralId fixture" },
  linkId: { why: "a practice link is revoked only by its organization's director; another organization's is a 404 (app/modules/pathway/pathway.test.ts)" },
  // On the plan page, as goalId; on a partner's task list (ADR 101), only the partner's own steps under consent.
  stepId: [{ route: "_app.care-steps", intent: "partner-step-done", fields: (w) => ({ stepId: w.stepB, note: "isolation probe" }) }],
  graduationId: [{ route: "_app.clients.$clientId.plan", intent: "resend-summary", fields: (w) => ({ graduationId: w.graduationB }) }],
  // The care team (ADR 100): a member's organization must be the client's own or one its authorizations name for the care plan (a 400 on the field);
  // another client's member is not found within the route's $clientId (a 400), and the foreign client itself is a 404 through $clientId.
  memberOrganizationId: [{ route: "_app.clients.$clientId.plan", intent: "add-team-member", fields: (w) => ({ memberOrganizationId: w.orgX.id, name: "isolation probe", role: "isolation probe" }) }],
  teamMemberId: [{ route: "_app.clients.$clientId.plan", intent: "remove-team-member", fields: (w) => ({ teamMemberId: w.teamMemberB, confirm: "yes" }) }],
};

function sendFields(w: World) {
  return { recipientOrganizationId: w.orgB.id, sdohCodes: "food-insecurity", priority: "ROUTINE", categories: "SOCIAL_NEEDS", idempotencyKey: crypto.randomUUID(), note: "isolation probe" };
}

// ------------------------------------------------------------------------------------------------
// Roles of organization A.

type Role = { name: string; permissions: ReadonlySet<Permission>; api: boolean; request: (method: "GET" | "POST", url: string, fields?: Record<string, string>) => Request };

async function rolesOf(w: World): Promise<Role[]> {
  const session = async (name: string, email: string, permissions: ReadonlySet<Permission>): Promise<Role> => {
    const as = await signedInRequester(email);
    return { name, permissions, api: false, request: (method, url, fields) => (method === "GET" ? as.get(url) : as.post(url, fields ?? {})) };
  };
  const apiKey: Role = {
    name: "API key",
    permissions: new Set(),
    api: true,
    request: (method, url, fields) =>
      new Request(`http://localhost${url}`, { method, headers: { authorization: `Bearer ${w.apiKeyA}`, ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}) }, body: method === "POST" ? new URLSearchParams(fields ?? {}) : undefined }),
  };
  return [
    await session("director", w.directorA.email, permissionsFor({ role: "DIRECTOR", isConvener: false })),
    await session("care manager", w.careManagerA.email, permissionsFor({ role: "CARE_MANAGER", isConvener: false })),
    await session("staff", w.staffA.email, permissionsFor({ role: "STAFF", isConvener: false })),
    await session("convener", w.convener.email, permissionsFor({ role: "VIEWER", isConvener: true })),
    apiKey,
  ];
}

// ------------------------------------------------------------------------------------------------
// Nothing written: every table but the audit trail (refusals are recorded there, on purpose),
// sessions and API keys (sign-in and last use), hashed in one statement before and after.

async function snapshotSql() {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('AuditEvent', 'Session', 'ApiKey', '_prisma_migrations') AND table_name NOT LIKE 'socket_io%'
    ORDER BY table_name`;
  return tables.map((t) => `SELECT '${t.name}' AS name, (SELECT count(*)::int FROM "${t.name}") AS rows, (SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) FROM "${t.name}" x) AS hash`).join(" UNION ALL ");
}
async function snapshot(sql: string) {
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(sql);
  return new Map(rows.map((r) => [r.name, `${r.rows}:${r.hash}`]));
}

// ------------------------------------------------------------------------------------------------

const INTENT_PATTERNS = [/intent === "([\w-]+)"/g, /case "([\w-]+)"/g, /intent: z\.literal\("([\w-]+)"\)/g];
let schemaSources: string | null = null;
function allSchemaSources() {
  if (schemaSources === null) {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/schemas?\.ts$/.test(entry.name)) texts.push(fs.readFileSync(file, "utf8"));
      }
    };
    walk(path.resolve("app/modules"));
    schemaSources = texts.join("\n");
  }
  return schemaSources;
}

/** The intents an action answers: named in the route file, or by the module schemas it uses. */
function intentsOf(file: string): string[] {
  const source = fs.readFileSync(path.resolve("app/routes", `${file}.tsx`), "utf8");
  const found = new Set<string>();
  for (const pattern of INTENT_PATTERNS) for (const m of source.matchAll(pattern)) if (m[1] !== "string") found.add(m[1]);
  for (const [, schema] of source.matchAll(/\b(\w+Schema)\b/g)) {
    const definition = new RegExp(`${schema}\\s*=[\\s\\S]{0,200}?intent: z\\.literal\\("([\\w-]+)"\\)`).exec(allSchemaSources());
    if (definition) found.add(definition[1]);
  }
  return found.size ? [...found] : [""];
}

/** Fields that get an action past its form parsing to the record lookup, whichever intent. */
const plausibleFields = (w: World) => ({
  // An authorization form that parses (the authorize page), then fields other forms need.
  ...Object.fromEntries(Object.entries(authorizationInput({ recipientIds: [w.orgB.id], categories: ["SOCIAL_NEEDS"] })).filter(([, v]) => v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)])),
  authorizationId: w.authorizationB, vignetteId: crypto.randomUUID(), nextStepId: crypto.randomUUID(), baselinePoints: "12", csv: "period,value\n2026-01-01,1", body: "isolation probe", version: "1", to: "ACCEPTED", seq: "1", period: "2026-01-01", value: "1", label: "isolation probe", kind: "EVENT", title: "isolation probe", reason: "", field: "situation", type: "PHONE", text: "555-0100", receivedVia: "MAIL" });

type Attempt = { route: string; role: string; method: string; intent: string; records: string; status: number; wrote: string[]; error?: string };
const attempts: Attempt[] = [];
const routesTried = new Set<string>();
const rolesTried = new Set<string>();

async function attempt(w: World, sql: string, a: Omit<Attempt, "status" | "wrote">, run: () => Promise<unknown>) {
  const before = await snapshot(sql);
  let status: number;
  let error: string | undefined;
  try {
    status = (await settle(run)).status;
  } catch (thrown) {
    status = 500;
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  const after = await snapshot(sql);
  const wrote = [...after.keys()].filter((t) => before.get(t) !== after.get(t));
  attempts.push({ ...a, status, wrote, error });
  routesTried.add(a.route);
  rolesTried.add(a.role);
}

const DENIED = new Set([401, 403, 404]);
// An action may refuse the form before it looks the record up (400): nothing is read or written.
const DENIED_ACTION = new Set([400, 401, 403, 404]);
const leaks = () => attempts.filter((a) => !(a.method === "GET" ? DENIED : DENIED_ACTION).has(a.status) || a.wrote.length > 0);

afterAll(() => {
  if (process.env.ISOLATION_MATRIX_VERBOSE) for (const a of attempts) process.stdout.write(`${a.status} ${a.method} ${a.route} ${a.role} [${a.records}] ${a.intent}\n`);
  const refusedAtValidation = attempts.filter((a) => a.status === 400).length;
  process.stdout.write(`\nisolation matrix: ${attempts.length} attempts over ${routesTried.size} routes × ${rolesTried.size} roles, ${leaks().length} leaks (${refusedAtValidation} action posts refused at validation)\n`);
});

describe("isolation matrix", () => {
  it("knows how to make a record for every route param (a new $param needs a fixture)", () => {
    const missing = ROUTES.flatMap((file) => paramsOf(file).filter((p) => !FIXTURES[p.key]).map((p) => `add a fixture for $${p.name} (${file}.tsx, key "${p.key}")`));
    expect(missing).toEqual([]);
  });

  it("knows every id-taking form field of the modules' schemas (a new one needs a case or a reason)", () => {
    const fields = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/schemas?\.ts$/.test(entry.name)) for (const m of fs.readFileSync(file, "utf8").matchAll(/(\w+(?:Id|Ids|_id))\s*:[^\n]*uuid/g)) fields.add(m[1]);
      }
    };
    walk(path.resolve("app/modules"));
    const missing = [...fields].filter((f) => !FORM_ID_FIELDS[f]).map((f) => `add a fixture for form field ${f}`);
    expect(missing).toEqual([]);
  });

  it("every route with an id × every role × another organization's records: 401/403/404, nothing written", async () => {
    const w = await buildWorld();
    const roles = await rolesOf(w);
    const sql = await snapshotSql();

    for (const file of ROUTES) {
      const params = paramsOf(file);
      if (!params.length || params.some((p) => FIXTURES[p.key]?.kind === "not-an-id")) continue;
      const mod = await ROUTE_MODULES[`../../app/routes/${file}.tsx`]();
      const isApi = file.startsWith("api.");
      const fixtures = params.map((p) => ({ ...p, fixture: FIXTURES[p.key] }));

      // Which records to try: all foreign; each param foreign with the others A's own (id confusion);
      // all A's own for the roles without the permission those records need.
      const sets: { label: string; values: Record<string, string>; onlyRoles?: (r: Role) => boolean }[] = [];
      const foreignOf = (f: (typeof fixtures)[number]) => (f.fixture.kind === "record" ? f.fixture.foreign(w) : f.fixture.kind === "shared" ? f.fixture.probe : "");
      const ownOf = (f: (typeof fixtures)[number]) => (f.fixture.kind === "record" && f.fixture.own ? f.fixture.own(w) : null);
      sets.push({ label: "foreign", values: Object.fromEntries(fixtures.map((f) => [f.name, foreignOf(f)])) });
      if (fixtures.length > 1 && fixtures.every((f) => ownOf(f))) {
        for (const f of fixtures) sets.push({ label: `foreign ${f.name}, own others`, values: Object.fromEntries(fixtures.map((g) => [g.name, g === f ? foreignOf(g) : ownOf(g)!])) });
      }
      const needed = fixtures.flatMap((f) => (f.fixture.kind === "record" && f.fixture.permission ? [f.fixture.permission] : []));
      if (needed.length && fixtures.every((f) => ownOf(f))) {
        sets.push({ label: "own, without permission", values: Object.fromEntries(fixtures.map((f) => [f.name, ownOf(f)!])), onlyRoles: (r) => !r.api && needed.some((p) => !r.permissions.has(p)) });
      }

      for (const set of sets) {
        for (const role of roles) {
          if (role.api && !isApi) continue;
          if (set.onlyRoles && !set.onlyRoles(role)) continue;
          const url = urlOf(file, set.values);
          const base = { route: file, role: role.name, records: set.label };
          if (mod.loader) await attempt(w, sql, { ...base, method: "GET", intent: "" }, () => mod.loader!({ request: role.request("GET", url), params: set.values, context: {} }));
          if (mod.action) {
            for (const intent of intentsOf(file)) {
              // Form fields named like the route's params carry the same ids (forms that repeat the id).
              const fields = { ...plausibleFields(w), ...set.values, ...(intent ? { intent } : {}) };
              await attempt(w, sql, { ...base, method: "POST", intent }, () => mod.action!({ request: role.request("POST", url, fields), params: set.values, context: {} }));
            }
          }
        }
      }
    }

    // Ids in form fields, on routes without a $param for them.
    for (const [field, cases] of Object.entries(FORM_ID_FIELDS)) {
      if (!Array.isArray(cases)) continue;
      for (const c of cases) {
        const mod = await ROUTE_MODULES[`../../app/routes/${c.route}.tsx`]();
        expect(mod.action, `${c.route} has an action`).toBeTypeOf("function");
        const params = Object.fromEntries(paramsOf(c.route).map((p) => [p.name, p.name === "clientId" ? w.clientA : ""]));
        for (const role of roles) {
          if (role.api) continue;
          const fields = { ...c.fields(w), ...(c.intent ? { intent: c.intent } : {}) };
          await attempt(w, sql, { route: c.route, role: role.name, method: "POST", intent: `${c.intent || "(none)"} ${field}`, records: "foreign (form field)" }, () =>
            mod.action!({ request: role.request("POST", urlOf(c.route, params), fields), params, context: {} }),
          );
        }
      }
    }

    const bad = leaks().map((a) => `${a.method} ${a.route} as ${a.role} [${a.records}${a.intent ? `, intent ${a.intent}` : ""}] → ${a.status}${a.wrote.length ? `, wrote ${a.wrote.join(", ")}` : ""}${a.error ? ` (${a.error})` : ""}`);
    expect(bad).toEqual([]);
    expect(routesTried.size).toBeGreaterThanOrEqual(20);
  }, 600_000);
});
