/** The overdue-contact rule as a table (issue #15, ADR 097): every level, default and coalition cadences, with and without a contact. */
import { describe, expect, it } from "vitest";
import { contactDueOn, isContactOverdue } from "./overdue";
import { DEFAULT_CADENCE, type CareLevel, type ContactCadence } from "./contact-schemas";
import { addDays, dayOf, isoDay } from "./dates";

const today = dayOf("2026-12-03");
const ago = (days: number) => addDays(today, -days);
const custom: ContactCadence = { HIGH: 3, MEDIUM: 10, LOW: 60 };

// [level, cadence, enrolled days ago, last contact days ago (null: none), overdue?]
const TABLE: [CareLevel, ContactCadence, number, number | null, boolean][] = [
  ["HIGH", DEFAULT_CADENCE, 30, 7, false], // due today: not yet overdue
  ["HIGH", DEFAULT_CADENCE, 30, 8, true],
  ["HIGH", DEFAULT_CADENCE, 7, null, false], // no contact: counted from enrollment
  ["HIGH", DEFAULT_CADENCE, 8, null, true],
  ["MEDIUM", DEFAULT_CADENCE, 60, 14, false],
  ["MEDIUM", DEFAULT_CADENCE, 60, 15, true],
  ["MEDIUM", DEFAULT_CADENCE, 15, null, true],
  ["LOW", DEFAULT_CADENCE, 90, 30, false],
  ["LOW", DEFAULT_CADENCE, 90, 31, true],
  ["LOW", DEFAULT_CADENCE, 20, null, false],
  ["HIGH", custom, 30, 3, false],
  ["HIGH", custom, 30, 4, true],
  ["MEDIUM", custom, 30, 11, true],
  ["LOW", custom, 90, 45, false],
  ["LOW", custom, 61, null, true],
  // A contact of an earlier enrollment does not count: re-enrolled 2 days ago, last contact 100 days ago.
  ["HIGH", DEFAULT_CADENCE, 2, 100, false],
];

describe("overdue for contact", () => {
  it.each(TABLE)("%s at %o, enrolled %i days ago, last contact %s days ago → overdue %s", (level, cadence, enrolledAgo, contactAgo, overdue) => {
    const args = { level, cadence, enrolledOn: ago(enrolledAgo), lastContactOn: contactAgo === null ? null : ago(contactAgo), today };
    expect(isContactOverdue(args)).toBe(overdue);
  });

  it("the due day is the cadence after the later of enrollment and the last contact", () => {
    expect(isoDay(contactDueOn({ level: "MEDIUM", cadence: DEFAULT_CADENCE, enrolledOn: ago(40), lastContactOn: ago(5) }))).toBe(isoDay(addDays(today, 9)));
    expect(isoDay(contactDueOn({ level: "LOW", cadence: DEFAULT_CADENCE, enrolledOn: ago(4), lastContactOn: null }))).toBe(isoDay(addDays(today, 26)));
  });
});
