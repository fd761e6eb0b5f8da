import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { activeMembership, assertActiveMember, countPeople, isActiveMemberEmail, listActiveMembers, memberToNotify, peopleToNotify } from "./membership.server";

/** Org A with a director, a care manager, a viewer (the convener), plus one revoked and one deactivated person. */
async function world() {
  const w = await createTwoOrganizationWorld();
  const revoked = await createUser({ name: "Revoked", memberships: [{ organizationId: w.orgA.id, role: "DIRECTOR" }] });
  await db.membership.updateMany({ where: { userId: revoked.id }, data: { revokedAt: new Date() } });
  const deactivated = await createUser({ name: "Deactivated", memberships: [{ organizationId: w.orgA.id, role: "CARE_MANAGER" }] });
  await db.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
  return { ...w, revoked, deactivated };
}

describe("organization membership, one owner", () => {
  it("activeMembership / assertActiveMember: the role while active; revoked, deactivated, another organization's or a deleted organization's is none (403)", async () => {
    const w = await world();
    expect(await activeMembership(w.directorA.id, w.orgA.id)).toEqual({ role: "DIRECTOR" });
    expect(await activeMembership(w.revoked.id, w.orgA.id)).toBeNull();
    expect(await activeMembership(w.deactivated.id, w.orgA.id)).toBeNull();
    expect(await activeMembership(w.directorB.id, w.orgA.id)).toBeNull();
    await expect(assertActiveMember(w.revoked.id, w.orgA.id)).rejects.toMatchObject({ status: 403 });
    await expect(assertActiveMember(w.directorA.id, w.orgA.id)).resolves.toEqual({ role: "DIRECTOR" });

    const gone = await createOrganization({ name: "Gone" });
    const person = await createUser({ memberships: [{ organizationId: gone.id, role: "STAFF" }] });
    expect(await activeMembership(person.id, gone.id)).toEqual({ role: "STAFF" });
    await db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect(await activeMembership(person.id, gone.id)).toBeNull();
  });

  it("counts, lists and finds by email only active members", async () => {
    const w = await world();
    expect(await countPeople(w.orgA.id)).toBe(3);
    expect((await listActiveMembers(w.orgA.id)).map((m) => m.user.name).sort()).toEqual(["Care Manager A", "Convener", "Director A"]);
    expect(await isActiveMemberEmail(w.orgA.id, w.directorA.email)).toBe(true);
    expect(await isActiveMemberEmail(w.orgA.id, w.revoked.email)).toBe(false);
    expect(await isActiveMemberEmail(w.orgA.id, w.deactivated.email)).toBe(false);
    expect(await isActiveMemberEmail(w.orgB.id, w.directorA.email)).toBe(false);
  });

  it("peopleToNotify / memberToNotify: addresses of active members in the asked roles only", async () => {
    const w = await world();
    expect((await peopleToNotify(w.orgA.id, { roles: ["DIRECTOR", "CARE_MANAGER"] })).map((p) => p.email)).toEqual([w.directorA.email, w.careManagerA.email]);
    expect((await peopleToNotify(w.orgA.id, { roles: ["DIRECTOR"] })).map((p) => p.email)).toEqual([w.directorA.email]);
    expect(await peopleToNotify(w.orgA.id)).toHaveLength(3);
    expect(await memberToNotify(w.careManagerA.id, w.orgA.id)).toEqual({ email: w.careManagerA.email, preferredLocale: null });
    expect(await memberToNotify(w.revoked.id, w.orgA.id)).toBeNull();
    expect(await memberToNotify(w.deactivated.id, w.orgA.id)).toBeNull();
  });
});
