/**
 * The assessment's deadline (issue #15, ADR 100), in one place for the plan page and the huddle
 * list (whose SQL says the same; assessment.test.ts checks the two agree). The care manager has
 * until the 30th day after enrollment to complete every section; an incomplete assessment is
 * overdue from the day after. A complete one is complete, however late. Browser-safe.
 */
import { ASSESSMENT_SECTIONS } from "./assessment-schemas";
import { addDays, daysBetween } from "./dates";

export const ASSESSMENT_DAYS = 30;
export const ASSESSMENT_SECTION_COUNT = ASSESSMENT_SECTIONS.length;

export type AssessmentStatus = "complete" | "open" | "overdue";

export const assessmentDueOn = (enrolledOn: Date) => addDays(enrolledOn, ASSESSMENT_DAYS);

export function assessmentState({ enrolledOn, sectionsDone, today }: { enrolledOn: Date; sectionsDone: number; today: Date }) {
  const dueOn = assessmentDueOn(enrolledOn);
  const status: AssessmentStatus = sectionsDone >= ASSESSMENT_SECTION_COUNT ? "complete" : today > dueOn ? "overdue" : "open";
  return { dueOn, status, sectionsDone, sectionsDue: Math.max(0, ASSESSMENT_SECTION_COUNT - sectionsDone), daysLeft: daysBetween(today, dueOn) };
}
