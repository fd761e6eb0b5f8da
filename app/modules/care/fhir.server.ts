/**
 * Care plans and goals as FHIR R4 resources for partners' systems (issue #15, ADR 102): each client's
 * plan is one US Core CarePlan (assess-plan) and each goal one SDOHCC-Goal, read-only, for
 * organization API keys, under the same consent rule as the plan page (queries.server.ts): the
 * client's own organization sees its clients' plans; another organization sees a client's plan and
 * goals only while an authorization covering "Care plan and goals" names it — decided by THE
 * consent decision (`authorizeDisclosure`), which audits it and records the disclosure. Anyone else
 * gets a 404 (read) or an empty Bundle (search). A partner names the client (`patient=`): a shared
 * plan is disclosed one decided, recorded client at a time, never swept up by an open search.
 *
 * What leaves: the goals in the client's own words (that is what "Care plan and goals" authorizes)
 * and the plan's dates and status. Never the client's name or identifiers (the person is
 * `Patient/{id}`, the hub's opaque id), nor the care team's notes, contacts or assessment.
 */
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { authorizeDisclosure } from "~/modules/consent/decision.server";
import { DEFAULT_COUNT, MAX_COUNT, decodeCursor, encodeCursor, isRecordId } from "~/modules/referral/fhir.server";
import type { Actor } from "~/modules/auth/actor";
import { careContext, decryptCare } from "./encryption.server";
import type { EnrollmentStatus, GoalStatus } from "./schemas";
import { isoDay } from "./dates";

// ---------------------------------------------------------------------------------------------
// R4 shapes (the parts used; the installed @types/fhir describes STU3)

type Coding = { system?: string; code?: string; display?: string };
type CodeableConcept = { coding?: Coding[]; text?: string };
type Reference = { reference: string; display?: string };

export type FhirCarePlan = {
  resourceType: "CarePlan";
  id: string;
  meta: { lastUpdated: string; profile: string[] };
  text: { status: "generated"; div: string };
  status: "active" | "on-hold" | "revoked" | "completed" | "unknown";
  intent: "plan";
  category: CodeableConcept[];
  title: string;
  subject: Reference;
  period?: { start: string; end?: string };
  created: string;
  author: Reference;
  goal: Reference[];
};

export type FhirGoal = {
  resourceType: "Goal";
  id: string;
  meta: { lastUpdated: string; profile: string[] };
  lifecycleStatus: "active" | "completed" | "cancelled" | "on-hold";
  achievementStatus: CodeableConcept;
  description: { text: string };
  subject: Reference;
  startDate: string;
  expressedBy: Reference;
  statusDate?: string;
  statusReason?: string;
  extension?: { url: string; valueInteger: number }[];
};

export type FhirSearchBundle<R> = {
  resourceType: "Bundle";
  type: "searchset";
  total: number;
  link: { relation: "self" | "next"; url: string }[];
  entry: { fullUrl: string; resource: R; search: { mode: "match" } }[];
};

export const US_CORE_CAREPLAN_PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan";
export const SDOHCC_GOAL_PROFILE = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-Goal";
export const CAREPLAN_CATEGORY_SYSTEM = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";
export const GOAL_ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement";
/** The client's own priority order (1 first): no standard element says "the patient's ranking". */
export const HUB_GOAL_PRIORITY_EXTENSION = "urn:coalition-hub:goal-client-priority";

/** The plan's status is its enrollment's (the client's organization's current decision). No decision: unknown. */
export const CAREPLAN_STATUS: Record<EnrollmentStatus, FhirCarePlan["status"]> = {
  ENROLLED: "active",
  GRADUATED: "completed",
  // "Care is there when you are ready": paused, not ended.
  DECLINED_FOR_NOW: "on-hold",
  NOT_A_GOOD_FIT: "revoked",
};

