/**
 * The coalition: its name and vision, and which organizations are members. Conveners change it;
 * every member reads it.
 */
import { AppError, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { OrganizationKind } from "./schemas";
import type { Actor } from "~/modules/auth/actor";
import { activeMemberWhere } from "./membership.server";
import { translatable } from "~/utils/translatable";


export async function getCoalition(coalitionId: string) {
  const coalition = await db.coalition.findFirst({ where: { id: coalitionId, deletedAt: null } });
  if (!coalition) throw recordNotFound("coalition");
  return coalition;
}

/** The member list is a membership rule: it lives with the others in membership.server.ts. */
export { listMemberOrganizations } from "./membership.server";

export async function updateCoalition({ actor, name, visionStatement }: { actor: Actor<"coalition">; name: string; visionStatement: string }) {
  await getCoalition(actor.coalitionId);
  return db.$transaction(async (tx) => {
    const updated = await tx.coalition.update({ where: { id: actor.coalitionId }, data: { name, visionStatement } });
    await recordAuditEvent({ action: "coalition.updated", subjectType: "Coalition", subjectId: actor.coalitionId, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, metadata: { name }, request: actor.request }, tx);
    return updated;
  });
}

const slugify = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/[\s_-]+/g, "-").slice(0, 60) || "organization";

export async function addMemberOrganization({ actor, input }: { actor: Actor<"coalition">; input: { name: string; kind: OrganizationKind; email?: string; phone?: string; city?: string } }) {
  await getCoalition(actor.coalitionId);
  const duplicate = await db.coalitionMember.findFirst({
    where: { ...activeMemberWhere(actor.coalitionId), organization: { name: { equals: input.name, mode: "insensitive" }, deletedAt: null } },
  });
  if (duplicate) throw new AppError({ message: translatable("errors.services.coalition.alreadyMember", { name: input.name }), fieldErrors: { name: [translatable("errors.services.coalition.alreadyMemberShort")] } });
  return db.$transaction(async (tx) => {
    let slug = slugify(input.name);
    if (await tx.organization.findUnique({ where: { slug } })) slug = `${slug}-${crypto.randomUUID().slice(0, 6)}`;
    const organization = await tx.organization.create({ data: { slug, name: input.name, kind: input.kind, email: input.email, phone: input.phone, city: input.city, state: "CO" } });
    await tx.coalitionMember.create({ data: { coalitionId: actor.coalitionId, organizationId: organization.id } });
    await recordAuditEvent({ action: "coalition.member_added", subjectType: "Organization", subjectId: organization.id, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, request: actor.request }, tx);
    return organization;
  });
}

export async function removeMemberOrganization({ actor, organizationId }: { actor: Actor<"coalition">; organizationId: string }) {
  const member = await db.coalitionMember.findFirst({ where: { ...activeMemberWhere(actor.coalitionId), organizationId } });
  if (!member) throw recordNotFound("memberOrganization");
  if (organizationId === actor.organizationId) {
    throw new AppError({ message: translatable("errors.services.coalition.cannotRemoveOwn") });
  }
  return db.$transaction(async (tx) => {
    await tx.coalitionMember.update({ where: { id: member.id }, data: { status: "LEFT", leftAt: new Date() } });
    await recordAuditEvent({ action: "coalition.member_removed", subjectType: "Organization", subjectId: organizationId, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, request: actor.request }, tx);
  });
}
