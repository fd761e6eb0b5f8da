import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed";
import { listConferences } from "~/modules/conference/scheduling.server";
import { overdueNextSteps } from "~/modules/conference/next-steps.server";
import { useIsolatedDatabase } from "../setup/database";

describe("demo conferences in the seed", () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
  });
  afterAll(() => restore());

  it("adds one upcoming and one past conference, idempotently, with an overdue step for the food bank", async () => {
    const quiet = () => {};
    await seedDemo({ log: quiet });
    const counts = async () => ({
      conferences: await db.conference.count(),
      vignettes: await db.vignette.count(),
      messages: await db.conferenceMessage.count(),
      nextSteps: await db.nextStep.count(),
    });
    const first = await counts();
    await seedDemo({ log: quiet });
    expect(await counts()).toEqual(first);
    expect(first).toEqual({ conferences: 2, vignettes: 2, messages: 3, nextSteps: 2 });

    const foodbank = await db.organization.findUniqueOrThrow({ where: { slug: "foodbank" } });
    const ymca = await db.organization.findUniqueOrThrow({ where: { slug: "ymca" } });
    const forFoodbank = await listConferences(foodbank.id);
    expect(forFoodbank.upcoming).toHaveLength(1);
    expect(forFoodbank.past).toHaveLength(1);
    // The YMCA is not invited to the upcoming one but takes part in the coalition-wide past one.
    const forYmca = await listConferences(ymca.id);
    expect(forYmca.upcoming).toHaveLength(0);
    expect(forYmca.past).toHaveLength(1);
    expect((await overdueNextSteps(foodbank.id)).map((s) => s.what)).toEqual(["Confirm the deposit help from the emergency fund"]);
  }, 180_000); // seeding is heavy work: minutes on a loaded 2-core machine (a time limit, not a speed claim)
});
