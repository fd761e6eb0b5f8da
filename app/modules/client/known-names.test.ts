import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createClient } from "../../../tests/consent-factories";
import { knownClientNameFindings, mergeFindings, nameTokensOf } from "./known-names.server";
import type { Finding } from "~/modules/deid/types";

async function world() {
  const w = await createTwoOrganizationWorld();
  const actor = actorFor(w.careManagerA.id, w.orgA.id);
  await createClient(actor, { name: "María José González" });
  await createClient(actor, { name: "Joy Okafor" });
  await createClient(actor, { name: "Will Brown" });
  return w;
}

const spans = (findings: Finding[]) => findings.map((f) => f.text);

describe("the organization's own clients' names in its staff's texts", () => {
  it("stores only keyed hashes of the name's words and pairs, never the name", async () => {
    const w = await world();
    const row = await db.client.findFirstOrThrow({ where: { organizationId: w.orgA.id, nameTokens: { has: nameTokensOf("Joy Okafor")[1]! } } });
    expect(row.nameTokens.length).toBeGreaterThanOrEqual(3);
    for (const token of row.nameTokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(row.nameTokens.join(" ")).not.toMatch(/joy|okafor/i);
  });

  it("finds a client's name written in full, in lower case, without accents, and a capitalised single name", async () => {
    const w = await world();
    const texts = [
      "We met with maria gonzalez at the pantry.",
      "Said Joy would come by after work.",
      "Brown asked about the bus pass again.",
      "Gonzalez's daughter called.",
      "brown rice and beans for the kids; will call on monday",
      "Nothing about any client here.",
    ];
    const found = await knownClientNameFindings({ organizationId: w.orgA.id, texts });
    expect(found.map(spans)).toEqual([["maria gonzalez"], ["Joy"], ["Brown"], ["Gonzalez's"], [], []]);
    expect(found[0]![0]).toMatchObject({ type: "NAME", start: 12, end: 26, replacement: "[name]", source: "clients" });
  });

  it("another organization's texts never match these clients, nor do deleted clients", async () => {
    const w = await world();
    const [other] = await knownClientNameFindings({ organizationId: w.orgB.id, texts: ["We met with maria gonzalez and Joy Okafor."] });
    expect(other).toEqual([]);
    await db.client.updateMany({ where: { organizationId: w.orgA.id }, data: { deletedAt: new Date() } });
    const [afterDelete] = await knownClientNameFindings({ organizationId: w.orgA.id, texts: ["We met with maria gonzalez and Joy Okafor."] });
    expect(afterDelete).toEqual([]);
  });

  it("merges with the detector's findings without overlaps: a longer known name replaces the NAME parts it covers", () => {
    const text = "Maria Gonzalez, 303-555-0142";
    const detected: Finding[] = [
      { type: "NAME", start: 0, end: 5, text: "Maria", replacement: "[name]" },
      { type: "PHONE", start: 16, end: 28, text: "303-555-0142", replacement: "[phone]" },
    ];
    const known: Finding[] = [{ type: "NAME", start: 0, end: 14, text: "Maria Gonzalez", replacement: "[name]" }];
    expect(mergeFindings(detected, known).map((f) => f.text)).toEqual(["Maria Gonzalez", "303-555-0142"]);
    expect(text.slice(0, 14)).toBe("Maria Gonzalez");
    // A known span overlapping a finding of another type is left to the detector's finding.
    const phoneLike: Finding[] = [{ type: "NAME", start: 10, end: 20, text: "x", replacement: "[name]" }];
    expect(mergeFindings(detected, phoneLike)).toEqual(detected);
  });
});
