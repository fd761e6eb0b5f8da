import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { addPartnershipNextStep, markPartnershipNextStepDone, nextStepsByOwner, overdueNextSteps } from "./service.server";
import { coalitionActorFor } from "../../../tests/actors";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("next steps, one kind of item", () => {
  it("conference and workspace steps show together per owner, and both count as overdue", async () => {
    const world = await createTwoOrganizationWorld();
    const convener = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
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
    const convener = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
    const step = await addPartnershipNextStep({ actor: convener, input: { what: "Renew the MOU", ownerName: "Director B", ownerOrganizationId: world.orgB.id, dueDate: d("2026-04-01") } });
    const directorA = coalitionActorFor(world.directorA.id, world.orgA.id, world.coalition.id);
    await expect(markPartnershipNextStepDone({ actor: directorA, nextStepId: step.id, isConvener: false })).rejects.toMatchObject({ status: 403 });
    const elsewhere = { ...directorA, coalitionId: (await createCoalition()).id };
    await expect(markPartnershipNextStepDone({ actor: elsewhere, nextStepId: step.id, isConvener: true })).rejects.toMatchObject({ status: 404 });
    await markPartnershipNextStepDone({ actor: coalitionActorFor(world.directorB.id, world.orgB.id, world.coalition.id), nextStepId: step.id, isConvener: false });
    expect((await db.nextStep.findUniqueOrThrow({ where: { id: step.id } })).doneAt).not.toBeNull();
  });

  it("an owner outside the coalition is refused and nothing is written", async () => {
    const world = await createTwoOrganizationWorld();
    const stranger = await createOrganization({ coalitionId: (await createCoalition()).id });
    const convener = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
    await expect(addPartnershipNextStep({ actor: convener, input: { what: "Anything", ownerName: "X", ownerOrganizationId: stranger.id, dueDate: d("2026-04-01") } })).rejects.toMatchObject({ status: 400 });
    expect(await db.nextStep.count({ where: { ownerOrganizationId: stranger.id } })).toBe(0);
  });
});
