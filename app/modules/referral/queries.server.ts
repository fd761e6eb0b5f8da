/**
 * Referral lists shaped for the inbox (referrals sent to my organization) and the outbox (sent by
 * it): counts by status, filters, overdue flags, one page at a time. The outbox shows the sender's
 * own clients' names; the inbox shows a client's name only as far as the client's authorization
 * lets the receiving organization see it, by the rule the referral page applies (`evaluateAccess`
 * over the referral's categories, the name with contact details). Both are audited list reads.
 */
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decryptClientName } from "~/modules/client/service.server";
import { evaluateAccess } from "~/modules/consent/decision.server";
import { DEFAULT_WINDOWS, overdueCutoffs, overdueOf, type ReminderWindows } from "./overdue";
import type { ConsentCategory } from "~/modules/consent/categories";
import type { AuthorizationFacts } from "~/modules/consent/decision.server";
import type { ReferralListFilter } from "./schemas";
import { AWAITING_RESPONSE, BEING_WORKED, REFERRAL_STATUSES, type ReferralStatus } from "./state-machine";
import type { Actor } from "~/modules/auth/actor";

export const PAGE_SIZE = 50;

export async function reminderWindows(coalitionId: string | null): Promise<ReminderWindows> {
  if (!coalitionId) return DEFAULT_WINDOWS;
  const c = await db.coalition.findUnique({ where: { id: coalitionId }, select: { referralAcceptDays: true, referralUpdateDays: true } });
  return c ? { acceptDays: c.referralAcceptDays, updateDays: c.referralUpdateDays } : DEFAULT_WINDOWS;
}

/** Overdue as a WHERE clause (the same rule as overdueOf, for counts and filters). */
export function overdueWhere(windows: ReminderWindows, at: Date): Prisma.ReferralWhereInput {
  const { respondBefore, updateBefore } = overdueCutoffs(windows, at);
  return {
    OR: [
      { status: { in: [...AWAITING_RESPONSE] }, sentAt: { lte: respondBefore } },
      {
        status: { in: [...BEING_WORKED] },
        OR: [
          { lastReceiverUpdateAt: { lte: updateBefore } },
          { lastReceiverUpdateAt: null, acceptedAt: { lte: updateBefore } },
        ],
      },
    ],
  };
}

export type ClientAccess = "own" | "consented" | "not-shared" | "withheld";

/** The receiver's view of a referral's client, by the referral page's rule (ADR 021), over facts loaded with the row. */
function inboxClient(
  r: { clientId: string; categories: ConsentCategory[]; client: { organizationId: string; deletedAt: Date | null; nameCipher: string; authorizations: Omit<AuthorizationFacts, "recipientIds">[] } },
  organizationId: string,
  at: Date,
): { clientAccess: ClientAccess; clientName: string | null } {
  if (r.client.deletedAt) return { clientAccess: "withheld", clientName: null };
  // The authorizations were loaded already narrowed to those naming this organization.
  const authorizations = r.client.authorizations.map((a) => ({ ...a, recipientIds: [organizationId] }));
  const { grants } = evaluateAccess({ clientOrganizationId: r.client.organizationId, organizationId, authorizations, categories: r.categories, at });
  if (grants.length === 0) return { clientAccess: "withheld", clientName: null };
  if (!grants.some((g) => g.category === "CONTACT_DEMOGRAPHICS")) return { clientAccess: "not-shared", clientName: null };
  return { clientAccess: "consented", clientName: decryptClientName(r.clientId, r.client.nameCipher) };
}

export type ReferralListRow = {
  id: string;
  status: ReferralStatus;
  priority: string;
  sdohCodes: string[];
  partner: { id: string; name: string };
  serviceName: string | null;
  /** Set for the sender's own client, or when the receiver's access covers the name. */
  clientName: string | null;
  /**
   * own: the sender's client. consented: named under the client's authorization. not-shared: an
   * authorization is in effect but the name did not go with the referral. withheld: no
   * authorization covers the receiver now (revoked, expired…): status and need only.
   */
  clientAccess: ClientAccess;
  /** The person who sent it (inbox), so two referrals from one organization can be told apart. */
  senderName: string | null;
  sentAt: Date | null;
  updatedAt: Date;
  overdue: ReturnType<typeof overdueOf>;
};

