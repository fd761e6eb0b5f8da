/**
 * "Today" on every role's home (issue #14 defect 13): what needs this person's action now, each
 * item a link to the work. Each part follows the rule its module owns — overdue referrals by
 * `overdueWhere`, conferences by `upcomingConferencesWhere`, next steps by their owner
 * organization — and appears only when the actor's permissions would open the page it links to.
 * No client names here: a name is PHI and would need the consent decision and an audit entry;
 * the linked page does both.
 */
import { DateTime } from "luxon";
import { db } from "~/utils/db.server";
import type { Actor } from "~/modules/auth/actor";
import type { Permission } from "~/utils/permissions";
import { reminderWindows, overdueWhere } from "~/modules/referral/queries.server";
import { AWAITING_RESPONSE, BEING_WORKED } from "~/modules/referral/state-machine";
import { coalitionTimeZone, upcomingConferencesWhere } from "~/modules/conference/queries.server";

/** Authorizations ending within this many days are worth renewing now. */
export const CONSENT_SOON_DAYS = 14;
/** Next steps due within this many days (or overdue) are listed. */
export const NEXT_STEP_SOON_DAYS = 3;
const LIST_MAX = 5;
const DAY = 86_400_000;

export type TodayItem =
  /** Referrals waiting for this organization to accept or decline. */
  | { kind: "answer"; count: number; overdue: number; href: string }
  /** Referrals this organization works that owe the sender an update. */
  | { kind: "update"; count: number; href: string }
  /** Referrals this organization sent that have had no answer or no update in time. */
  | { kind: "sentOverdue"; count: number; href: string }
  | { kind: "conference"; id: string; title: string; startsAt: string; timeZone: string; href: string }
  | { kind: "consentExpiring"; id: string; expiresAt: string; href: string }
  | { kind: "nextStep"; id: string; what: string; dueDate: string; overdue: boolean; href: string };

export async function getToday({ actor, at = new Date() }: { actor: Actor<"user">; at?: Date }): Promise<TodayItem[]> {
  const organizationId = actor.organizationId;
  if (!organizationId) return [];
  const can = (permission: Permission) => actor.permissions.has(permission);
  const windows = await reminderWindows(actor.coalitionId);
  const overdue = overdueWhere(windows, at);
  const items: TodayItem[] = [];

  if (can("referrals:receive")) {
    const [count, late, update] = await Promise.all([
      db.referral.count({ where: { recipientOrganizationId: organizationId, status: { in: [...AWAITING_RESPONSE] } } }),
      db.referral.count({ where: { recipientOrganizationId: organizationId, status: { in: [...AWAITING_RESPONSE] }, AND: [overdue] } }),
      db.referral.count({ where: { recipientOrganizationId: organizationId, status: { in: [...BEING_WORKED] }, AND: [overdue] } }),
    ]);
    if (count) items.push({ kind: "answer", count, overdue: late, href: "/referrals?status=REQUESTED" });
    if (update) items.push({ kind: "update", count: update, href: "/referrals?overdue=1" });
  }
  if (can("referrals:send")) {
    const count = await db.referral.count({ where: { senderOrganizationId: organizationId, AND: [overdue] } });
    if (count) items.push({ kind: "sentOverdue", count, href: "/referrals/sent?overdue=1" });
  }

  if (can("conferences:join") && actor.coalitionId) {
    const timeZone = await coalitionTimeZone(actor.coalitionId);
    const day = DateTime.fromJSDate(at).setZone(timeZone);
    const where = await upcomingConferencesWhere({ organizationId, coalitionId: actor.coalitionId });
    const conferences = await db.conference.findMany({
      where: { AND: [where, { startsAt: { gte: day.startOf("day").toJSDate(), lte: day.endOf("day").toJSDate() } }] },
      select: { id: true, title: true, startsAt: true },
      orderBy: { startsAt: "asc" },
      take: LIST_MAX,
    });
    for (const c of conferences) items.push({ kind: "conference", id: c.id, title: c.title, startsAt: c.startsAt.toISOString(), timeZone, href: `/conferences/${c.id}` });
  }

  if (can("clients:read")) {
    const ending = await db.consentAuthorization.findMany({
      where: { organizationId, revokedAt: null, expiresAt: { gt: at, lte: new Date(at.getTime() + CONSENT_SOON_DAYS * DAY) }, client: { deletedAt: null } },
      select: { id: true, clientId: true, expiresAt: true },
      orderBy: { expiresAt: "asc" },
      take: LIST_MAX,
    });
    for (const a of ending) items.push({ kind: "consentExpiring", id: a.id, expiresAt: a.expiresAt!.toISOString(), href: `/clients/${a.clientId}/authorizations/${a.id}` });
  }

  if (actor.coalitionId) {
    const today = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    const steps = await db.nextStep.findMany({
      where: { ownerOrganizationId: organizationId, coalitionId: actor.coalitionId, doneAt: null, dueDate: { lte: new Date(today.getTime() + NEXT_STEP_SOON_DAYS * DAY) } },
      select: { id: true, what: true, dueDate: true, conferenceId: true },
      orderBy: { dueDate: "asc" },
      take: LIST_MAX,
    });
    // A conference's step links to its summary, a workspace step to the workspace (conveners) or the partners page.
    const partnership = can("coalition:admin") ? "/partners/workspace" : "/partners";
    for (const s of steps) {
      if (s.conferenceId && !can("conferences:join")) continue;
      items.push({ kind: "nextStep", id: s.id, what: s.what, dueDate: s.dueDate.toISOString().slice(0, 10), overdue: s.dueDate < today, href: s.conferenceId ? `/conferences/${s.conferenceId}/summary` : partnership });
    }
  }
  return items;
}
