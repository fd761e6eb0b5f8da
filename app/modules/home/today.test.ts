import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createReferralWorld, sendTestReferral } from "../../../tests/referral-factories";
import { createUser } from "../../../tests/factories";
import { actorFor } from "../../../tests/actors";
import type { Actor } from "~/modules/auth/actor";
import { getToday } from "./today.server";

const DAY = 86_400_000;
const inCoalition = (actor: Actor, coalitionId: string): Actor => ({ ...actor, coalitionId, coalitionName: "Test Coalition", coalitionIds: [coalitionId] });
const kinds = (items: Awaited<ReturnType<typeof getToday>>) => items.map((i) => i.kind);

describe("getToday (#14 defect 13)", () => {
  it("leads each role to what needs its action: referrals to answer or update, overdue ones sent, conferences today, consents ending, next steps due", async () => {
    const world = await createReferralWorld();
    const at = new Date();
    const sender = inCoalition(world.sender, world.coalition.id);
    const receiver = inCoalition(world.receiver, world.coalition.id);

    // Nothing yet: an empty day for both sides.
    expect(await getToday({ actor: receiver, at })).toEqual([]);

    // Two referrals to B: one fresh, one sent five days ago (past the 3-day answer window).
    await sendTestReferral(world);
    const late = await sendTestReferral(world);
    await db.referral.update({ where: { id: late.id }, data: { sentAt: new Date(at.getTime() - 5 * DAY) } });

    // A conference today that B is invited to, one tomorrow, and one today that B cannot see.
    const today = await db.conference.create({ data: { coalitionId: world.coalition.id, hostOrganizationId: world.orgA.id, createdById: world.directorA.id, title: "Case review today", startsAt: new Date(at.getTime() + 60_000), invitations: { create: { organizationId: world.orgB.id } } } });
    await db.conference.create({ data: { coalitionId: world.coalition.id, hostOrganizationId: world.orgA.id, createdById: world.directorA.id, title: "Tomorrow", startsAt: new Date(at.getTime() + 2 * DAY), invitations: { create: { organizationId: world.orgB.id } } } });
    await db.conference.create({ data: { coalitionId: world.coalition.id, hostOrganizationId: world.orgA.id, createdById: world.directorA.id, title: "A and C only", startsAt: new Date(at.getTime() + 60_000), invitations: { create: { organizationId: world.orgC.id } } } });

    // B owns a next step due tomorrow and one done; A's client's authorization ends in a week.
    await db.nextStep.create({ data: { coalitionId: world.coalition.id, source: "CONFERENCE", conferenceId: today.id, what: "Call the landlord", ownerName: "B", ownerOrganizationId: world.orgB.id, dueDate: new Date(at.getTime() + DAY), createdById: world.directorA.id } });
    await db.nextStep.create({ data: { coalitionId: world.coalition.id, source: "CONFERENCE", conferenceId: today.id, what: "Done already", ownerName: "B", ownerOrganizationId: world.orgB.id, dueDate: new Date(at.getTime() - DAY), createdById: world.directorA.id, doneAt: at } });
    await db.consentAuthorization.update({ where: { id: world.authorizationId }, data: { expiresAt: new Date(at.getTime() + 7 * DAY) } });

    const forB = await getToday({ actor: receiver, at });
    expect(forB).toContainEqual({ kind: "answer", count: 2, overdue: 1, href: "/referrals?status=REQUESTED" });
    expect(forB.filter((i) => i.kind === "conference").map((i) => i.kind === "conference" && i.title)).toEqual(["Case review today"]);
    expect(forB).toContainEqual(expect.objectContaining({ kind: "nextStep", what: "Call the landlord", overdue: false, href: `/conferences/${today.id}/summary` }));
    expect(kinds(forB)).not.toContain("consentExpiring"); // the authorization is A's to renew
    expect(kinds(forB)).not.toContain("sentOverdue");

    const forA = await getToday({ actor: sender, at });
    expect(forA).toContainEqual({ kind: "sentOverdue", count: 1, href: "/referrals/sent?overdue=1" });
    expect(forA).toContainEqual(expect.objectContaining({ kind: "consentExpiring", href: `/clients/${world.clientId}/authorizations/${world.authorizationId}` }));
    expect(kinds(forA)).not.toContain("answer");
    expect(kinds(forA)).not.toContain("nextStep");

    // B accepts the late one and then says nothing for eight days: it owes A an update.
    await db.referral.update({ where: { id: late.id }, data: { status: "ACCEPTED", acceptedAt: new Date(at.getTime() - 8 * DAY) } });
    expect(await getToday({ actor: receiver, at })).toContainEqual({ kind: "update", count: 1, href: "/referrals?overdue=1" });

    // Staff receive referrals but hold no clients and send none: only what they can open.
    const staff = await createUser({ name: "Staff B", memberships: [{ organizationId: world.orgB.id, role: "STAFF" }] });
    const forStaff = await getToday({ actor: inCoalition(actorFor(staff.id, world.orgB.id, { role: "STAFF" }), world.coalition.id), at });
    expect(kinds(forStaff)).toContain("answer");
    expect(kinds(forStaff)).not.toContain("consentExpiring");
    expect(kinds(forStaff)).not.toContain("sentOverdue");

    // Another organization's day shows none of it: only the conference it is invited to.
    const forC = await getToday({ actor: inCoalition(world.outsider, world.coalition.id), at });
    expect(forC.map((i) => (i.kind === "conference" ? i.title : i.kind))).toEqual(["A and C only"]);
  });
});