/** A goal is achieved, changed (replaced by a new one) or set aside, never deleted (ADR 096). */
export const GOAL_STATUS: Record<GoalStatus, { lifecycle: FhirGoal["lifecycleStatus"]; achievement: string; display: string }> = {
  ACTIVE: { lifecycle: "active", achievement: "in-progress", display: "In Progress" },
  ACHIEVED: { lifecycle: "completed", achievement: "achieved", display: "Achieved" },
  CHANGED: { lifecycle: "cancelled", achievement: "not-achieved", display: "Not Achieved" },
  SET_ASIDE: { lifecycle: "on-hold", achievement: "no-progress", display: "No Progress" },
};

// ---------------------------------------------------------------------------------------------
// Pure mapping

export type PlanForFhir = {
  id: string;
  clientId: string;
  createdAt: Date;
  updatedAt: Date;
  lastReviewedOn: Date | null;
  organization: { id: string; name: string };
  enrollment: { status: EnrollmentStatus; enrolledOn: Date | null; graduatedOn: Date | null } | null;
  /** In the client's priority order. */
  goals: { id: string; status: GoalStatus; priority: number }[];
};

export function toFhirCarePlan(p: PlanForFhir): FhirCarePlan {
  const active = p.goals.filter((g) => g.status === "ACTIVE").length;
  const reviewed = p.lastReviewedOn ? ` Last reviewed with the client on ${isoDay(p.lastReviewedOn)}.` : " Not yet reviewed with the client.";
  const start = p.enrollment?.enrolledOn;
  return {
    resourceType: "CarePlan",
    id: p.id,
    meta: { lastUpdated: p.updatedAt.toISOString(), profile: [US_CORE_CAREPLAN_PROFILE] },
    // US Core requires a narrative; this one says what the plan holds without a word of the client's.
    text: { status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>Care plan co-created with the client: ${active} active goal${active === 1 ? "" : "s"} of ${p.goals.length}.${reviewed}</p></div>` },
    status: p.enrollment ? CAREPLAN_STATUS[p.enrollment.status] : "unknown",
    intent: "plan",
    category: [{ coding: [{ system: CAREPLAN_CATEGORY_SYSTEM, code: "assess-plan", display: "Assessment and Plan of Treatment" }] }],
    title: "Care plan co-created with the client",
    subject: { reference: `Patient/${p.clientId}` },
    ...(start ? { period: { start: isoDay(start), ...(p.enrollment?.graduatedOn ? { end: isoDay(p.enrollment.graduatedOn) } : {}) } } : {}),
    created: p.createdAt.toISOString(),
    author: { reference: `Organization/${p.organization.id}`, display: p.organization.name },
    goal: p.goals.map((g) => ({ reference: `Goal/${g.id}` })),
  };
}

export type GoalForFhir = {
  id: string;
  clientId: string;
  text: string;
  status: GoalStatus;
  priority: number;
  statusChangedOn: Date | null;
  replacedById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toFhirGoal(g: GoalForFhir): FhirGoal {
  const s = GOAL_STATUS[g.status];
  return {
    resourceType: "Goal",
    id: g.id,
    meta: { lastUpdated: g.updatedAt.toISOString(), profile: [SDOHCC_GOAL_PROFILE] },
    lifecycleStatus: s.lifecycle,
    achievementStatus: { coding: [{ system: GOAL_ACHIEVEMENT_SYSTEM, code: s.achievement, display: s.display }] },
    description: { text: g.text },
    subject: { reference: `Patient/${g.clientId}` },
    startDate: isoDay(g.createdAt),
    // The goals are the client's own, in their words (issue #15).
    expressedBy: { reference: `Patient/${g.clientId}` },
    ...(g.statusChangedOn ? { statusDate: isoDay(g.statusChangedOn) } : {}),
    ...(g.status === "CHANGED" ? { statusReason: g.replacedById ? `Changed by the client: replaced by Goal/${g.replacedById}` : "Changed by the client" } : {}),
    ...(g.status === "SET_ASIDE" ? { statusReason: "Set aside by the client for now" } : {}),
    extension: [{ url: HUB_GOAL_PRIORITY_EXTENSION, valueInteger: g.priority }],
  };
}

// ---------------------------------------------------------------------------------------------
// Search parameters (pure)

export type CareSearch = { patientId: string | null; statuses: string[][]; count: number; cursor: { updatedAt: Date; id: string } | null };
export type ParsedCareSearch = { ok: true; search: CareSearch } | { ok: false; param: string; message: string };

const SEARCHES = {
  CarePlan: { statusParam: "status", codes: ["active", "on-hold", "revoked", "completed", "unknown"] },
  Goal: { statusParam: "lifecycle-status", codes: ["active", "completed", "cancelled", "on-hold"] },
} as const;
export type CareResource = keyof typeof SEARCHES;

/** Any unknown or malformed parameter is refused with its name (never ignored silently). */
export function parseCareSearch(resource: CareResource, params: URLSearchParams): ParsedCareSearch {
  const { statusParam, codes } = SEARCHES[resource];
  const search: CareSearch = { patientId: null, statuses: [], count: DEFAULT_COUNT, cursor: null };
  const fail = (param: string, message: string): ParsedCareSearch => ({ ok: false, param, message });
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (name === "patient" || name === "subject") {
      const id = value.replace(/^Patient\//, "");
      if (search.patientId !== null) return fail(name, `${name} may be given once.`);
      if (!isRecordId(id)) return fail(name, `${name} takes one Patient/<id>.`);
      search.patientId = id.toLowerCase();
    } else if (name === statusParam) {
      const values = value.split(",").map((v) => v.trim());
      if (!value || values.some((v) => !(codes as readonly string[]).includes(v))) return fail(name, `${name} takes FHIR ${resource} status codes: ${codes.join(", ")}.`);
      search.statuses.push(values);
    } else if (name === "_count") {
      if (!/^\d+$/.test(value) || +value > MAX_COUNT) return fail(name, `_count takes a whole number from 0 to ${MAX_COUNT}.`);
      search.count = +value;
    } else if (name === "_cursor") {
      const cursor = decodeCursor(value);
      if (!cursor) return fail(name, "_cursor is not one this server gave out: follow the Bundle's next link.");
      search.cursor = cursor;
    } else if (name === "_format") {
      if (!/^(json|application\/(fhir\+)?json)$/.test(value)) return fail(name, "Only JSON is served (_format=json).");
    } else {
      return fail(name, `Unknown search parameter "${name}". Supported: patient, ${statusParam}, _count.`);
    }
  }
  return { ok: true, search };
}

// ---------------------------------------------------------------------------------------------
// Access: the plan page's rule, through the one consent decision

type Access = { custodianId: string | null; basis: "own" | "authorization" | null };

/**
 * Whether the key's organization may see this client's plan now (`basis` null: no), and whose client
 * it is (the custodian, for the audit trail). A partner's answer is decided and recorded by authorizeDisclosure.
 */
async function accessTo(clientId: string, requester: Actor<"apiKey">, resource: CareResource): Promise<Access> {
  const client = await db.client.findFirst({ where: { id: clientId, deletedAt: null }, select: { organizationId: true } });
  if (!client) return { custodianId: null, basis: null };
  const custodianId = client.organizationId;
  if (custodianId === requester.organizationId) return { custodianId, basis: "own" };
  const decision = await authorizeDisclosure({ clientId, recipientOrganizationId: requester.organizationId, categories: ["CARE_PLAN"], channel: resource === "CarePlan" ? "fhir.care_plan" : "fhir.goal", actor: requester });
  return { custodianId, basis: decision.grantedCategories.includes("CARE_PLAN") ? "authorization" : null };
}

async function audit(requester: Actor<"apiKey">, action: string, clientId: string | null, custodianId: string | null, metadata: Record<string, unknown>) {
  await recordAuditEvent({
    action,
    subjectType: "Client",
    subjectId: clientId,
    // The custodian's trail when there is one: the client's organization sees who read its client's plan.
    organizationId: custodianId ?? requester.organizationId,
    metadata: { ...metadata, apiKeyId: requester.apiKeyId, requesterOrganizationId: requester.organizationId },
    request: requester.request,
  });
}

// ---------------------------------------------------------------------------------------------
// Queries

const planInclude = (organizationId: string) =>
  ({
    goals: { select: { id: true, status: true, priority: true }, orderBy: [{ priority: "asc" }, { createdAt: "asc" }] },
    client: { select: { enrollments: { where: { current: true, organizationId }, select: { status: true, enrolledOn: true, graduatedOn: true }, take: 1 } } },
  }) satisfies Prisma.CarePlanInclude;
type PlanRow = Prisma.CarePlanGetPayload<{ include: ReturnType<typeof planInclude> }>;

const planForFhir = (row: PlanRow, organization: { id: string; name: string }): PlanForFhir => ({ ...row, organization, enrollment: row.client.enrollments[0] ?? null });

const goalSelect = { id: true, textCipher: true, status: true, priority: true, statusChangedOn: true, replacedById: true, createdAt: true, updatedAt: true, plan: { select: { clientId: true } } } satisfies Prisma.CareGoalSelect;
type GoalRow = Prisma.CareGoalGetPayload<{ select: typeof goalSelect }>;
const goalForFhir = (g: GoalRow): GoalForFhir => ({ ...g, clientId: g.plan.clientId, text: decryptCare(g.textCipher, careContext("CareGoal.text", g.id)) });

const organizationOf = (id: string) => db.organization.findUniqueOrThrow({ where: { id }, select: { id: true, name: true } });

export async function readFhirCarePlan({ id, requester }: { id: string; requester: Actor<"apiKey"> }): Promise<FhirCarePlan | null> {
  const plan = isRecordId(id) ? await db.carePlan.findUnique({ where: { id: id.toLowerCase() }, select: { clientId: true } }) : null;
  const access = plan ? await accessTo(plan.clientId, requester, "CarePlan") : null;
  await audit(requester, access?.basis ? "care.fhir_read" : "care.fhir_read_refused", plan?.clientId ?? null, access?.custodianId ?? null, { resource: "CarePlan", id, basis: access?.basis ?? null });
  if (!plan || !access?.basis || !access.custodianId) return null;
  const row = await db.carePlan.findUniqueOrThrow({ where: { id: id.toLowerCase() }, include: planInclude(access.custodianId) });
  return toFhirCarePlan(planForFhir(row, await organizationOf(access.custodianId)));
}

export async function readFhirGoal({ id, requester }: { id: string; requester: Actor<"apiKey"> }): Promise<FhirGoal | null> {
  const goal = isRecordId(id) ? await db.careGoal.findUnique({ where: { id: id.toLowerCase() }, select: goalSelect }) : null;
  const access = goal ? await accessTo(goal.plan.clientId, requester, "Goal") : null;
  await audit(requester, access?.basis ? "care.fhir_read" : "care.fhir_read_refused", goal?.plan.clientId ?? null, access?.custodianId ?? null, { resource: "Goal", id, basis: access?.basis ?? null });
  return goal && access?.basis ? toFhirGoal(goalForFhir(goal)) : null;
}

/** The clients a search covers: the key's organization's own, or the one named patient it may see (null: nothing). */
async function searchScope(search: CareSearch, requester: Actor<"apiKey">, resource: CareResource) {
  if (!search.patientId) return { organizationId: requester.organizationId, client: { organizationId: requester.organizationId, deletedAt: null } satisfies Prisma.ClientWhereInput };
  const { basis, custodianId } = await accessTo(search.patientId, requester, resource);
  return basis && custodianId ? { organizationId: custodianId, client: { id: search.patientId, organizationId: custodianId, deletedAt: null } satisfies Prisma.ClientWhereInput } : null;
}

const FROM_PLAN_STATUS = (organizationId: string, code: string): Prisma.ClientWhereInput => {
  if (code === "unknown") return { enrollments: { none: { current: true, organizationId } } };
  const status = (Object.keys(CAREPLAN_STATUS) as EnrollmentStatus[]).find((s) => CAREPLAN_STATUS[s] === code)!;
  return { enrollments: { some: { current: true, organizationId, status } } };
};
const FROM_GOAL_STATUS = (code: string) => (Object.keys(GOAL_STATUS) as GoalStatus[]).filter((s) => GOAL_STATUS[s].lifecycle === code);

/** Keyset paging on (updatedAt, id), oldest change first, as the Task search (rows never shift between pages). */
const after = (cursor: CareSearch["cursor"]) => (cursor ? { OR: [{ updatedAt: { gt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { gt: cursor.id } }] } : {});

function bundle<R extends { id: string }>(selfUrl: string, total: number, rows: { updatedAt: Date; id: string }[], resources: R[], count: number): FhirSearchBundle<R> {
  const link: FhirSearchBundle<R>["link"] = [{ relation: "self", url: selfUrl }];
  if (rows.length > count) {
    const next = new URL(selfUrl);
    next.searchParams.set("_cursor", encodeCursor(rows[count - 1]));
    link.push({ relation: "next", url: next.toString() });
  }
  const base = selfUrl.replace(/\?.*$/, "");
  return { resourceType: "Bundle", type: "searchset", total, link, entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.id}`, resource, search: { mode: "match" } })) };
}

