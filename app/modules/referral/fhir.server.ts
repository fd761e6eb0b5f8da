/**
 * Referrals as FHIR R4 resources shaped by the SDOH Clinical Care IG: each referral is one
 * SDOHCC-TaskForReferralManagement (the workflow) whose focus is one SDOHCC-ServiceRequest (what
 * is asked). Both carry the referral's id. Read-only, for organization API keys: an organization
 * sees the referrals it sent or received and nothing else (an unknown id and another
 * organization's id both answer 404), and every answer is recorded in the audit trail.
 *
 * No client details leave here: the person is `Patient/{id}` (the hub's opaque id), never a name,
 * birth date, contact, note or comment. See docs/decisions/051-fhir-task-api-and-web-hooks.md.
 *
 * The installed @types/fhir (3.0.x) describes STU3, which has no ServiceRequest and an older Task,
 * so the R4 shapes used are written out below.
 */
import { db, Prisma } from "~/utils/db.server";
import { z } from "zod";
import { boundedDateTime, DATE_MAX, DATE_MIN } from "~/utils/form-fields";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { GRAVITY_CATEGORIES, GRAVITY_CODE_SYSTEM } from "~/modules/sdoh/roll-up";
import { FHIR_TASK_STATUS, REFERRAL_STATUSES, type ReferralOutcome, type ReferralReason, type ReferralStatus } from "./state-machine";

// ---------------------------------------------------------------------------------------------
// R4 shapes (the parts used)

type Coding = { system?: string; code?: string; display?: string };
type CodeableConcept = { coding?: Coding[]; text?: string };
type Reference = { reference: string; display?: string };

export type FhirTask = {
  resourceType: "Task";
  id: string;
  meta: { versionId: string; lastUpdated: string; profile: string[] };
  status: string;
  statusReason?: CodeableConcept;
  intent: "order";
  priority: string;
  code: CodeableConcept;
  focus: Reference;
  for: Reference;
  authoredOn: string;
  lastModified: string;
  requester: Reference;
  owner: Reference;
  output?: { type: CodeableConcept; valueCodeableConcept: CodeableConcept }[];
};

export type FhirServiceRequest = {
  resourceType: "ServiceRequest";
  id: string;
  meta: { versionId: string; lastUpdated: string; profile: string[] };
  status: "draft" | "active" | "completed" | "revoked" | "entered-in-error";
  intent: "order";
  category: CodeableConcept[];
  priority: string;
  code: CodeableConcept;
  subject: Reference;
  authoredOn: string;
  requester: Reference;
  performer: Reference[];
};

export type FhirTaskBundle = {
  resourceType: "Bundle";
  type: "searchset";
  total: number;
  link: { relation: "self" | "next"; url: string }[];
  entry: { fullUrl: string; resource: FhirTask; search: { mode: "match" } }[];
};

const SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/";
export const SDOHCC_TASK_PROFILE = `${SDOHCC}SDOHCC-TaskForReferralManagement`;
export const SDOHCC_SERVICE_REQUEST_PROFILE = `${SDOHCC}SDOHCC-ServiceRequest`;
const TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
/** The hub's own codes for decline/failure reasons and outcomes (no standard value set fits). */
export const HUB_REASON_SYSTEM = "urn:coalition-hub:referral-reason";
export const HUB_OUTCOME_SYSTEM = "urn:coalition-hub:referral-outcome";

const REASON_DISPLAY: Record<ReferralReason, string> = {
  NOT_ELIGIBLE: "Not eligible",
  NO_CAPACITY: "No capacity",
  NOT_A_GOOD_FIT: "Not a good fit",
  COULD_NOT_CONTACT: "Could not contact",
  CLIENT_DECLINED: "Client declined",
  OTHER: "Other",
};
const OUTCOME_DISPLAY: Record<ReferralOutcome, string> = {
  GOT_HELP: "Got help",
  COULD_NOT_GET_HELP: "Could not get help",
  REFERRED_ELSEWHERE: "Referred elsewhere",
  OTHER: "Other",
};
const kebab = (code: string) => code.toLowerCase().replace(/_/g, "-");
const GRAVITY_DISPLAY = new Map<string, string>(GRAVITY_CATEGORIES.map((c) => [c.code, c.display]));

/** The statuses that carry Task.statusReason.text (the IG: rejected, cancelled, on-hold, failed). */
const WITH_REASON: readonly ReferralStatus[] = ["REJECTED", "CANCELLED", "ON_HOLD", "FAILED"];

