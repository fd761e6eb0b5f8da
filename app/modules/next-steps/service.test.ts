import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { addPartnershipNextStep, markPartnershipNextStepDone, nextStepsByOwner, overdueNextSteps } from "./service.server";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("next steps, one kind of item", () => {
  it("conference and workspace steps show together per owner, and both count as overdue", async () => {
    const world = await createTwoOrganizationWorld();
    const convener = { userId: world.convener.id, coalitionId: world.coalition.id, organizationId: world.orgA.id, request: {} };
    const conference = await db.conference.create({ data: { coalitionId: world.coalition.id, hostOrganizationId: world.orgA.id, createdById: world.directorA.id, title: "March case review", startsAt: d("2026-03-01") } });
    await db.nextStep.create({ data: { coalitionId: world.coalition.id, source: "CONFERENCE", conferenceId: conference.id, what: "Call the landlord", ownerName: "Director B", ownerOrganizationId: world.orgB.id, dueDate: d("2026-03-10"), createdById: world.directorA.id } });
    await addPartnershipNextStep({ actor: convener, input: { what: "Draft the data-sharing agreement", ownerName: "Director B", ownerOrganizationId: world.orgB.id, dueDate: d("2026-04-01"), aboutOrganizationId: world.orgA.id } });

    const groups = await nextStepsByOwner(world.coalition.id, d("2026-05-01"));
    const b = groups.find((g) => g.organization.id === world.orgB.id)!;
    expect(b.steps.map((s) => [s.what, s.source, s.overdue])).toEqual([
      ["Call the landlord", "CONFERENCE", true],
      ["Draft the data-sharing agreement", "PARTNERSHIP", true],
    ]);
    expect(b.steps[0].conference?.title).toBe("March case review");
    expect(b.steps[1].about).toBe("Org A");
    expect((await overdueNextSteps(world.orgB.id, d("2026-05-01"))).map((s) => s.source)).toEqual(["CONFERENCE", "PARTNERSHIP"]);
  });

  it("only the owner organization or a convener marks a workspace step done; another coalition's step is a 404", async () => {
    const world = await createTwoOrganizationWorld();
    const convener = { userId: world.convener.id, coalitionId: world.coalition.id, organizationId: world.orgA.id, request: {} };
    const step = await addPartnershipNextStep({ actor: convener, input: { what: "Renew the MOU", ownerName: "Director B", ownerOrganizationId: world.orgB.id, dueDate: d("2026-04-01") } });
    const directorA = { userId: world.directorA.id, coalitionId: world.coalition.id, organizationId: world.orgA.id, request: {} };
    await expect(markPartnershipNextStepDone({ actor: directorA, nextStepId: step.id, isConvener: false })).rejects.toMatchObject({ status: 403 });
    const elsewhere = { ...directorA, coalitionId: (await createCoalition()).id };
    await expect(markPartnershipNextStepDone({ actor: elsewhere, nextStepId: step.id, isConvener: true })).rejects.toMatchObject({ status: 404 });
    await markPartnershipNextStepDone({ actor: { userId: world.directorB.id, coalitionId: world.coalition.id, organizationId: world.orgB.id, request: {} }, nextStepId: step.id, isConvener: false });
    expect((await db.nextStep.findUniqueOrThrow({ where: { id: step.id } })).doneAt).not.toBeNull();
  });

  it("an owner outside the coalition is refused and nothing is written", async () => {
    const world = await createTwoOrganizationWorld();
    const stranger = await createOrganization({ coalitionId: (await createCoalition()).id });
    const convener = { userId: world.convener.id, coalitionId: world.coalition.id, organizationId: world.orgA.id, request: {} };
    await expect(addPartnershipNextStep({ actor: convener, input: { what: "Anything", ownerName: "X", ownerOrganizationId: stranger.id, dueDate: d("2026-04-01") } })).rejects.toMatchObject({ status: 400 });
    expect(await db.nextStep.count({ where: { ownerOrganizationId: stranger.id } })).toBe(0);
  });
});
