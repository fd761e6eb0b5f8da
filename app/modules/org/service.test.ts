import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { acceptInvite, findOpenInvite, inviteMember, listMembers, revokeInvite } from "./service.server";
import { actorFor } from "../../../tests/actors";
import { translatorForLocale } from "~/i18n/translators";
import { toHttpError } from "~/utils/http-errors.server";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };
const tokenOf = (link: string) => link.split("/invites/")[1];

describe("invitations", () => {
  it("a director invites someone: link shown, message in the outbox, token stored only as a hash", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id);
    const { invite, link } = await inviteMember({ actor, email: "new.member@example.test", role: "CARE_MANAGER" });
    expect(link).toMatch(/^http:\/\/localhost:\d+\/invites\/[\w-]{40,}$/);
    expect(invite.tokenHash).not.toContain(tokenOf(link));
    const message = await db.outboxMessage.findFirst({ where: { to: "new.member@example.test" }, orderBy: { createdAt: "desc" } });
    expect(message?.text).toContain(link);
    expect(await findOpenInvite(tokenOf(link))).toMatchObject({ email: "new.member@example.test", organizationId: world.orgA.id });
  });

  it("accepting creates the account and the membership, once", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id);
    const email = `joiner-${Date.now()}@example.test`;
    const { link } = await inviteMember({ actor, email, role: "STAFF" });
    const { user, membership } = await acceptInvite({ token: tokenOf(link), name: "Joiner", password: "a long password", request: meta });
    expect(user.email).toBe(email);
    expect(membership).toMatchObject({ organizationId: world.orgA.id, role: "STAFF" });
    await expect(acceptInvite({ token: tokenOf(link), name: "Again", password: "a long password", request: meta })).rejects.toMatchObject({ status: 410 });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("an existing account must be signed in as the invited person to join", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorB.id, world.orgB.id);
    const { link } = await inviteMember({ actor, email: world.careManagerA.email, role: "VIEWER" });
    await expect(acceptInvite({ token: tokenOf(link), request: meta })).rejects.toMatchObject({ status: 403 });
    await expect(acceptInvite({ token: tokenOf(link), request: meta, signedInUserId: world.directorA.id })).rejects.toMatchObject({ status: 403 });
    const { membership } = await acceptInvite({ token: tokenOf(link), request: meta, signedInUserId: world.careManagerA.id });
    expect(membership.organizationId).toBe(world.orgB.id);
  });

  it("refuses to invite a current member, and a new invite replaces the old link", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id);
    const again = await inviteMember({ actor, email: world.careManagerA.email, role: "STAFF" }).then(() => null, (e: unknown) => e);
    // The service's words are translatables: the mapper says them in the page's language (#14 defect 2).
    for (const [lng, message, field] of [["en", `${world.careManagerA.email} is already a member of ${world.orgA.name}.`, "Already a member"], ["es", `${world.careManagerA.email} ya es miembro de ${world.orgA.name}.`, "Ya es miembro"]] as const) {
      expect(toHttpError(again, translatorForLocale(lng)), lng).toEqual({ status: 400, message, fieldErrors: { email: [field] } });
    }
    const first = await inviteMember({ actor, email: "twice@example.test", role: "STAFF" });
    const second = await inviteMember({ actor, email: "twice@example.test", role: "VIEWER" });
    expect(await findOpenInvite(tokenOf(first.link))).toBeNull();
    expect(await findOpenInvite(tokenOf(second.link))).toMatchObject({ role: "VIEWER" });
  });

  it("expired and revoked invitations cannot be used", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id);
    const expired = await inviteMember({ actor, email: "late@example.test", role: "STAFF" });
    await db.invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(acceptInvite({ token: tokenOf(expired.link), name: "Late", password: "a long password", request: meta })).rejects.toMatchObject({ status: 410 });

    const revoked = await inviteMember({ actor, email: "revoked@example.test", role: "STAFF" });
    await revokeInvite({ actor, inviteId: revoked.invite.id });
    expect(await findOpenInvite(tokenOf(revoked.link))).toBeNull();
  });
});

describe("organization isolation (services)", () => {
  it("a director of B cannot revoke A's invitation: it does not exist for them", async () => {
    const world = await createTwoOrganizationWorld();
    const { invite } = await inviteMember({ actor: actorFor(world.directorA.id, world.orgA.id), email: "iso@example.test", role: "STAFF" });
    await expect(revokeInvite({ actor: actorFor(world.directorB.id, world.orgB.id), inviteId: invite.id })).rejects.toMatchObject({ status: 404 });
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).toBeNull();
  });

  it("member lists hold only the organization's own people", async () => {
    const world = await createTwoOrganizationWorld();
    const outsider = await createUser({ memberships: [{ organizationId: world.orgB.id, role: "STAFF" }] });
    const { members } = await listMembers(world.orgA.id);
    const ids = members.map((m) => m.user.id);
    expect(ids).toContain(world.directorA.id);
    expect(ids).not.toContain(world.directorB.id);
    expect(ids).not.toContain(outsider.id);
  });
});
