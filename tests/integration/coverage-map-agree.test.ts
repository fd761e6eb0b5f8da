/**
 * The coverage page and the map agree (issue 14, defect 14: coverage said 9 housing-instability
 * assets, the map's filter showed 8). The ninth, the Rye tenant association, lies outside the map's
 * usual opening view; the map opened from "Show on the map" now opens on every match, and both
 * count with one definition (assetMatch). For every category of the seeded demo: the count the
 * coverage page shows equals what the map, opened on /map?sdoh=<code> as the convener, lists.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { getCoverage } from "~/modules/directory/coverage.server";
import { MAX_PAGE } from "~/modules/directory/schemas";
import * as mapRouteModule from "~/routes/_app.map";
import * as coverageRouteModule from "~/routes/_app.map_.coverage";
import * as assetsApiModule from "~/routes/api.assets";
import { seedDemo, DEMO_PASSWORD } from "../../prisma/seed";
import { useIsolatedDatabase } from "../setup/database";
import { settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const mapRoute = withHttpErrors(mapRouteModule);
const coverageRoute = withHttpErrors(coverageRouteModule);
const assetsApi = withHttpErrors(assetsApiModule);

type MapData = { coalition: { centerLatitude: number; centerLongitude: number }; openOn?: [number, number, number, number] | null };

describe("coverage and the map count the same assets", () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
    await seedDemo({ log: () => {} });
  }, 120_000);
  afterAll(() => restore());

  it("for every SDOH category, the map opened from the coverage page lists as many assets as the coverage counts", async () => {
    const convener = await signedInRequester("convener@demo.test", DEMO_PASSWORD);
    const coverage = (await settle(() => coverageRoute.loader({ request: convener.get("/map/coverage"), params: {}, context: {} }))).body as { coverage: Awaited<ReturnType<typeof getCoverage>> };
    const categories = coverage.coverage.flatMap((d) => d.categories).filter((c) => c.assets > 0);
    expect(categories.length).toBeGreaterThan(10);
    const disagreements: string[] = [];
    for (const category of categories) {
      const page = (await settle(() => mapRoute.loader({ request: convener.get(`/map?sdoh=${category.code}`), params: {}, context: {} }))).body as MapData;
      // The box the page's map opens on (the page's own fallback when it has none: center ± 0.45°/0.3°).
      const { centerLongitude: lng, centerLatitude: lat } = page.coalition;
      const view = page.openOn ?? [lng - 0.45, lat - 0.3, lng + 0.45, lat + 0.3];
      const api = await settle(() => assetsApi.loader({ request: convener.get(`/api/assets?bbox=${view.join(",")}&sdoh=${category.code}&limit=${MAX_PAGE}`), params: {}, context: {} }));
      expect(api.status).toBe(200);
      const answer = api.body as { count: number; truncated: boolean };
      expect(answer.truncated).toBe(false);
      if (answer.count !== category.assets) disagreements.push(`${category.code}: coverage ${category.assets}, map ${answer.count}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("a deleted asset leaves both counts, a coalition-only one is in both (for a member)", async () => {
    const coalition = await db.coalition.findFirstOrThrow({ where: { name: "Pueblo Thrives Health Coalition" } });
    const count = async () => (await getCoverage(coalition.id)).flatMap((d) => d.categories).find((c) => c.code === "housing-instability")!.assets;
    const before = await count();
    const asset = await db.asset.findFirstOrThrow({ where: { coalitionId: coalition.id, sdohCodes: { has: "housing-instability" }, visibility: "COALITION", deletedAt: null } });
    await db.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    expect(await count()).toBe(before - 1);
    await db.asset.update({ where: { id: asset.id }, data: { deletedAt: null } });
  });
});