export async function searchFhirCarePlans({ search, requester, selfUrl }: { search: CareSearch; requester: Actor<"apiKey">; selfUrl: string }): Promise<FhirSearchBundle<FhirCarePlan>> {
  const scope = await searchScope(search, requester, "CarePlan");
  if (!scope) {
    await audit(requester, "care.fhir_search_empty", search.patientId, null, { resource: "CarePlan", query: new URL(selfUrl).search });
    return bundle(selfUrl, 0, [], [], search.count);
  }
  const where: Prisma.CarePlanWhereInput = { client: { ...scope.client, AND: search.statuses.map((codes) => ({ OR: codes.map((c) => FROM_PLAN_STATUS(scope.organizationId, c)) })) } };
  const [total, rows, organization] = await Promise.all([
    db.carePlan.count({ where }),
    search.count === 0 ? Promise.resolve([]) : db.carePlan.findMany({ where: { AND: [where, after(search.cursor)] }, include: planInclude(scope.organizationId), orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: search.count + 1 }),
    organizationOf(scope.organizationId),
  ]);
  const shown = rows.slice(0, search.count);
  await audit(requester, "care.fhir_search", search.patientId, scope.organizationId, { resource: "CarePlan", query: new URL(selfUrl).search, returned: shown.map((r) => r.id), total });
  return bundle(selfUrl, total, rows, shown.map((r) => toFhirCarePlan(planForFhir(r, organization))), search.count);
}

