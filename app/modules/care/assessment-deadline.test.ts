/** The 30-day assessment deadline as a table (issue #15, ADR 100): sections done × days since enrollment. */
import { describe, expect, it } from "vitest";
import { assessmentState, ASSESSMENT_SECTION_COUNT, type AssessmentStatus } from "./assessment-deadline";
import { addDays, dayOf, isoDay } from "./dates";

const today = dayOf("2026-12-03");

// [enrolled days ago, sections done, status, days left]
const TABLE: [number, number, AssessmentStatus, number][] = [
  [0, 0, "open", 30], // enrolled today: the whole month ahead
  [10, 3, "open", 20],
  [29, 6, "open", 1],
  [30, 0, "open", 0], // the 30th day: due today, not yet overdue
  [30, 6, "open", 0],
  [31, 0, "overdue", -1], // the day after: overdue
  [31, 6, "overdue", -1], // one section missing is still overdue
  [45, 2, "overdue", -15],
  [5, ASSESSMENT_SECTION_COUNT, "complete", 25], // complete early
  [30, ASSESSMENT_SECTION_COUNT, "complete", 0],
  [60, ASSESSMENT_SECTION_COUNT, "complete", -30], // complete late is complete, not overdue
];

describe("the 30-day assessment deadline", () => {
  it.each(TABLE)("enrolled %i days ago with %i sections done → %s, %i days left", (enrolledAgo, done, status, daysLeft) => {
    const state = assessmentState({ enrolledOn: addDays(today, -enrolledAgo), sectionsDone: done, today });
    expect(state.status).toBe(status);
    expect(state.daysLeft).toBe(daysLeft);
    expect(state.sectionsDue).toBe(Math.max(0, ASSESSMENT_SECTION_COUNT - done));
  });

  it("is due 30 days after enrollment; there are seven sections", () => {
    expect(isoDay(assessmentState({ enrolledOn: dayOf("2026-11-20"), sectionsDone: 0, today }).dueOn)).toBe("2026-12-20");
    expect(ASSESSMENT_SECTION_COUNT).toBe(7);
  });
});