/** ServiceRequest.status follows the Task: the request is active while the referral is open. */
export const SERVICE_REQUEST_STATUS: Record<ReferralStatus, FhirServiceRequest["status"]> = {
  DRAFT: "draft",
  REQUESTED: "active",
  ACCEPTED: "active",
  IN_PROGRESS: "active",
  // The receiver pausing its work does not suspend the sender's request (ServiceRequest.status is the requester's).
  ON_HOLD: "active",
  COMPLETED: "completed",
  REJECTED: "revoked",
  FAILED: "revoked",
  CANCELLED: "revoked",
  ENTERED_IN_ERROR: "entered-in-error",
};

// ---------------------------------------------------------------------------------------------
// Pure mapping

/** What the mapping reads from a referral row (and nothing about the client but its id). */
export type ReferralForFhir = {
  id: string;
  clientId: string;
  status: ReferralStatus;
  statusReason: ReferralReason | null;
  statusReasonText: string | null;
  outcome: ReferralOutcome | null;
  outcomeText: string | null;
  priority: string;
  sdohCodes: string[];
  version: number;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  sender: { id: string; name: string };
  recipient: { id: string; name: string };
  service: { name: string } | null;
};

const organization = (o: { id: string; name: string }): Reference => ({ reference: `Organization/${o.id}`, display: o.name });
const meta = (r: ReferralForFhir, profile: string) => ({ versionId: String(r.version), lastUpdated: r.updatedAt.toISOString(), profile: [profile] });

export function toFhirTask(r: ReferralForFhir): FhirTask {
  const task: FhirTask = {
    resourceType: "Task",
    id: r.id,
    meta: meta(r, SDOHCC_TASK_PROFILE),
    status: FHIR_TASK_STATUS[r.status],
    intent: "order",
    priority: r.priority.toLowerCase(),
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: "fulfill", display: "Fulfill the focal request" }] },
    focus: { reference: `ServiceRequest/${r.id}` },
    for: { reference: `Patient/${r.clientId}` },
    authoredOn: (r.sentAt ?? r.createdAt).toISOString(),
    lastModified: r.updatedAt.toISOString(),
    requester: organization(r.sender),
    owner: organization(r.recipient),
  };
  if (WITH_REASON.includes(r.status)) {
    const label = r.statusReason ? REASON_DISPLAY[r.statusReason] : null;
    task.statusReason = {
      ...(r.statusReason ? { coding: [{ system: HUB_REASON_SYSTEM, code: kebab(r.statusReason), display: label! }] } : {}),
      // The profile requires the text whenever there is a statusReason.
      text: [label, r.statusReasonText].filter(Boolean).join(": ") || "No reason recorded",
    };
  }
  if (r.status === "COMPLETED" && r.outcome) {
    task.output = [
      {
        // Not the profile's PerformedActivityCode slice (that wants a US Core procedure code, and the
        // outcome is not a procedure): the hub's own output type, allowed by the open slicing.
        type: { coding: [{ system: HUB_OUTCOME_SYSTEM, code: "outcome", display: "Referral outcome" }] },
        valueCodeableConcept: { coding: [{ system: HUB_OUTCOME_SYSTEM, code: kebab(r.outcome), display: OUTCOME_DISPLAY[r.outcome] }], ...(r.outcomeText ? { text: r.outcomeText } : { text: OUTCOME_DISPLAY[r.outcome] }) },
      },
    ];
  }
  return task;
}

export function toFhirServiceRequest(r: ReferralForFhir): FhirServiceRequest {
  const needs = r.sdohCodes.map((code) => GRAVITY_DISPLAY.get(code) ?? code);
  return {
    resourceType: "ServiceRequest",
    id: r.id,
    meta: meta(r, SDOHCC_SERVICE_REQUEST_PROFILE),
    status: SERVICE_REQUEST_STATUS[r.status],
    intent: "order",
    category: r.sdohCodes.map((code) => ({ coding: [{ system: GRAVITY_CODE_SYSTEM, code, display: GRAVITY_DISPLAY.get(code) ?? code }] })),
    priority: r.priority.toLowerCase(),
    // The service by name; with no service chosen, the needs themselves.
    code: { text: r.service?.name ?? `Help with: ${needs.join(", ") || "social needs"}` },
    subject: { reference: `Patient/${r.clientId}` },
    authoredOn: (r.sentAt ?? r.createdAt).toISOString(),
    requester: organization(r.sender),
    performer: [organization(r.recipient)],
  };
}

// ---------------------------------------------------------------------------------------------
// Search parameters (pure)

