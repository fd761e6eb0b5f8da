/**
 * Referral flow between the coalition's partners, for directors and conveners: who refers to whom,
 * volumes, loop closure rate, median days to accept and to close, decline reasons, outcomes, and
 * the "not a good fit" declines the partners review together.
 *
 * Counting rules (one place, shared by the flow page and the computed measures):
 *  - the period holds referrals *sent* in [from, to) (drafts were never sent);
 *  - entered-in-error referrals are mistakes and count nowhere;
 *  - loop closure rate = closed loops (rejected, completed, failed: the receiver reported back)
 *    / referrals sent, cancelled ones left out of the denominator (the sender withdrew them);
 *  - days to accept = acceptedAt - sentAt over referrals ever accepted; days to close = closedAt -
 *    sentAt over closed loops.
 * The aggregates are coalition-wide and carry no client details. A "not a good fit" explanation is
 * free text written about one client's referral, so it is shown only to the two organizations on
 * that referral and to the coalition's conveners; other directors see that the decline happened.
 */
import { db, Prisma } from "~/utils/db.server";
import { LOOP_CLOSED, REFERRAL_OUTCOMES, REFERRAL_REASONS, type ReferralOutcome, type ReferralReason } from "./state-machine";
import type { FlowPeriod } from "./flow-schemas";
const DAY_MS = 86_400_000;

export type FlowViewer = { organizationId: string | null; isConvener: boolean };

export type FlowTotals = { sent: number; cancelled: number; accepted: number; closedLoop: number; closureRate: number | null; medianDaysToAccept: number | null; medianDaysToClose: number | null };
export type FlowPair = FlowTotals & { sender: { id: string; name: string }; recipient: { id: string; name: string } };

type AggregateRow = {
  sender: string | null;
  recipient: string | null;
  sent: bigint;
  cancelled: bigint;
  accepted: bigint;
  closed: bigint;
  accept_days: number | null;
  close_days: number | null;
};

const LOOP_CLOSED_SQL = Prisma.join(LOOP_CLOSED.map((s) => Prisma.sql`${s}::"ReferralStatus"`));

/** Totals and per (sender, recipient) pair for referrals sent in [from, to), in one statement. */
async function aggregates(coalitionId: string, from: Date, to: Date, { pairs }: { pairs: boolean }) {
  const grouping = pairs ? Prisma.sql`GROUP BY GROUPING SETS (("senderOrganizationId", "recipientOrganizationId"), ())` : Prisma.empty;
  const keys = pairs ? Prisma.sql`"senderOrganizationId"::text AS sender, "recipientOrganizationId"::text AS recipient,` : Prisma.sql`NULL AS sender, NULL AS recipient,`;
  return db.$queryRaw<AggregateRow[]>`
    SELECT ${keys}
      count(*) AS sent,
      count(*) FILTER (WHERE "status" = 'CANCELLED') AS cancelled,
      count(*) FILTER (WHERE "acceptedAt" IS NOT NULL) AS accepted,
      count(*) FILTER (WHERE "status" IN (${LOOP_CLOSED_SQL})) AS closed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("acceptedAt" - "sentAt")) / 86400) FILTER (WHERE "acceptedAt" IS NOT NULL) AS accept_days,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("closedAt" - "sentAt")) / 86400) FILTER (WHERE "status" IN (${LOOP_CLOSED_SQL}) AND "closedAt" IS NOT NULL) AS close_days
    FROM "Referral"
    WHERE "coalitionId" = ${coalitionId}::uuid AND "sentAt" >= ${from} AND "sentAt" < ${to}
      AND "status" NOT IN ('DRAFT', 'ENTERED_IN_ERROR')
    ${grouping}`;
}

function totalsOf(row: AggregateRow | undefined): FlowTotals {
  const sent = Number(row?.sent ?? 0);
  const cancelled = Number(row?.cancelled ?? 0);
  const closedLoop = Number(row?.closed ?? 0);
  const denominator = sent - cancelled;
  return {
    sent,
    cancelled,
    accepted: Number(row?.accepted ?? 0),
    closedLoop,
    closureRate: denominator > 0 ? closedLoop / denominator : null,
    medianDaysToAccept: row?.accept_days == null ? null : Number(row.accept_days),
    medianDaysToClose: row?.close_days == null ? null : Number(row.close_days),
  };
}

