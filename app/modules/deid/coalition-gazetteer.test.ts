import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { checkTexts } from "~/modules/conference/identifiers.server";
import { createCoalition, createOrganization } from "../../../tests/factories";
import { coalitionGazetteer, directoryEntries } from "./coalition-gazetteer.server";

const TEXT = "Mr. Pike slept at fireweed warming center's annex, cot 12, then by the Kettle Creek footbridge; asked Fireweed Mutual Aid for boots.";
const found = (text: string, findings: { start: number; end: number; type: string }[]) => findings.map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

async function world() {
  const coalition = await createCoalition();
  const other = await createCoalition();
  const partner = await createOrganization({ coalitionId: coalition.id, name: "Fireweed Mutual Aid", addressLine1: "1415 Larimer Street" });
  await db.directoryLocation.create({ data: { coalitionId: coalition.id, organizationId: partner.id, name: "Fireweed Warming Center", latitude: 39.75, longitude: -104.99, address1: "2230 Champa St" } });
  await db.directoryLocation.create({ data: { coalitionId: coalition.id, organizationId: partner.id, name: "Fireweed Mutual Aid", latitude: 39.75, longitude: -104.99 } });
  return { coalition, other, partner };
}

describe("the coalition's own gazetteer (directory, cache, call site)", () => {
  it("lists the directory's places and partners with their kinds", async () => {
    const { coalition } = await world();
    await db.asset.create({ data: { coalitionId: coalition.id, kind: "PLACE", visibility: "PUBLIC", name: "Kettle Creek footbridge", latitude: 39.7, longitude: -105 } });
    const entries = await directoryEntries(coalition.id);
    expect(entries).toEqual(expect.arrayContaining([
      { text: "Fireweed Mutual Aid", kind: "organization" },
      { text: "1415 Larimer Street", kind: "place" },
      { text: "Fireweed Warming Center", kind: "place" },
      { text: "2230 Champa St", kind: "place" },
      { text: "Kettle Creek footbridge", kind: "place" },
    ]));
    expect(entries).not.toContainEqual({ text: "Fireweed Mutual Aid", kind: "place" });
  });

  it("is rebuilt when the directory changes, per coalition, and the conference check uses it", async () => {
    const { coalition, other, partner } = await world();
    const before = await coalitionGazetteer(coalition.id);
    expect(await coalitionGazetteer(coalition.id)).toBe(before); // unchanged directory: the cached one
    expect(found(TEXT, (await checkTexts(partner.id, [TEXT], coalition.id))[0]!)).not.toContain("LOCATION:Kettle Creek footbridge");

    await db.asset.create({ data: { coalitionId: coalition.id, kind: "PLACE", visibility: "PUBLIC", name: "Kettle Creek footbridge", latitude: 39.7, longitude: -105 } });
    const after = await coalitionGazetteer(coalition.id);
    expect(after).not.toBe(before);
    expect(after.size).toBe(before.size + 1);

    const [findings] = await checkTexts(partner.id, [TEXT], coalition.id);
    expect(found(TEXT, findings!)).toEqual(["NAME:Pike", "LOCATION:fireweed warming center", "LOCATION:Kettle Creek footbridge"]);
    // Another coalition's directory is not this one's.
    expect((await coalitionGazetteer(other.id)).size).toBe(0);
    const [elsewhere] = await checkTexts(partner.id, [TEXT], other.id);
    expect(found(TEXT, elsewhere!)).not.toContain("LOCATION:fireweed warming center");
  });
});
