import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition } from "../../../tests/factories";
import { getMapView } from "./queries.server";

describe("the coalition's map view", () => {
  it("name, centre and zoom; a deleted or unknown coalition is a 404 (not a 500)", async () => {
    const coalition = await createCoalition({ name: "Pueblo", centerLatitude: 38.25, centerLongitude: -104.6, defaultZoom: 11 });
    expect(await getMapView(coalition.id)).toEqual({ name: "Pueblo", centerLatitude: 38.25, centerLongitude: -104.6, defaultZoom: 11 });
    await db.coalition.update({ where: { id: coalition.id }, data: { deletedAt: new Date() } });
    await expect(getMapView(coalition.id)).rejects.toMatchObject({ status: 404 });
    await expect(getMapView(crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
  });
});
