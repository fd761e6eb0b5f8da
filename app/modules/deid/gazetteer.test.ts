import { describe, expect, it } from "vitest";
import { detectIdentifiers } from "./detect.server";
import { buildGazetteer } from "./gazetteer.server";

const spans = (text: string, found: { start: number; end: number; kind?: string; type?: string }[]) => found.map((f) => `${f.kind ?? f.type}:${text.slice(f.start, f.end)}`);

describe("the coalition gazetteer (pure)", () => {
  const gazetteer = buildGazetteer([
    { text: "Fireweed Warming Center", kind: "place" },
    { text: "Fireweed Mutual Aid", kind: "organization" },
    { text: "Sunrise Manor", kind: "place" },
    { text: "Peña Blanca Labor Camp", kind: "place" },
    { text: "1415 Larimer Street", kind: "place" },
    { text: "Hope", kind: "place" },
  ]);

  it("matches case- and accent-folded, with possessives, street words either way", () => {
    const text = "She slept at fireweed warming center's annex, then PENA BLANCA LABOR CAMP, mail to 1415 Larimer St.";
    expect(spans(text, gazetteer.find(text))).toEqual(["place:fireweed warming center", "place:PENA BLANCA LABOR CAMP", "place:1415 Larimer St"]);
  });

  it("a name of ordinary words matches only when written with a capital; one ordinary word is never an entry", () => {
    expect(gazetteer.find("the sunrise manor of her youth, full of hope")).toEqual([]);
    const text = "moved to Sunrise manor";
    expect(spans(text, gazetteer.find(text))).toEqual(["place:Sunrise manor"]);
    expect(gazetteer.size).toBe(5);
  });

  it("the detector flags the gazetteer's places with their unit and leaves its partners' names alone", () => {
    const text = "She slept at fireweed warming center's annex, cot 12, then asked Fireweed Mutual Aid for boots.";
    // Without it the shelter is missed.
    expect(spans(text, detectIdentifiers(text))).toEqual([]);
    expect(spans(text, detectIdentifiers(text, { gazetteer }))).toEqual(["LOCATION:fireweed warming center"]);
    const unit = "Back at Fireweed Warming Center, cot 12 tonight.";
    expect(spans(unit, detectIdentifiers(unit, { gazetteer }))).toEqual(["LOCATION:Fireweed Warming Center, cot 12"]);
  });
});
