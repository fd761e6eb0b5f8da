/** The demo directory: a few hundred assets in Pueblo County, fast, idempotent. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed";
import { domainOf } from "~/modules/sdoh/roll-up";

describe("the demo directory seed", () => {
  it("seeds a few hundred assets with Pueblo County coordinates, hours and tags, including vouched informal ones, and re-running adds nothing", async () => {
    const started = performance.now();
    const coalition = await seedDemo({ log: () => {} });
    const firstRun = performance.now() - started;
    const assets = await db.asset.findMany({ where: { coalitionId: coalition.id } });
    expect(assets.length).toBeGreaterThanOrEqual(300);
    for (const a of assets) {
      expect(a.latitude).toBeGreaterThan(37.7);
      expect(a.latitude).toBeLessThan(38.6);
      expect(a.longitude).toBeGreaterThan(-105.1);
      expect(a.longitude).toBeLessThan(-104.0);
      expect(a.sdohCodes.length).toBeGreaterThan(0);
      for (const code of a.sdohCodes) expect(() => domainOf(code)).not.toThrow();
      expect(Array.isArray(a.schedules) && (a.schedules as unknown[]).length).toBeTruthy();
    }
    const informal = assets.filter((a) => a.kind !== "SERVICE_LOCATION");
    expect(informal.length).toBeGreaterThanOrEqual(30);
    expect(informal.every((a) => a.vouchedByName)).toBe(true);
    expect(informal.filter((a) => a.visibility === "COALITION").length).toBeGreaterThan(informal.length / 2);
    expect(await db.serviceAtLocation.count({ where: { service: { coalitionId: coalition.id } } })).toBe(assets.length - informal.length);

    await seedDemo({ log: () => {} });
    expect(await db.asset.count({ where: { coalitionId: coalition.id } })).toBe(assets.length);
    console.info(`demo seed first run ${firstRun.toFixed(0)} ms`);
  }, 180_000); // seeding is heavy work: minutes on a loaded 2-core machine (a time limit, not a speed claim)
});