/** A cursor's instant comes back from the client: within the hub's calendar or refused. */
const BOUNDED_INSTANT = boundedDateTime("not an instant");
const DATE_MIN_YEAR = Number(DATE_MIN.slice(0, 4));
const DATE_MAX_YEAR = Number(DATE_MAX.slice(0, 4));
/** A record id as written (zod's UUID rule, any case, nothing trimmed): anything else names no referral. */
const RecordIdSchema = z.string().uuid();
export const isRecordId = (value: string) => RecordIdSchema.safeParse(value).success;
const ALLOWED = new Set(["owner", "requester", "status", "_lastUpdated", "_count", "_cursor", "_format"]);
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;
const FROM_FHIR = new Map<string, ReferralStatus>(REFERRAL_STATUSES.map((s) => [FHIR_TASK_STATUS[s], s]));

export type TaskSearch = {
  owner: string[][];
  requester: string[][];
  status: ReferralStatus[][];
  lastUpdated: { gte?: Date; lt?: Date }[];
  count: number;
  cursor: { updatedAt: Date; id: string } | null;
};

export type ParsedSearch = { ok: true; search: TaskSearch } | { ok: false; message: string };

/** A FHIR date/dateTime as the interval it names: [start, end). Dates without a time are UTC days. */
export function fhirInstantRange(value: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.exec(value);
  // Years the database and the hub's calendar take (1900-2100); "0000" or "9999" is not a search, it is a 500 waiting.
  if (!m || +m[1] < DATE_MIN_YEAR || +m[1] > DATE_MAX_YEAR) return null;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  if (h === undefined) {
    const start = new Date(Date.UTC(+y, mo ? +mo - 1 : 0, d ? +d : 1));
    const end = new Date(Date.UTC(+y + (mo ? 0 : 1), mo ? +mo - (d ? 1 : 0) : 0, d ? +d + 1 : 1));
    if (Number.isNaN(start.getTime()) || (mo && (+mo < 1 || +mo > 12)) || (d && start.getUTCDate() !== +d)) return null;
    return { start, end };
  }
  const millis = frac ? Number(`0.${frac}`) * 1000 : 0;
  const base = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${tz}`);
  if (Number.isNaN(base)) return null;
  const start = new Date(base + Math.floor(millis));
  const step = frac ? 1 : s !== undefined ? 1000 : 60_000;
  return { start, end: new Date(start.getTime() + step) };
}

const orgRef = (value: string) => {
  const id = value.replace(/^Organization\//, "");
  return isRecordId(id) ? id.toLowerCase() : null;
};

/** Parses the Task search parameters; any unknown or malformed one is an error (never ignored silently). */
export function parseTaskSearch(params: URLSearchParams): ParsedSearch {
  const search: TaskSearch = { owner: [], requester: [], status: [], lastUpdated: [], count: DEFAULT_COUNT, cursor: null };
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (!ALLOWED.has(name)) return { ok: false, message: `Unknown search parameter "${name}". Supported: owner, requester, status, _lastUpdated, _count.` };
    if (name === "_format") {
      if (!/^(json|application\/(fhir\+)?json)$/.test(value)) return { ok: false, message: "Only JSON is served (_format=json)." };
    } else if (name === "owner" || name === "requester") {
      const ids = value.split(",").map(orgRef);
      if (!value || ids.some((id) => id === null)) return { ok: false, message: `${name} takes Organization/<id> (comma-separated for any of several).` };
      search[name].push(ids as string[]);
    } else if (name === "status") {
      const statuses = value.split(",").map((code) => FROM_FHIR.get(code.trim()));
      if (!value || statuses.some((s) => !s)) return { ok: false, message: `status takes FHIR Task status codes: ${[...FROM_FHIR.keys()].join(", ")}.` };
      search.status.push(statuses as ReferralStatus[]);
    } else if (name === "_lastUpdated") {
      const m = /^(eq|ge|gt|le|lt)?(.+)$/.exec(value);
      const range = m ? fhirInstantRange(m[2]) : null;
      if (!m || !range) return { ok: false, message: "_lastUpdated takes a prefix (ge, gt, le, lt, eq) and a FHIR date or dateTime with a time zone, e.g. ge2025-01-31T00:00:00Z." };
      const prefix = m[1] ?? "eq";
      search.lastUpdated.push(
        prefix === "ge" ? { gte: range.start } : prefix === "gt" ? { gte: range.end } : prefix === "le" ? { lt: range.end } : prefix === "lt" ? { lt: range.start } : { gte: range.start, lt: range.end },
      );
    } else if (name === "_count") {
      if (!/^\d+$/.test(value) || +value > MAX_COUNT) return { ok: false, message: `_count takes a whole number from 0 to ${MAX_COUNT}.` };
      search.count = +value;
    } else if (name === "_cursor") {
      const cursor = decodeCursor(value);
      if (!cursor) return { ok: false, message: "_cursor is not one this server gave out: follow the Bundle's next link." };
      search.cursor = cursor;
    }
  }
  return { ok: true, search };
}

/** Keyset cursors on (updatedAt, id), shared by every FHIR search that pages (Task, CarePlan, Goal). */
export const encodeCursor = (c: { updatedAt: Date; id: string }) => Buffer.from(`${c.updatedAt.toISOString()}|${c.id}`).toString("base64url");
export function decodeCursor(value: string) {
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const updatedAt = BOUNDED_INSTANT.safeParse(at ?? "");
  return id && isRecordId(id) && updatedAt.success ? { updatedAt: updatedAt.data, id } : null;
}

// ---------------------------------------------------------------------------------------------
// Queries


const INCLUDE = { sender: { select: { id: true, name: true } }, recipient: { select: { id: true, name: true } }, service: { select: { name: true } } } as const;

/** The referrals an organization is party to. Drafts are the sender's alone. */
function partyTo(organizationId: string): Prisma.ReferralWhereInput {
  return { OR: [{ senderOrganizationId: organizationId }, { recipientOrganizationId: organizationId, status: { not: "DRAFT" } }] };
}

async function audit(requester: Actor<"apiKey">, action: string, subjectId: string | null, metadata: Record<string, unknown>) {
  await recordAuditEvent({ action, subjectType: "Referral", subjectId, organizationId: requester.organizationId, metadata: { ...metadata, apiKeyId: requester.apiKeyId }, request: requester.request });
}

async function readReferral(id: string, requester: Actor<"apiKey">, resource: "Task" | "ServiceRequest") {
  const row = isRecordId(id) ? await db.referral.findFirst({ where: { id: id.toLowerCase(), ...partyTo(requester.organizationId) }, include: INCLUDE }) : null;
  await audit(requester, row ? "referral.fhir_read" : "referral.fhir_read_refused", row ? row.id : null, { resource, id });
  return row;
}

export async function readFhirTask({ id, requester }: { id: string; requester: Actor<"apiKey"> }) {
  const row = await readReferral(id, requester, "Task");
  return row ? toFhirTask(row) : null;
}

export async function readFhirServiceRequest({ id, requester }: { id: string; requester: Actor<"apiKey"> }) {
  const row = await readReferral(id, requester, "ServiceRequest");
  return row ? toFhirServiceRequest(row) : null;
}

/**
 * Task search, oldest change first (a client that polls with _lastUpdated=gt<last seen> and
 * follows `next` links sees every change). Paging is by keyset on (updatedAt, id), so rows do not
 * shift between pages the way offsets would.
 */
export async function searchFhirTasks({ search, requester, selfUrl }: { search: TaskSearch; requester: Actor<"apiKey">; selfUrl: string }): Promise<FhirTaskBundle> {
  const and: Prisma.ReferralWhereInput[] = [
    partyTo(requester.organizationId),
    ...search.owner.map((ids) => ({ recipientOrganizationId: { in: ids } })),
    ...search.requester.map((ids) => ({ senderOrganizationId: { in: ids } })),
    ...search.status.map((statuses) => ({ status: { in: statuses } })),
    ...search.lastUpdated.map((r) => ({ updatedAt: { ...(r.gte ? { gte: r.gte } : {}), ...(r.lt ? { lt: r.lt } : {}) } })),
  ];
  const where: Prisma.ReferralWhereInput = { AND: and };
  const page: Prisma.ReferralWhereInput = search.cursor
    ? { AND: [where, { OR: [{ updatedAt: { gt: search.cursor.updatedAt } }, { updatedAt: search.cursor.updatedAt, id: { gt: search.cursor.id } }] }] }
    : where;
  const [total, rows] = await Promise.all([
    db.referral.count({ where }),
    search.count === 0 ? Promise.resolve([]) : db.referral.findMany({ where: page, include: INCLUDE, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: search.count + 1 }),
  ]);
  const more = rows.length > search.count;
  const shown = rows.slice(0, search.count);
  await audit(requester, "referral.fhir_search", null, { query: new URL(selfUrl).search, returned: shown.map((r) => r.id), total });
  const base = selfUrl.replace(/\?.*$/, "");
  const link: FhirTaskBundle["link"] = [{ relation: "self", url: selfUrl }];
  if (more) {
    const next = new URL(selfUrl);
    next.searchParams.set("_cursor", encodeCursor(shown[shown.length - 1]));
    link.push({ relation: "next", url: next.toString() });
  }
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link,
    entry: shown.map((row) => ({ fullUrl: `${base}/${row.id}`, resource: toFhirTask(row), search: { mode: "match" } })),
  };
}
