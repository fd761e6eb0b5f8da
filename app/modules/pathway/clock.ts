/**
 * The one-week clock of an external referral (the guidance: get back to the referring provider
 * within a week): due seven days after it was received; overdue while still unanswered past
 * that. Pure; used by the inbox's intake list and the intake page.
 */
const DAY = 86_400_000;
export const ANSWER_WITHIN_DAYS = 7;

export type OneWeekClock = { dueAt: Date; answered: boolean; overdue: boolean; daysLeft: number };

export function oneWeekClock(r: { receivedAt: Date; respondedAt: Date | null }, at: Date): OneWeekClock {
  const dueAt = new Date(r.receivedAt.getTime() + ANSWER_WITHIN_DAYS * DAY);
  const answered = r.respondedAt !== null;
  const overdue = !answered && at.getTime() > dueAt.getTime();
  return { dueAt, answered, overdue, daysLeft: Math.ceil((dueAt.getTime() - at.getTime()) / DAY) };
}
