/**
 * The convener's partnership workspace: each partner's relationship stage and agreements, the
 * stakeholder analyses held every 3–6 months (with the change since the last one), and the
 * decisions log. Every change is audited.
 */
import { recordNotFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { isActiveMember, memberOrganizationOptions } from "~/modules/coalition/membership.server";
import { SUPPORT_LEVELS } from "./schemas";
import type { Actor } from "~/modules/auth/actor";

const audit = (actor: Actor<"coalition">, action: string, subjectType: string, subjectId: string, metadata: Record<string, unknown>, tx: Prisma.TransactionClient) =>
  recordAuditEvent({ action, subjectType, subjectId, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, metadata, request: actor.request }, tx);

async function assertPartner(coalitionId: string, organizationId: string) {
  if (!(await isActiveMember(coalitionId, organizationId))) throw recordNotFound("partner");
}

export async function setRelationshipStage({ actor, organizationId, stage }: { actor: Actor<"coalition">; organizationId: string; stage: (typeof import("./schemas").RELATIONSHIP_STAGES)[number] }) {
  await assertPartner(actor.coalitionId, organizationId);
  return db.$transaction(async (tx) => {
    const row = await tx.partnerRelationship.upsert({ where: { organizationId }, create: { coalitionId: actor.coalitionId, organizationId, stage }, update: { stage } });
    await audit(actor, "partnership.stage_set", "Organization", organizationId, { stage }, tx);
    return row;
  });
}

export async function addAgreement({ actor, input }: { actor: Actor<"coalition">; input: { organizationId: string; kind: "DATA_SHARING" | "BAA" | "MOU" | "OTHER"; signedOn?: Date; renewsOn?: Date; notes: string } }) {
  await assertPartner(actor.coalitionId, input.organizationId);
  return db.$transaction(async (tx) => {
    const agreement = await tx.partnerAgreement.create({ data: { coalitionId: actor.coalitionId, ...input } });
    await audit(actor, "partnership.agreement_added", "PartnerAgreement", agreement.id, { kind: input.kind, organizationId: input.organizationId }, tx);
    return agreement;
  });
}

export async function addStakeholderAnalysis({ actor, heldOn, rows }: { actor: Actor<"coalition">; heldOn: Date; rows: { group: string; support: (typeof SUPPORT_LEVELS)[number]; influence: "LOW" | "MEDIUM" | "HIGH"; actionSteps: string }[] }) {
  return db.$transaction(async (tx) => {
    const analysis = await tx.stakeholderAnalysis.create({ data: { coalitionId: actor.coalitionId, heldOn, createdById: actor.userId, entries: { create: rows } } });
    await audit(actor, "partnership.analysis_added", "StakeholderAnalysis", analysis.id, { groups: rows.length }, tx);
    return analysis;
  });
}

export async function addDecision({ actor, input }: { actor: Actor<"coalition">; input: { decision: string; method: "CONSENSUS" | "VOTE" | "TIE_BREAKER" | "COMMITTEE"; decidedOn: Date; present: string } }) {
  return db.$transaction(async (tx) => {
    const decision = await tx.coalitionDecision.create({ data: { coalitionId: actor.coalitionId, createdById: actor.userId, ...input } });
    await audit(actor, "partnership.decision_recorded", "CoalitionDecision", decision.id, { method: input.method }, tx);
    return decision;
  });
}

export const RENEWAL_WINDOW_DAYS = 60;

export async function getWorkspace(coalitionId: string, now = new Date()) {
  const [members, relationships, agreements, analyses, decisions] = await Promise.all([
    memberOrganizationOptions(coalitionId),
    db.partnerRelationship.findMany({ where: { coalitionId } }),
    db.partnerAgreement.findMany({ where: { coalitionId, deletedAt: null }, include: { organization: { select: { name: true } } }, orderBy: [{ renewsOn: "asc" }] }),
    db.stakeholderAnalysis.findMany({ where: { coalitionId }, include: { entries: true }, orderBy: { heldOn: "desc" }, take: 2 }),
    db.coalitionDecision.findMany({ where: { coalitionId }, orderBy: { decidedOn: "desc" }, take: 50 }),
  ]);
  const stageOf = new Map(relationships.map((r) => [r.organizationId, r.stage]));
  const soon = new Date(now.getTime() + RENEWAL_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [latest, previous] = analyses;
  const previousByGroup = new Map((previous?.entries ?? []).map((e) => [e.group.toLowerCase(), e]));
  return {
    partners: members.map((m) => ({ ...m, stage: stageOf.get(m.id) ?? "COALITION_MEMBER" })),
    agreements: agreements.map((a) => ({
      id: a.id, organization: a.organization.name, kind: a.kind, notes: a.notes,
      signedOn: a.signedOn?.toISOString().slice(0, 10) ?? null, renewsOn: a.renewsOn?.toISOString().slice(0, 10) ?? null,
      renewal: !a.renewsOn ? null : a.renewsOn < now ? "overdue" : a.renewsOn <= soon ? "soon" : null,
    })),
    analysis: latest
      ? {
          heldOn: latest.heldOn.toISOString().slice(0, 10),
          previousHeldOn: previous?.heldOn.toISOString().slice(0, 10) ?? null,
          entries: latest.entries.map((e) => {
            const before = previousByGroup.get(e.group.toLowerCase());
            const change = before ? SUPPORT_LEVELS.indexOf(e.support) - SUPPORT_LEVELS.indexOf(before.support) : null;
            return { id: e.id, group: e.group, support: e.support, influence: e.influence, actionSteps: e.actionSteps, change };
          }),
          dueAgain: new Date(latest.heldOn.getTime() + 90 * 24 * 60 * 60 * 1000) < now,
        }
      : null,
    decisions: decisions.map((d) => ({ id: d.id, decision: d.decision, method: d.method, decidedOn: d.decidedOn.toISOString().slice(0, 10), present: d.present })),
  };
}