export async function searchFhirGoals({ search, requester, selfUrl }: { search: CareSearch; requester: Actor<"apiKey">; selfUrl: string }): Promise<FhirSearchBundle<FhirGoal>> {
  const scope = await searchScope(search, requester, "Goal");
  if (!scope) {
    await audit(requester, "care.fhir_search_empty", search.patientId, null, { resource: "Goal", query: new URL(selfUrl).search });
    return bundle(selfUrl, 0, [], [], search.count);
  }
  const where: Prisma.CareGoalWhereInput = { plan: { client: scope.client }, AND: search.statuses.map((codes) => ({ status: { in: codes.flatMap(FROM_GOAL_STATUS) } })) };
  const [total, rows] = await Promise.all([
    db.careGoal.count({ where }),
    search.count === 0 ? Promise.resolve([]) : db.careGoal.findMany({ where: { AND: [where, after(search.cursor)] }, select: goalSelect, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: search.count + 1 }),
  ]);
  const shown = rows.slice(0, search.count);
  await audit(requester, "care.fhir_search", search.patientId, scope.organizationId, { resource: "Goal", query: new URL(selfUrl).search, returned: shown.map((r) => r.id), total });
  return bundle(selfUrl, total, rows, shown.map((g) => toFhirGoal(goalForFhir(g))), search.count);
}
