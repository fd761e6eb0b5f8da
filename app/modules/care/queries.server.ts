/**
 * Reads of the care journey for pages (issue #15). The client's own organization sees the whole
 * plan; a partner organization sees it only while an authorization covering "Care plan and goals"
 * names it — decided by THE consent decision (`authorizeDisclosure`), which audits the decision and
 * records the disclosure — and then only the goals and the next steps assigned to it. Every read of
 * care text writes an audit event.
 */
import { notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { authorizeDisclosure } from "~/modules/consent/decision.server";
import { decryptClientName } from "~/modules/client/service.server";
import { nameSearchTokens } from "~/modules/client/known-names.server";
import { activeMembersInRoles } from "~/modules/org/membership.server";
import { partnersOf } from "~/modules/coalition/membership.server";
import type { Actor } from "~/modules/auth/actor";
import { careContext, decryptCare, decryptCareOptional } from "./encryption.server";
import { CARE_LIMITS, REVIEW_STALE_DAYS, type EnrollmentStatus, type GoalStatus, type StepOwner } from "./schemas";
import { addDays, isoDay, todayUtc } from "./dates";
import type { ScheduleRule } from "~/modules/directory/open-now";

/** A peer support group of the map (an informal asset) a step connects the client to, with how to reach it (ADR 101). */
export type PeerGroup = { id: string; name: string; description: string; address: string | null; phone: string | null; url: string | null; schedules: ScheduleRule[] };
export type PlanStep = {
  id: string; goalId: string; text: string; owner: StepOwner; partnerOrganizationId: string | null; partnerName: string | null; dueOn: string; doneAt: string | null;
  /** Done by the partner it was given to (not by the client's organization), with its short note. */
  doneByPartner: boolean; doneNote: string | null;
  peerGroup: PeerGroup | null;
};
export type PlanGoal = { id: string; text: string; priority: number; status: GoalStatus; statusNote: string | null; statusChangedOn: string | null; replacedById: string | null; steps: PlanStep[] };

export type OwnPlanView = {
  access: "own";
  client: { id: string; name: string; preferredLanguage: string };
  enrollment: { status: EnrollmentStatus; program: string; decidedOn: string; enrolledOn: string | null; reachOutOn: string | null } | null;
  decisions: { id: string; status: EnrollmentStatus; program: string; decidedOn: string; reachOutOn: string | null; note: string | null }[];
  careManager: { id: string; name: string } | null;
  assignments: { id: string; careManagerName: string; startedAt: string; endedAt: string | null; handoffNote: string | null }[];
  plan: { id: string; lastReviewedOn: string | null; goals: PlanGoal[]; reviews: { id: string; reviewedOn: string; note: string | null; reviewerName: string }[] } | null;
};

export type SharedPlanView = {
  access: "shared";
  clientId: string;
  organizationName: string;
  plan: { id: string; lastReviewedOn: string | null; goals: PlanGoal[] } | null;
};

const dayText = (d: Date | null) => (d ? isoDay(d) : null);

async function namesOf(userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((v): v is string => !!v))];
  if (ids.length === 0) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function organizationNames(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((v): v is string => !!v))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.organization.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((o) => [o.id, o.name]));
}

export async function loadGoals(planId: string, { stepsFor }: { stepsFor?: string } = {}): Promise<PlanGoal[]> {
  const goals = await db.careGoal.findMany({
    where: { planId },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
    include: {
      steps: {
        where: stepsFor ? { partnerOrganizationId: stepsFor } : {},
        orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
        include: { asset: { select: { id: true, name: true, description: true, address: true, phone: true, url: true, schedules: true } } },
      },
    },
  });
  const partners = await organizationNames(goals.flatMap((g) => g.steps.map((s) => s.partnerOrganizationId)));
  return goals.map((g) => ({
    id: g.id,
    text: decryptCare(g.textCipher, careContext("CareGoal.text", g.id)),
    priority: g.priority,
    status: g.status,
    // A partner sees the goal, not the care team's notes about it.
    statusNote: stepsFor ? null : decryptCareOptional(g.statusNoteCipher, careContext("CareGoal.statusNote", g.id)),
    statusChangedOn: dayText(g.statusChangedOn),
    replacedById: g.replacedById,
    steps: g.steps.map((s) => ({
      id: s.id,
      goalId: g.id,
      text: decryptCare(s.textCipher, careContext("CareStep.text", s.id)),
      owner: s.owner,
      partnerOrganizationId: s.partnerOrganizationId,
      partnerName: s.partnerOrganizationId ? partners.get(s.partnerOrganizationId) ?? null : null,
      dueOn: isoDay(s.dueOn),
      doneAt: s.doneAt ? s.doneAt.toISOString() : null,
      doneByPartner: !!s.doneAt && !!s.partnerOrganizationId && s.doneByOrganizationId === s.partnerOrganizationId,
      doneNote: decryptCareOptional(s.doneNoteCipher, careContext("CareStep.doneNote", s.id)),
      peerGroup: s.asset ? { ...s.asset, schedules: (Array.isArray(s.asset.schedules) ? s.asset.schedules : []) as ScheduleRule[] } : null,
    })),
  }));
}

