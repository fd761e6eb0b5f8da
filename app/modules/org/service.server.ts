/**
 * Organizations and their people: invitations, accepting them, the member list.
 * Everything here is scoped by the caller's organization; another organization's record is a 404.
 */
import { createHash, randomBytes } from "node:crypto";
import { AppError, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import type { OrganizationRole } from "~/utils/permissions";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { hashPassword } from "~/modules/auth/password.server";
import { assertStrongPassword } from "~/modules/auth/password-strength.server";
import { getMailer } from "~/modules/mail/mailer.server";
import { emitToOrganization } from "~/realtime/emit.server";
import type { Actor } from "~/modules/auth/actor";
import { isActiveMemberEmail, listActiveMembers } from "./membership.server";
import { translatable } from "~/utils/translatable";

export const INVITE_TTL_DAYS = 14;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");


export async function inviteMember({ actor, email, role }: { actor: Actor; email: string; role: OrganizationRole }) {
  const organization = await db.organization.findFirst({ where: { id: actor.organizationId, deletedAt: null } });
  if (!organization) throw recordNotFound("organization");

  if (await isActiveMemberEmail(organization.id, email)) {
    throw new AppError({ message: translatable("errors.services.org.alreadyMember", { email, organization: organization.name }), fieldErrors: { email: [translatable("errors.services.org.alreadyMemberShort")] } });
  }

  const token = randomBytes(32).toString("base64url");
  const invite = await db.$transaction(async (tx) => {
    // One open invite per person and organization: a new one replaces the old link.
    await tx.invite.updateMany({
      where: { organizationId: organization.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invite.create({
      data: {
        tokenHash: hashToken(token),
        email,
        role,
        organizationId: organization.id,
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000),
      },
    });
    await recordAuditEvent(
      { action: "org.invite_created", subjectType: "Invite", subjectId: created.id, actorUserId: actor.userId, organizationId: organization.id, metadata: { email, role }, request: actor.request },
      tx,
    );
    return created;
  });

  const link = `${getEnv().appOrigin}/invites/${token}`;
  await getMailer().send({
    to: email,
    subject: `You are invited to join ${organization.name} on Coalition Hub`,
    text: `You have been invited to join ${organization.name} on Coalition Hub as ${role.toLowerCase().replace("_", " ")}.\n\nOpen this link to accept (valid for ${INVITE_TTL_DAYS} days):\n${link}\n`,
  });
  return { invite, link };
}

export async function revokeInvite({ actor, inviteId }: { actor: Actor; inviteId: string }) {
  const invite = await db.invite.findFirst({ where: { id: inviteId, organizationId: actor.organizationId } });
  if (!invite) throw recordNotFound("invitation");
  if (invite.acceptedAt) throw new AppError({ message: translatable("errors.services.org.inviteAccepted") });
  if (invite.revokedAt) return invite;
  return db.$transaction(async (tx) => {
    const updated = await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ action: "org.invite_revoked", subjectType: "Invite", subjectId: invite.id, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request }, tx);
    return updated;
  });
}

/** The invitation behind a link, if it can still be accepted. */
export async function findOpenInvite(token: string) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: { select: { id: true, name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt < new Date()) return null;
  const existingUser = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { ...invite, hasAccount: !!existingUser };
}

export async function acceptInvite({ token, name, password, request, signedInUserId, locale = "en" }: { token: string; name?: string; password?: string; request: RequestMeta; signedInUserId?: string; locale?: string }) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new AppError({ message: translatable("errors.services.org.inviteInvalid"), status: 410 });
  // A new account's password must be hard to guess (before the transaction: the estimator is CPU work).
  if (!invite.hasAccount && password) assertStrongPassword({ password, userInputs: [invite.email, name ?? "", invite.organization.name], locale });

  const result = await db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: invite.email } });
    if (user) {
      if (signedInUserId !== user.id) {
        throw new AppError({ message: translatable("errors.services.org.signInAs", { email: invite.email }), status: 403 });
      }
    } else {
      if (!name || !password) throw new AppError({ message: translatable("errors.services.org.enterNameAndPassword") });
      user = await tx.user.create({ data: { email: invite.email, name, password: { create: { hash: await hashPassword(password) } } } });
    }
    const membership = await tx.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: invite.organizationId } },
      create: { userId: user.id, organizationId: invite.organizationId, role: invite.role },
      update: { role: invite.role, revokedAt: null },
    });
    await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date() } });
    await recordAuditEvent(
      { action: "org.invite_accepted", subjectType: "Membership", subjectId: membership.id, actorUserId: user.id, organizationId: invite.organizationId, metadata: { role: invite.role }, request },
      tx,
    );
    return { user, membership };
  });

  // After commit: tell the organization's people, live.
  emitToOrganization(invite.organizationId, "member.joined", { name: result.user.name, role: invite.role });
  return result;
}

export async function listMembers(organizationId: string) {
  const [members, invites] = await Promise.all([
    listActiveMembers(organizationId),
    db.invite.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invites };
}
