/**
 * The client's care team besides the one primary care manager (issue #15, ADR 100): people of the
 * client's organization, or of an organization the client authorized — an authorization in effect
 * covering "Care plan and goals" that names it, decided by THE consent decision (`decideAccess`,
 * modules/consent). A director or care manager adds or removes members, with a role label; a
 * removal keeps the row (removedAt), so the team's history stays. Name and role are ciphertext
 * bound to their row; audit events carry ids only.
 */
import { AppError, notFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decideAccess } from "~/modules/consent/decision.server";
import { refusalMessage, type Refusal } from "~/modules/consent/messages";
import { partnersOf } from "~/modules/coalition/membership.server";
import type { Actor } from "~/modules/auth/actor";
import { audit, changeOwnClient, currentDecision } from "./service.server";
import { recordContext } from "./record-encryption.server";
import type { AddTeamMemberInput } from "./record-schemas";

const e = (key: string, values?: Record<string, string | number>) => translatable(`careTeam.errors.${key}`, values);
const fieldError = (field: string, key: string, values?: Record<string, string | number>) =>
  new AppError({ message: e(key, values), status: 400, fieldErrors: { [field]: [e(key, values)] } });

/**
 * Organizations a member may come from now: the client's own, and each partner the client's
 * authorizations in effect name for "Care plan and goals" (the consent decision, without recording:
 * choosing a member discloses nothing — the member organization's reads are decided and recorded
 * each time, as today).
 */
export async function teamOrganizationOptions({ actor, clientId }: { actor: Actor; clientId: string }) {
  const own = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, name: true } });
  const partners = await partnersOf(actor.organizationId);
  const decisions = await Promise.all(partners.map((p) => decideAccess({ clientId, organizationId: p.id, categories: ["CARE_PLAN"] })));
  return [own, ...partners.filter((_, i) => decisions[i].grantedCategories.includes("CARE_PLAN"))];
}

export async function addTeamMember({ actor, clientId, input }: { actor: Actor; clientId: string; input: Omit<AddTeamMemberInput, "intent"> }) {
  const organization = await db.organization.findFirst({ where: { id: input.memberOrganizationId, deletedAt: null }, select: { name: true } });
  if (!organization) throw fieldError("memberOrganizationId", "memberOrganization");
  const outcome = await changeOwnClient<{ refused: Refusal[] } | { teamMemberId: string }>(actor, clientId, async (tx) => {
    // The organization first: a refusal names the field whatever the client's state.
    const decision = await decideAccess({ clientId, organizationId: input.memberOrganizationId, categories: ["CARE_PLAN"] }, tx);
    if (!decision.grantedCategories.includes("CARE_PLAN")) {
      // Returned, not thrown: the refusal's audit event commits; nothing else was written.
      await audit(tx, actor, "care.team_member_refused", clientId, { memberOrganizationId: input.memberOrganizationId, refused: decision.refusals });
      return { refused: decision.refusals };
    }
    if ((await currentDecision(tx, actor, clientId))?.status !== "ENROLLED") throw new AppError({ message: translatable("care.errors.notEnrolled"), status: 409 });
    const id = crypto.randomUUID();
    await tx.careTeamMember.create({
      data: {
        id, clientId, organizationId: actor.organizationId, memberOrganizationId: input.memberOrganizationId,
        nameCipher: encryptField(input.name, recordContext("CareTeamMember.name", id)), roleCipher: encryptField(input.role, recordContext("CareTeamMember.role", id)),
        keyId: currentKeyId(), addedById: actor.userId,
      },
    });
    await audit(tx, actor, "care.team_member_added", clientId, { teamMemberId: id, memberOrganizationId: input.memberOrganizationId, authorizationIds: decision.authorizationIds });
    return { teamMemberId: id };
  });
  if ("refused" in outcome) {
    throw new AppError({
      message: e("notAuthorized", { organization: organization.name }),
      status: 400,
      fieldErrors: { memberOrganizationId: [e("notAuthorized", { organization: organization.name }), ...outcome.refused.map(refusalMessage)] },
    });
  }
  return outcome;
}

/** Removes a member from the team (the page asks first); the row stays as history. */
export async function removeTeamMember({ actor, clientId, input }: { actor: Actor; clientId: string; input: { teamMemberId: string } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const removed = await tx.careTeamMember.updateMany({ where: { id: input.teamMemberId, clientId, removedAt: null }, data: { removedAt: new Date(), removedById: actor.userId } });
    if (removed.count === 0) {
      const exists = await tx.careTeamMember.count({ where: { id: input.teamMemberId, clientId } });
      if (exists) throw new AppError({ message: e("alreadyRemoved"), status: 409 });
      throw fieldError("teamMemberId", "teamMember");
    }
    await audit(tx, actor, "care.team_member_removed", clientId, { teamMemberId: input.teamMemberId });
    return { teamMemberId: input.teamMemberId };
  });
}

export type TeamMemberView = { id: string; name: string; role: string; organizationId: string; organizationName: string; own: boolean; covered: boolean; addedAt: string; removedAt: string | null };

/**
 * The client's care team, current members first then the removed ones (history), for the client's
 * own organization only. `covered` says whether the member's organization is still named by an
 * authorization in effect (a revocation leaves the member listed, flagged). The read is audited.
 */
export async function getCareTeam({ actor, clientId }: { actor: Actor; clientId: string }): Promise<TeamMemberView[]> {
  const own = await db.client.count({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
  if (!own) throw notFound(translatable("care.errors.clientNotFound"));
  const rows = await db.careTeamMember.findMany({ where: { clientId, organizationId: actor.organizationId }, orderBy: [{ removedAt: { sort: "desc", nulls: "first" } }, { addedAt: "asc" }], take: 100 });
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.memberOrganizationId))];
  const [orgs, decisions] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    Promise.all(orgIds.map((id) => decideAccess({ clientId, organizationId: id, categories: ["CARE_PLAN"] }))),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const covered = new Map(orgIds.map((id, i) => [id, decisions[i].grantedCategories.includes("CARE_PLAN")]));
  await recordAuditEvent({ action: "care.team_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: rows.length }, request: actor.request });
  return rows.map((r) => ({
    id: r.id,
    name: decryptField(r.nameCipher, recordContext("CareTeamMember.name", r.id)),
    role: decryptField(r.roleCipher, recordContext("CareTeamMember.role", r.id)),
    organizationId: r.memberOrganizationId,
    organizationName: names.get(r.memberOrganizationId) ?? "",
    own: r.memberOrganizationId === actor.organizationId,
    covered: covered.get(r.memberOrganizationId) ?? false,
    addedAt: r.addedAt.toISOString(),
    removedAt: r.removedAt ? r.removedAt.toISOString() : null,
  }));
}