/**
 * The client's care plan as the actor's organization may see it: whole for the client's own
 * organization; goals and its own next steps for a partner named by a "Care plan and goals"
 * authorization in effect now; a 404 for anyone else (the refusal audited by the decision).
 */
export async function getCarePlanForViewer({ actor, clientId }: { actor: Actor; clientId: string }): Promise<OwnPlanView | SharedPlanView> {
  const client = await db.client.findFirst({ where: { id: clientId, deletedAt: null }, select: { id: true, organizationId: true, nameCipher: true, preferredLanguage: true, primaryCareManagerId: true } });
  if (!client) {
    await recordAuditEvent({ action: "care.plan_read_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "unknown-client" }, request: actor.request });
    throw notFound(translatable("care.errors.clientNotFound"));
  }
  if (client.organizationId !== actor.organizationId) return sharedPlan(actor, clientId);

  const [plan, decisions, assignments] = await Promise.all([
    db.carePlan.findUnique({ where: { clientId }, include: { reviews: { orderBy: [{ reviewedOn: "desc" }, { createdAt: "desc" }], take: 20 } } }),
    db.enrollment.findMany({ where: { clientId, organizationId: actor.organizationId }, orderBy: { createdAt: "desc" }, take: 20 }),
    db.careManagerAssignment.findMany({ where: { clientId }, orderBy: { startedAt: "desc" }, take: 20 }),
  ]);
  const people = await namesOf([client.primaryCareManagerId, ...assignments.map((a) => a.userId), ...(plan?.reviews.map((r) => r.reviewedById) ?? [])]);
  const current = decisions.find((d) => d.current) ?? null;
  await recordAuditEvent({ action: "care.plan_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { planId: plan?.id ?? null }, request: actor.request });
  return {
    access: "own",
    client: { id: client.id, name: decryptClientName(client.id, client.nameCipher), preferredLanguage: client.preferredLanguage },
    enrollment: current ? { status: current.status, program: current.program, decidedOn: isoDay(current.decidedOn), enrolledOn: dayText(current.enrolledOn), reachOutOn: dayText(current.reachOutOn) } : null,
    decisions: decisions.map((d) => ({ id: d.id, status: d.status, program: d.program, decidedOn: isoDay(d.decidedOn), reachOutOn: dayText(d.reachOutOn), note: decryptCareOptional(d.noteCipher, careContext("Enrollment.note", d.id)) })),
    careManager: client.primaryCareManagerId ? { id: client.primaryCareManagerId, name: people.get(client.primaryCareManagerId) ?? "" } : null,
    assignments: assignments.map((a) => ({
      id: a.id,
      careManagerName: people.get(a.userId) ?? "",
      startedAt: a.startedAt.toISOString(),
      endedAt: a.endedAt ? a.endedAt.toISOString() : null,
      handoffNote: decryptCareOptional(a.handoffNoteCipher, careContext("CareManagerAssignment.handoffNote", a.id)),
    })),
    plan: plan
      ? {
          id: plan.id,
          lastReviewedOn: dayText(plan.lastReviewedOn),
          goals: await loadGoals(plan.id),
          reviews: plan.reviews.map((r) => ({ id: r.id, reviewedOn: isoDay(r.reviewedOn), note: decryptCareOptional(r.noteCipher, careContext("PlanReview.note", r.id)), reviewerName: people.get(r.reviewedById) ?? "" })),
        }
      : null,
  };
}

async function sharedPlan(actor: Actor, clientId: string): Promise<SharedPlanView> {
  const decision = await authorizeDisclosure({ clientId, recipientOrganizationId: actor.organizationId, categories: ["CARE_PLAN"], channel: "hub.care_plan", actor });
  if (!decision.grantedCategories.includes("CARE_PLAN")) throw notFound(translatable("care.errors.clientNotFound"));
  const plan = await db.carePlan.findUnique({ where: { clientId }, select: { id: true, lastReviewedOn: true } });
  return {
    access: "shared",
    clientId,
    organizationName: actor.organizationName,
    plan: plan ? { id: plan.id, lastReviewedOn: dayText(plan.lastReviewedOn), goals: await loadGoals(plan.id, { stepsFor: actor.organizationId }) } : null,
  };
}

/** People of the organization who may be a primary care manager (the reassign form). */
export function careManagerOptions({ actor }: { actor: Actor }) {
  return activeMembersInRoles(actor.organizationId, ["CARE_MANAGER", "DIRECTOR"]);
}

/** The partner organizations a next step can be given to. */
export const stepPartnerOptions = ({ actor }: { actor: Actor }) => partnersOf(actor.organizationId);

export type CaseloadRow = { clientId: string; name: string; enrolledOn: string | null; lastReviewedOn: string | null; reviewOverdue: boolean; stepsDue: number; nextStepDueOn: string | null };

/**
 * A care manager's caseload: the enrolled clients they are primary care manager for, plans least
 * recently reviewed first, a page at a time, searchable by name through the names' blind indexes
 * (no name is decrypted to search; only the page's names are). Next steps due within a week are
 * counted per client.
 */
export async function getCaseload({ actor, q, page = 1, today = todayUtc() }: { actor: Actor; q?: string; page?: number; today?: Date }) {
  const tokens = q ? nameSearchTokens(q) : [];
  const where: Prisma.ClientWhereInput = {
    organizationId: actor.organizationId,
    primaryCareManagerId: actor.userId,
    deletedAt: null,
    enrollments: { some: { organizationId: actor.organizationId, current: true, status: "ENROLLED" } },
    ...(q ? { nameTokens: tokens.length ? { hasEvery: tokens } : { has: "-" } } : {}),
  };
  const take = CARE_LIMITS.pageSize;
  const [total, rows] = await Promise.all([
    db.client.count({ where }),
    db.client.findMany({
      where,
      select: { id: true, nameCipher: true, carePlan: { select: { id: true, lastReviewedOn: true } }, enrollments: { where: { current: true, organizationId: actor.organizationId }, select: { enrolledOn: true }, take: 1 } },
      orderBy: [{ carePlan: { lastReviewedOn: { sort: "asc", nulls: "first" } } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * take,
      take,
    }),
  ]);
  const planIds = rows.map((r) => r.carePlan?.id).filter((v): v is string => !!v);
  const dueBy = addDays(today, 7);
  const due = planIds.length
    ? await db.careStep.groupBy({ by: ["planId"], where: { planId: { in: planIds }, doneAt: null, dueOn: { lte: dueBy } }, _count: { _all: true }, _min: { dueOn: true } })
    : [];
  const dueByPlan = new Map(due.map((d) => [d.planId, d]));
  const staleBefore = addDays(today, -REVIEW_STALE_DAYS);
  const clients: CaseloadRow[] = rows.map((r) => {
    const d = r.carePlan ? dueByPlan.get(r.carePlan.id) : undefined;
    const reviewed = r.carePlan?.lastReviewedOn ?? null;
    return {
      clientId: r.id,
      name: decryptClientName(r.id, r.nameCipher),
      enrolledOn: dayText(r.enrollments[0]?.enrolledOn ?? null),
      lastReviewedOn: dayText(reviewed),
      reviewOverdue: !reviewed || reviewed < staleBefore,
      stepsDue: d?._count._all ?? 0,
      nextStepDueOn: dayText(d?._min.dueOn ?? null),
    };
  });
  if (clients.length) {
    await recordAuditEvent({ action: "care.caseload_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: clients.length, page, searched: !!q }, request: actor.request });
  }
  return { clients, total, page, pageCount: Math.max(1, Math.ceil(total / take)) };
}

/** People who declined for now and whose day to reach out again has come (the organization's list). */
export async function getOutreachDue({ actor, today = todayUtc() }: { actor: Actor; today?: Date }) {
  const rows = await db.enrollment.findMany({
    where: { organizationId: actor.organizationId, current: true, status: "DECLINED_FOR_NOW", reachOutOn: { lte: today }, client: { deletedAt: null } },
    select: { clientId: true, program: true, reachOutOn: true, client: { select: { nameCipher: true } } },
    orderBy: [{ reachOutOn: "asc" }, { clientId: "asc" }],
    take: 200,
  });
  if (rows.length) {
    await recordAuditEvent({ action: "care.outreach_list_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: rows.length }, request: actor.request });
  }
  return rows.map((r) => ({ clientId: r.clientId, name: decryptClientName(r.clientId, r.client.nameCipher), program: r.program, reachOutOn: isoDay(r.reachOutOn!) }));
}
