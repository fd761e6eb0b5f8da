import { describe, expect, it } from "vitest";
import { isOpenAt, type ScheduleRule } from "./open-now";

const at = (iso: string) => new Date(iso);
const weekdays: ScheduleRule = { freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opensAt: "09:00", closesAt: "17:00" };

describe("open now", () => {
  it("weekday office hours, read in the asset's time zone (Denver is UTC−7 in winter)", () => {
    // Monday 2026-11-23 09:30 in Denver = 16:30 UTC.
    expect(isOpenAt([weekdays], at("2026-11-23T16:30:00Z"), "America/Denver")).toBe(true);
    // 08:59 local is before opening; 17:00 local is closed (closing time is exclusive).
    expect(isOpenAt([weekdays], at("2026-11-23T15:59:00Z"), "America/Denver")).toBe(false);
    expect(isOpenAt([weekdays], at("2026-11-24T00:00:00Z"), "America/Denver")).toBe(false);
    // The same instant is 11:30 in New York: open there too, but 08:30 in Los Angeles: closed.
    expect(isOpenAt([weekdays], at("2026-11-23T16:30:00Z"), "America/Los_Angeles")).toBe(false);
    // Saturday.
    expect(isOpenAt([weekdays], at("2026-11-28T18:00:00Z"), "America/Denver")).toBe(false);
  });

  it("a schedule's own time zone wins over the asset's", () => {
    const eastern: ScheduleRule = { ...weekdays, timezone: "America/New_York" };
    // 16:30 UTC = 11:30 New York (open), though 09:30 Denver would also be open; try 22:30 UTC = 17:30 NY (closed), 15:30 Denver.
    expect(isOpenAt([eastern], at("2026-11-23T22:30:00Z"), "America/Denver")).toBe(false);
    expect(isOpenAt([weekdays], at("2026-11-23T22:30:00Z"), "America/Denver")).toBe(true);
  });

  it("overnight hours run past midnight into the next day", () => {
    const shelter: ScheduleRule = { byday: "FR", opensAt: "19:00", closesAt: "07:00" };
    // Friday 2026-11-27 20:00 Denver = Sat 03:00 UTC: open.
    expect(isOpenAt([shelter], at("2026-11-28T03:00:00Z"), "America/Denver")).toBe(true);
    // Saturday 06:30 Denver (the Friday night's opening continues) = 13:30 UTC: open.
    expect(isOpenAt([shelter], at("2026-11-28T13:30:00Z"), "America/Denver")).toBe(true);
    // Saturday 07:30 Denver: closed. Friday 06:00 Denver (Thursday had no opening): closed.
    expect(isOpenAt([shelter], at("2026-11-28T14:30:00Z"), "America/Denver")).toBe(false);
    expect(isOpenAt([shelter], at("2026-11-27T13:00:00Z"), "America/Denver")).toBe(false);
    // Saturday 20:00: Saturday is not in byday.
    expect(isOpenAt([shelter], at("2026-11-29T03:00:00Z"), "America/Denver")).toBe(false);
  });

  it("follows daylight saving time (Denver is UTC−6 in summer)", () => {
    // Monday 2026-07-06 09:30 Denver = 15:30 UTC (summer); in winter 15:30 UTC would be 08:30.
    expect(isOpenAt([weekdays], at("2026-07-06T15:30:00Z"), "America/Denver")).toBe(true);
    expect(isOpenAt([weekdays], at("2026-11-23T15:30:00Z"), "America/Denver")).toBe(false);
  });

  it("24 hours, monthly rules, validity windows, and missing hours", () => {
    expect(isOpenAt([{ byday: "", opensAt: "00:00", closesAt: "00:00" }], at("2026-11-25T09:00:00Z"))).toBe(true);
    const firstSaturday: ScheduleRule = { freq: "MONTHLY", byday: "1SA", opensAt: "10:00", closesAt: "12:00" };
    expect(isOpenAt([firstSaturday], at("2026-11-07T18:00:00Z"))).toBe(true); // Sat 7 Nov, 11:00 local
    expect(isOpenAt([firstSaturday], at("2026-11-14T18:00:00Z"))).toBe(false);
    const fifteenth: ScheduleRule = { freq: "MONTHLY", bymonthday: "15", opensAt: "08:00", closesAt: "10:00" };
    expect(isOpenAt([fifteenth], at("2026-11-15T16:00:00Z"))).toBe(true);
    const ended: ScheduleRule = { ...weekdays, validTo: "2026-10-31" };
    expect(isOpenAt([ended], at("2026-11-23T16:30:00Z"))).toBe(false);
    expect(isOpenAt([{ byday: "MO" }], at("2026-11-23T16:30:00Z"))).toBe(false);
    expect(isOpenAt([], at("2026-11-23T16:30:00Z"))).toBe(false);
  });
});
