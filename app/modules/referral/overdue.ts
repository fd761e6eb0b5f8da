/**
 * When a referral is overdue: the receiver has not accepted or declined within the coalition's
 * window (default 3 days), or the sender has had no update for a week while it is being worked
 * (the guidance: update the referring provider within one week). Pure; used by the lists, the
 * referral page and the reminder job.
 */
import { AWAITING_RESPONSE, BEING_WORKED, type ReferralStatus } from "./state-machine";

export type ReminderWindows = { acceptDays: number; updateDays: number };
export const DEFAULT_WINDOWS: ReminderWindows = { acceptDays: 3, updateDays: 7 };

export type Overdue = { kind: "response" | "update"; since: Date; days: number } | null;

const DAY = 86_400_000;

export function overdueOf(
  r: { status: ReferralStatus; sentAt: Date | null; acceptedAt: Date | null; lastReceiverUpdateAt: Date | null },
  windows: ReminderWindows,
  at: Date,
): Overdue {
  if (AWAITING_RESPONSE.includes(r.status) && r.sentAt) {
    const due = new Date(r.sentAt.getTime() + windows.acceptDays * DAY);
    if (due <= at) return { kind: "response", since: r.sentAt, days: Math.floor((at.getTime() - r.sentAt.getTime()) / DAY) };
  }
  if (BEING_WORKED.includes(r.status)) {
    const last = r.lastReceiverUpdateAt ?? r.acceptedAt ?? r.sentAt;
    if (last && new Date(last.getTime() + windows.updateDays * DAY) <= at) return { kind: "update", since: last, days: Math.floor((at.getTime() - last.getTime()) / DAY) };
  }
  return null;
}

/** The SQL-side cut-offs for "overdue" filters and the reminder job. */
export function overdueCutoffs(windows: ReminderWindows, at: Date) {
  return { respondBefore: new Date(at.getTime() - windows.acceptDays * DAY), updateBefore: new Date(at.getTime() - windows.updateDays * DAY) };
}
