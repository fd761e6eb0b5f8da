/**
 * "Open now" in SQL (migration asset_open_hours_sql) against the code in open-now.ts, on a real
 * database: the cases of open-now.test.ts, then a few thousand generated rules and instants
 * (seeded, so a failure repeats). Both SQL paths are checked: the precomputed axis the map API
 * uses for ordinary rows, and the rule-by-rule function for the rest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/utils/db.server";
import { createCoalition } from "../../../tests/factories";
import { isOpenAt, type ScheduleRule } from "./open-now";

let coalitionId: string;

beforeAll(async () => {
  coalitionId = (await createCoalition({ timeZone: "America/Denver" })).id;
});

/** Inserts one asset per schedule list and answers, for each instant, [fast path, general function] per asset. */
async function sqlOpen(schedules: ScheduleRule[][], instants: Date[], timeZone = "America/Denver") {
  const ids: string[] = [];
  for (const rules of schedules) {
    const asset = await db.asset.create({ data: { coalitionId, kind: "PLACE", visibility: "PUBLIC", name: "hours", latitude: 10, longitude: 10, schedules: rules as Prisma.InputJsonValue, timeZone } });
    ids.push(asset.id);
  }
  const answers: { fast: boolean; general: boolean }[][] = [];
  for (const at of instants) {
    const rows = await db.$queryRaw<{ id: string; fast: boolean; general: boolean }[]>`
      SELECT a."id"::text AS "id",
             (CASE WHEN a."hoursExact" AND a."timeZone" = ctx."zone" THEN a."openAxis" && ctx."probe" ELSE hub_asset_open_at(a."schedules", a."timeZone", ${at}::timestamptz) END) AS "fast",
             hub_asset_open_at(a."schedules", a."timeZone", ${at}::timestamptz) AS "general"
      FROM "Asset" a CROSS JOIN (SELECT 'America/Denver'::text AS "zone", hub_open_probe(${at}::timestamptz, 'America/Denver') AS "probe") ctx
      WHERE a."id" = ANY(${ids}::uuid[])`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    answers.push(ids.map((id) => ({ fast: byId.get(id)!.fast, general: byId.get(id)!.general })));
  }
  await db.asset.deleteMany({ where: { id: { in: ids } } });
  return answers;
}

async function expectSameAsCode(schedules: ScheduleRule[][], instants: Date[], timeZone = "America/Denver") {
  const answers = await sqlOpen(schedules, instants, timeZone);
  const mismatches: string[] = [];
  instants.forEach((at, i) =>
    schedules.forEach((rules, j) => {
      const code = isOpenAt(rules, at, timeZone);
      const { fast, general } = answers[i][j];
      if (fast !== code || general !== code) mismatches.push(`${at.toISOString()} ${timeZone} ${JSON.stringify(rules)}: code ${code}, axis ${fast}, function ${general}`);
    }),
  );
  expect(mismatches.slice(0, 10)).toEqual([]);
}

const weekdays: ScheduleRule = { freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opensAt: "09:00", closesAt: "17:00" };

describe("open now in SQL agrees with the code", () => {
  it("on the hand-written cases: time zones, a rule's own zone, overnight, DST, 24 hours, monthly, validity, missing hours", async () => {
    const schedules: ScheduleRule[][] = [
      [weekdays],
      [{ ...weekdays, timezone: "America/New_York" }],
      [{ byday: "FR", opensAt: "19:00", closesAt: "07:00" }],
      [{ byday: "", opensAt: "00:00", closesAt: "00:00" }],
      [{ freq: "MONTHLY", byday: "1SA", opensAt: "10:00", closesAt: "12:00" }],
      [{ freq: "MONTHLY", bymonthday: "15", opensAt: "08:00", closesAt: "10:00" }],
      [{ ...weekdays, validTo: "2026-10-31" }],
      [{ byday: "MO" }],
      [],
    ];
    const instants = ["2026-11-23T16:30:00Z", "2026-11-23T15:59:00Z", "2026-11-24T00:00:00Z", "2026-11-28T18:00:00Z", "2026-11-23T22:30:00Z", "2026-11-28T03:00:00Z",
      "2026-11-28T13:30:00Z", "2026-11-28T14:30:00Z", "2026-11-27T13:00:00Z", "2026-11-29T03:00:00Z", "2026-07-06T15:30:00Z", "2026-11-23T15:30:00Z",
      "2026-11-25T09:00:00Z", "2026-11-07T18:00:00Z", "2026-11-14T18:00:00Z", "2026-11-15T16:00:00Z"].map((iso) => new Date(iso));
    await expectSameAsCode(schedules, instants);
    await expectSameAsCode(schedules, instants, "America/Los_Angeles");
  });

  it("on generated rules (weekly, daily, monthly nth weekdays and month days, overnight, validity, foreign zones) around DST changes and month ends", async () => {
    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const time = () => pick(["00:00", "06:30", "07:00", "09:00", "11:45", "12:00", "17:00", "19:00", "23:59", "24:00", "9:15", "25:00", "", "noon"]);
    const codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    const rule = (): ScheduleRule => {
      const freq = pick(["WEEKLY", "WEEKLY", "DAILY", "MONTHLY", "MONTHLY", null, "weekly"]);
      const monthly = freq === "MONTHLY";
      const byday = monthly
        ? Array.from({ length: 1 + Math.floor(random() * 2) }, () => `${pick(["", "1", "2", "3", "4", "5", "-1", "-2", "0", "6"])}${pick(codes)}`).join(",")
        : pick(["", "MO,TU,WE,TH,FR", "SA,SU", "FR", " mo , we ", "XX", "1MO"]);
      return {
        freq, byday,
        bymonthday: monthly ? pick([null, "1", "15", "-1", "31", "1,-1", "0", "40"]) : null,
        opensAt: time(), closesAt: time(),
        timezone: pick([null, null, null, "America/Denver", "America/New_York", "Mars/Olympus"]),
        validFrom: pick([null, null, null, "2026-03-08", "2026-11-01"]),
        validTo: pick([null, null, null, "2026-03-08", "2026-10-31", "2026-12-31"]),
      };
    };
    const schedules = Array.from({ length: 120 }, () => Array.from({ length: 1 + Math.floor(random() * 2) }, rule));
    // Around the spring-forward (8 Mar) and fall-back (1 Nov) changes in 2026, month ends, a leap-free February.
    const bases = ["2026-03-08T06:00:00Z", "2026-03-09T01:30:00Z", "2026-11-01T07:30:00Z", "2026-11-01T08:30:00Z", "2026-02-28T20:00:00Z", "2026-05-31T23:59:00Z", "2026-12-31T06:59:00Z"];
    const instants = bases.flatMap((iso) => [0, 17, 6 * 60 + 1, 13 * 60 + 30].map((m) => new Date(new Date(iso).getTime() + m * 60_000)));
    await expectSameAsCode(schedules, instants);
  });
});