export async function listReferrals({ actor, box, filter, coalitionId, at = new Date() }: { actor: Actor; box: "inbox" | "outbox"; filter: ReferralListFilter; coalitionId: string | null; at?: Date }) {
  const mine: Prisma.ReferralWhereInput = box === "inbox" ? { recipientOrganizationId: actor.organizationId, status: { not: "DRAFT" } } : { senderOrganizationId: actor.organizationId };
  const windows = await reminderWindows(coalitionId);
  const where: Prisma.ReferralWhereInput = {
    AND: [
      mine,
      filter.status ? { status: filter.status } : {},
      filter.partner ? (box === "inbox" ? { senderOrganizationId: filter.partner } : { recipientOrganizationId: filter.partner }) : {},
      filter.overdue ? overdueWhere(windows, at) : {},
    ],
  };
  const [byStatus, overdueCount, total, rows, partners] = await Promise.all([
    db.referral.groupBy({ by: ["status"], where: mine, _count: { _all: true } }),
    db.referral.count({ where: { AND: [mine, overdueWhere(windows, at)] } }),
    db.referral.count({ where }),
    db.referral.findMany({
      where,
      orderBy: [{ sentAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, status: true, priority: true, sdohCodes: true, sentAt: true, updatedAt: true, acceptedAt: true, lastReceiverUpdateAt: true, clientId: true, categories: true, senderUserId: true,
        sender: { select: { id: true, name: true } },
        recipient: { select: { id: true, name: true } },
        service: { select: { name: true } },
        // With the page, in the same findMany: the name (encrypted) and, for the inbox, only the authorizations naming this organization (indexed by client, then the recipient key).
        client: {
          select: {
            nameCipher: true, organizationId: true, deletedAt: true,
            authorizations: box === "inbox"
              ? { where: { recipients: { some: { organizationId: actor.organizationId } } }, select: { id: true, form: true, categories: true, effectiveAt: true, expiresAt: true, revokedAt: true, signedAt: true } }
              : false,
          },
        },
      },
    }),
    partnersOf(box, mine),
  ]);
  const senders = box === "inbox" && rows.length
    ? new Map((await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.senderUserId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  const clients = rows.map((r) =>
    box === "outbox" ? { clientAccess: "own" as const, clientName: decryptClientName(r.clientId, r.client.nameCipher) } : inboxClient({ ...r, client: { ...r.client, authorizations: r.client.authorizations ?? [] } }, actor.organizationId, at),
  );
  const named = clients.filter((c) => c.clientName !== null).length;
  const counts = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  for (const g of byStatus) counts[g.status] = g._count._all;
  if (named > 0) {
    await recordAuditEvent({ action: "client.list_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: named, purpose: box === "outbox" ? "referral-outbox" : "referral-inbox" }, request: actor.request });
  }
  return {
    counts,
    overdueCount,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    partners,
    rows: rows.map((r, i): ReferralListRow => ({
      id: r.id,
      status: r.status,
      priority: r.priority,
      sdohCodes: r.sdohCodes,
      partner: box === "inbox" ? r.sender : r.recipient,
      serviceName: r.service?.name ?? null,
      ...clients[i],
      senderName: box === "inbox" ? (senders.get(r.senderUserId) ?? null) : null,
      sentAt: r.sentAt,
      updatedAt: r.updatedAt,
      overdue: overdueOf(r, windows, at),
    })),
  };
}

/**
 * The partner organizations in a box, for the filter. GROUP BY in SQL: Prisma's `distinct` reads
 * every matching row into the process and de-duplicates there (27 ms of a 68 ms inbox page with
 * 10,000 referrals; see ADR 052).
 */
async function partnersOf(box: "inbox" | "outbox", mine: Prisma.ReferralWhereInput) {
  const ids =
    box === "inbox"
      ? (await db.referral.groupBy({ by: ["senderOrganizationId"], where: mine })).map((g) => g.senderOrganizationId)
      : (await db.referral.groupBy({ by: ["recipientOrganizationId"], where: mine })).map((g) => g.recipientOrganizationId);
  if (ids.length === 0) return [];
  const organizations = await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return organizations.sort((a, b) => a.name.localeCompare(b.name));
}
