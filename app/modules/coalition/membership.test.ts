import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import {
  activeMembersAmong,
  coalitionIdsOf,
  countActiveMembers,
  countMembersAt,
  isActiveMember,
  isConvener,
  listMemberOrganizations,
  memberOrganizationOptions,
  partnersOf,
} from "./membership.server";

const leave = (coalitionId: string, organizationId: string, leftAt = new Date()) =>
  db.coalitionMember.update({ where: { coalitionId_organizationId: { coalitionId, organizationId } }, data: { status: "LEFT", leftAt } });
const deleteOrganization = (id: string) => db.organization.update({ where: { id }, data: { deletedAt: new Date() } });

/** A coalition with three members: one stays, one leaves, one is deleted; and an outsider in another coalition. */
async function world() {
  const { coalition, orgA, orgB, directorA, convener } = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: coalition.id, name: "Org C" });
  const other = await createCoalition();
  const outsider = await createOrganization({ coalitionId: other.id, name: "Outsider" });
  await leave(coalition.id, orgB.id);
  await deleteOrganization(orgC.id);
  return { coalition, other, orgA, orgB, orgC, outsider, directorA, convener };
}

describe("coalition membership, one owner", () => {
  it("isActiveMember: an active member yes; one that left, a deleted one, another coalition's, an unknown id no", async () => {
    const w = await world();
    expect(await isActiveMember(w.coalition.id, w.orgA.id)).toBe(true);
    expect(await isActiveMember(w.coalition.id, w.orgB.id)).toBe(false);
    expect(await isActiveMember(w.coalition.id, w.orgC.id)).toBe(false);
    expect(await isActiveMember(w.coalition.id, w.outsider.id)).toBe(false);
    expect(await isActiveMember(w.coalition.id, crypto.randomUUID())).toBe(false);
  });

  it("activeMembersAmong keeps only the active members of that coalition", async () => {
    const w = await world();
    const found = await activeMembersAmong(w.coalition.id, [w.orgA.id, w.orgB.id, w.orgC.id, w.outsider.id, w.orgA.id]);
    expect([...found]).toEqual([w.orgA.id]);
    expect(await activeMembersAmong(w.coalition.id, [])).toEqual(new Set());
  });

  it("coalitionIdsOf lists the coalitions an organization is an active member of, and none once it left", async () => {
    const w = await world();
    await createOrganization({ slug: (await db.organization.findUniqueOrThrow({ where: { id: w.orgA.id } })).slug, coalitionId: w.other.id });
    expect(await coalitionIdsOf(w.orgA.id)).toEqual([w.coalition.id, w.other.id]);
    expect(await coalitionIdsOf(w.orgB.id)).toEqual([]);
    expect(await coalitionIdsOf(w.orgC.id)).toEqual([]);
  });

  it("counts and lists only active members; countMembersAt still counts one that left after the date", async () => {
    const w = await world();
    expect(await countActiveMembers(w.coalition.id)).toBe(1);
    expect((await listMemberOrganizations(w.coalition.id)).map((o) => o.id)).toEqual([w.orgA.id]);
    expect(await memberOrganizationOptions(w.coalition.id)).toEqual([{ id: w.orgA.id, name: "Org A", kind: "COMMUNITY_BASED_ORGANIZATION" }]);
    expect(await memberOrganizationOptions(w.coalition.id, { except: w.orgA.id })).toEqual([]);

    const joined = await db.coalitionMember.findUniqueOrThrow({ where: { coalitionId_organizationId: { coalitionId: w.coalition.id, organizationId: w.orgB.id } } });
    const beforeLeaving = new Date(joined.leftAt!.getTime() - 1);
    // At a moment before B left, A, B and C (joined; deletion does not rewrite history) were members.
    expect(await countMembersAt(w.coalition.id, beforeLeaving)).toBe(3);
    expect(await countMembersAt(w.coalition.id, new Date(joined.leftAt!.getTime() + 1))).toBe(2);
    const first = await db.coalitionMember.findUniqueOrThrow({ where: { coalitionId_organizationId: { coalitionId: w.coalition.id, organizationId: w.orgA.id } } });
    expect(await countMembersAt(w.coalition.id, first.joinedAt)).toBe(0);
  });

  it("partnersOf: the other active members of the organization's coalitions", async () => {
    const w = await world();
    const orgD = await createOrganization({ coalitionId: w.coalition.id, name: "Org D" });
    expect((await partnersOf(w.orgA.id)).map((o) => o.name)).toEqual(["Org D"]);
    expect((await partnersOf(orgD.id)).map((o) => o.name)).toEqual(["Org A"]);
    // One that left has no partners any more.
    expect(await partnersOf(w.orgB.id)).toEqual([]);
  });

  it("isConvener: an unrevoked CONVENER role in that coalition only", async () => {
    const w = await world();
    expect(await isConvener(w.convener.id, w.coalition.id)).toBe(true);
    expect(await isConvener(w.convener.id, w.other.id)).toBe(false);
    expect(await isConvener(w.directorA.id, w.coalition.id)).toBe(false);
    await db.coalitionRole.updateMany({ where: { userId: w.convener.id }, data: { revokedAt: new Date() } });
    expect(await isConvener(w.convener.id, w.coalition.id)).toBe(false);
    const again = await createUser({ email: (await db.user.findUniqueOrThrow({ where: { id: w.convener.id } })).email, convenerOf: [w.coalition.id] });
    expect(await isConvener(again.id, w.coalition.id)).toBe(true);
  });
});
