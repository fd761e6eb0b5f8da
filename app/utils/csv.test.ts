import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutralizeCell, restoreCell, toCsv } from "./csv";

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const DANGEROUS = ["=", "+", "-", "@", "\t", "\r"];

describe("toCsv", () => {
  it("neutralises cells that a spreadsheet would run as a formula, and quotes every text cell", () => {
    const csv = toCsv([
      { name: '=HYPERLINK("http://evil.example","Click")', phone: "+cmd|' /C calc'!A0", note: "@SUM(1+1)*cmd|' /C calc'!A0", count: "-5", tab: "\t=1+1", cr: "\r=1+1" },
    ]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe('"name","phone","note","count","tab","cr"');
    expect(row).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")","'+cmd|' /C calc'!A0","'@SUM(1+1)*cmd|' /C calc'!A0","'-5","'\t=1+1","'\r=1+1"`);
    // Every parsed cell starts with the quote: none begins with a formula character.
    for (const value of Object.values(parse(csv)[0])) expect(DANGEROUS).not.toContain(value[0]);
  });

  it("writes finite JS numbers and booleans as they are, empty for null, JSON for nested values", () => {
    const csv = toCsv([{ lat: -104.61, zero: 0, open: true, none: null, gone: undefined, nested: { a: 1 }, bad: Number.NEGATIVE_INFINITY }]);
    expect(csv.split("\r\n")[1]).toBe(`-104.61,0,true,,,"{""a"":1}","'-Infinity"`);
  });

  it("round trip: whatever the text, parsing the CSV and restoring each cell gives it back exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string(), b: fc.oneof(fc.constantFrom(...DANGEROUS, "'", "''=", "'Til Dawn"), fc.string()).chain((p) => fc.string().map((s) => p + s)) }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = Papa.parse<string[]>(toCsv(rows), { header: false }).data.slice(1).map(([a, b]) => ({ a: restoreCell(a), b: restoreCell(b) }));
        expect(back).toEqual(rows);
        for (const [a, b] of Papa.parse<string[]>(toCsv(rows), { header: false }).data.slice(1)) for (const v of [a, b]) expect(DANGEROUS).not.toContain(v[0]);
      }),
      { numRuns: 300 },
    );
  });

  it("restoreCell leaves a foreign file's leading quote alone unless it guards a formula character", () => {
    expect(restoreCell("'Til Dawn Shelter")).toBe("'Til Dawn Shelter");
    expect(restoreCell("'=1+1")).toBe("=1+1");
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
    expect(restoreCell(neutralizeCell("'=1+1"))).toBe("'=1+1");
  });
});

describe("one writer", () => {
  it("no module writes CSV around toCsv (papaparse's unparse writes formulas as they are)", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) { if (entry.name !== "generated") walk(file); continue; }
        if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
        if (/\bunparse\s*\(/.test(fs.readFileSync(file, "utf8"))) offenders.push(path.relative(process.cwd(), file));
      }
    };
    walk(path.resolve("app"));
    walk(path.resolve("server"));
    expect(offenders).toEqual([]);
  });
});