/** Coalition-wide totals for referrals sent in [from, to) (the computed measures and the home page). */
export async function referralTotals(coalitionId: string, from: Date, to: Date): Promise<FlowTotals> {
  const [row] = await aggregates(coalitionId, from, to, { pairs: false });
  return totalsOf(row);
}

export type NotAGoodFit = {
  referralId: string;
  sender: { id: string; name: string };
  recipient: { id: string; name: string };
  sdohCodes: string[];
  serviceName: string | null;
  declinedAt: Date | null;
  /** The receiver's explanation; null when the viewer is neither party nor a convener. */
  explanation: string | null;
  explanationHidden: boolean;
};

export async function getReferralFlow({ coalitionId, viewer, days, at = new Date() }: { coalitionId: string; viewer: FlowViewer; days: FlowPeriod; at?: Date }) {
  const from = new Date(at.getTime() - days * DAY_MS);
  const periodWhere = { coalitionId, sentAt: { gte: from, lt: at }, status: { notIn: ["DRAFT", "ENTERED_IN_ERROR"] } } satisfies Prisma.ReferralWhereInput;
  const [rows, reasons, outcomes, fits, members] = await Promise.all([
    aggregates(coalitionId, from, at, { pairs: true }),
    db.referral.groupBy({ by: ["status", "statusReason"], where: { ...periodWhere, status: { in: ["REJECTED", "FAILED"] } }, _count: { _all: true } }),
    db.referral.groupBy({ by: ["outcome"], where: { ...periodWhere, status: "COMPLETED" }, _count: { _all: true } }),
    db.referral.findMany({
      where: { ...periodWhere, status: "REJECTED", statusReason: "NOT_A_GOOD_FIT" },
      orderBy: [{ closedAt: "desc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true, sdohCodes: true, closedAt: true, statusReasonText: true, senderOrganizationId: true, recipientOrganizationId: true,
        sender: { select: { id: true, name: true } }, recipient: { select: { id: true, name: true } }, service: { select: { name: true } },
      },
    }),
    db.organization.findMany({ where: { coalitions: { some: { coalitionId } } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const org = (id: string) => ({ id, name: names.get(id) ?? "—" });
  const pairs: FlowPair[] = rows
    .filter((r) => r.sender !== null)
    .map((r) => ({ ...totalsOf(r), sender: org(r.sender!), recipient: org(r.recipient!) }))
    .sort((a, b) => b.sent - a.sent || a.sender.name.localeCompare(b.sender.name) || a.recipient.name.localeCompare(b.recipient.name));
  const totals = totalsOf(rows.find((r) => r.sender === null));

  const declineReasons = REFERRAL_REASONS.map((reason) => ({
    reason,
    declined: reasons.find((g) => g.status === "REJECTED" && g.statusReason === reason)?._count._all ?? 0,
    failed: reasons.find((g) => g.status === "FAILED" && g.statusReason === reason)?._count._all ?? 0,
  })) satisfies { reason: ReferralReason; declined: number; failed: number }[];
  const outcomeCounts = REFERRAL_OUTCOMES.map((outcome) => ({ outcome, count: outcomes.find((g) => g.outcome === outcome)?._count._all ?? 0 })) satisfies { outcome: ReferralOutcome; count: number }[];

  const notAGoodFit: NotAGoodFit[] = fits.map((r) => {
    const party = viewer.isConvener || viewer.organizationId === r.senderOrganizationId || viewer.organizationId === r.recipientOrganizationId;
    return {
      referralId: r.id,
      sender: r.sender,
      recipient: r.recipient,
      sdohCodes: r.sdohCodes,
      serviceName: r.service?.name ?? null,
      declinedAt: r.closedAt,
      explanation: party ? r.statusReasonText : null,
      explanationHidden: !party,
    };
  });

  // Matrix axes: organizations that sent / received anything in the period, busiest first.
  const volume = (key: "sender" | "recipient") => {
    const sums = new Map<string, number>();
    for (const p of pairs) sums.set(p[key].id, (sums.get(p[key].id) ?? 0) + p.sent);
    return [...sums].sort((a, b) => b[1] - a[1] || org(a[0]).name.localeCompare(org(b[0]).name)).map(([id, sent]) => ({ ...org(id), sent }));
  };
  return { from, to: at, days, totals, pairs, senders: volume("sender"), recipients: volume("recipient"), declineReasons, outcomes: outcomeCounts, notAGoodFit };
}
