import { describe, expect, it } from "vitest";
import { lastCompletePeriod, parsePeriod, periodStart, periodsBetween, recentPeriods } from "./periods";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("periods", () => {
  it("names a period by its first day", () => {
    expect(periodStart(d("2026-11-23"), "WEEKLY")).toEqual(d("2026-11-23")); // a Monday
    expect(periodStart(d("2026-11-29"), "WEEKLY")).toEqual(d("2026-11-23")); // Sunday → Monday before
    expect(periodStart(d("2026-11-23"), "MONTHLY")).toEqual(d("2026-11-01"));
    expect(periodStart(d("2026-11-23"), "QUARTERLY")).toEqual(d("2026-10-01"));
  });

  it("lists the periods between two dates and the last complete one", () => {
    expect(periodsBetween(d("2026-01-15"), d("2026-04-02"), "MONTHLY")).toEqual([d("2026-01-01"), d("2026-02-01"), d("2026-03-01"), d("2026-04-01")]);
    expect(lastCompletePeriod(d("2026-11-23"), "MONTHLY")).toEqual(d("2026-10-01"));
    expect(lastCompletePeriod(d("2026-11-23"), "QUARTERLY")).toEqual(d("2026-07-01"));
    expect(lastCompletePeriod(d("2026-11-25"), "WEEKLY")).toEqual(d("2026-11-16"));
    expect(recentPeriods(d("2026-11-23"), "MONTHLY", 3)).toEqual([d("2026-08-01"), d("2026-09-01"), d("2026-10-01")]);
    expect(recentPeriods(d("2026-11-23"), "QUARTERLY", 2)).toEqual([d("2026-04-01"), d("2026-07-01")]);
  });

  it("parses the period forms a CSV may use, and refuses impossible dates", () => {
    expect(parsePeriod("2026-03", "MONTHLY")).toEqual(d("2026-03-01"));
    expect(parsePeriod("2026-Q2", "QUARTERLY")).toEqual(d("2026-04-01"));
    expect(parsePeriod("2026-03-18", "MONTHLY")).toEqual(d("2026-03-01"));
    expect(parsePeriod("2026-02-31", "MONTHLY")).toBeNull();
    expect(parsePeriod("March", "MONTHLY")).toBeNull();
  });

  it("refuses periods outside the hub's calendar (1900-2100) instead of reading year 0 as 1900", () => {
    for (const text of ["0000-01", "0050-01-01", "1899-12", "2101-Q1", "9999-99-99", "2026-13", "2026-00"]) expect(parsePeriod(text, "MONTHLY"), text).toBeNull();
    expect(parsePeriod("1900-01", "MONTHLY")).toEqual(d("1900-01-01"));
    expect(parsePeriod("2100-Q4", "QUARTERLY")).toEqual(d("2100-10-01"));
  });
});
