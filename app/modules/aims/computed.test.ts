import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { findComputedMeasure } from "./computed.server";

describe("computed measures", () => {
  it("count partners covering a domain from the rainbow, as of each period's end", async () => {
    const world = await createTwoOrganizationWorld();
    const measure = findComputedMeasure("partners-covering-economic-stability")!;
    const before = new Date(Date.now() - 1000);
    await db.organizationSdohArea.create({ data: { organizationId: world.orgA.id, code: "food-insecurity" } });
    await db.organizationSdohArea.create({ data: { organizationId: world.orgB.id, code: "social-connection" } });
    const to = new Date(Date.now() + 1000);
    expect(await measure.compute({ coalitionId: world.coalition.id, from: new Date(0), to })).toBe(1);
    expect(await measure.compute({ coalitionId: world.coalition.id, from: new Date(0), to: before })).toBe(0);
    expect(await findComputedMeasure("partners-covering-social-and-community-context")!.compute({ coalitionId: world.coalition.id, from: new Date(0), to })).toBe(1);
  });

  it("count partner organizations and conferences held in a period", async () => {
    const world = await createTwoOrganizationWorld();
    const to = new Date(Date.now() + 1000);
    expect(await findComputedMeasure("coalition-partners")!.compute({ coalitionId: world.coalition.id, from: new Date(0), to })).toBe(2);
    await db.conference.create({ data: { coalitionId: world.coalition.id, hostOrganizationId: world.orgA.id, createdById: world.directorA.id, title: "Monthly case review", startsAt: new Date(), status: "ENDED", endedAt: new Date() } });
    expect(await findComputedMeasure("conferences-held")!.compute({ coalitionId: world.coalition.id, from: new Date(Date.now() - 60_000), to })).toBe(1);
    expect(await findComputedMeasure("conferences-held")!.compute({ coalitionId: world.coalition.id, from: to, to: new Date(to.getTime() + 1000) })).toBe(0);
  });

  it("count the identifiers participants marked as missed by the check, per period and coalition", async () => {
    const world = await createTwoOrganizationWorld();
    const other = await createTwoOrganizationWorld();
    const measure = findComputedMeasure("identifiers-missed")!;
    const row = (coalitionId: string) => ({ coalitionId, conferenceId: crypto.randomUUID(), organizationId: world.orgA.id, type: "NAME", tokens: ["hash"], reportedById: world.directorB.id });
    await db.missedIdentifier.createMany({ data: [row(world.coalition.id), row(world.coalition.id), row(other.coalition.id)] });
    const to = new Date(Date.now() + 1000);
    expect(await measure.compute({ coalitionId: world.coalition.id, from: new Date(Date.now() - 60_000), to })).toBe(2);
    expect(await measure.compute({ coalitionId: world.coalition.id, from: to, to: new Date(to.getTime() + 1000) })).toBe(0);
  });
});
