/**
 * Measures the hub computes from its own data. Each entry turns a period into a value; values are
 * computed when read, so they update themselves as the data changes. Features register their
 * measures here as their data lands (referrals, conferences, SDOH coverage).
 */
import { db } from "~/utils/db.server";
import { categoriesOf, HP2030_DOMAINS, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { referralTotals, type FlowTotals } from "~/modules/referral/flow.server";
import { countMembersAt, memberAtWhere } from "~/modules/coalition/membership.server";
import { contactedAtCadence, graduations, medianDaysEnrolled, planWithin30Days } from "~/modules/care/measures.server";

/** Partner organizations that said (on the rainbow) they address at least one category of a domain. */
const partnersCoveringDomain = (domain: Hp2030DomainId): ComputedMeasureDefinition => ({
  key: `partners-covering-${domain}`,
  labelKey: `partnersCovering.${domain}`,
  unit: "organizations",
  compute: ({ coalitionId, to }) =>
    db.organization.count({
      where: {
        deletedAt: null,
        coalitions: { some: memberAtWhere(coalitionId, to) },
        sdohAreas: { some: { code: { in: categoriesOf(domain) }, createdAt: { lt: to } } },
      },
    }),
});

export type ComputedMeasureDefinition = {
  key: string;
  /** i18n key under aims.computed.* */
  labelKey: string;
  unit: string;
  /** null: no value for that period (a rate with nothing to divide); the series leaves it out. */
  compute: (args: { coalitionId: string; from: Date; to: Date }) => Promise<number | null>;
};

/** Referral measures, over referrals sent in the period (counting rules: referral/flow.server.ts). */
const referralMeasure = (key: string, labelKey: string, unit: string, pick: (t: FlowTotals) => number | null): ComputedMeasureDefinition => ({
  key,
  labelKey,
  unit,
  compute: async ({ coalitionId, from, to }) => pick(await referralTotals(coalitionId, from, to)),
});
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export const COMPUTED_MEASURES: ComputedMeasureDefinition[] = [
  {
    key: "coalition-partners",
    labelKey: "coalitionPartners",
    unit: "organizations",
    // Member organizations at the end of the period.
    compute: ({ coalitionId, to }) => countMembersAt(coalitionId, to),
  },
  {
    key: "people-joined",
    labelKey: "peopleJoined",
    unit: "people",
    // Invitations accepted into member organizations during the period.
    compute: ({ coalitionId, from, to }) =>
      db.invite.count({ where: { acceptedAt: { gte: from, lt: to }, organization: { coalitions: { some: { coalitionId } } } } }),
  },
  {
    key: "conferences-held",
    labelKey: "conferencesHeld",
    unit: "conferences",
    compute: ({ coalitionId, from, to }) => db.conference.count({ where: { coalitionId, status: "ENDED", cancelledAt: null, endedAt: { gte: from, lt: to } } }),
  },
  {
    key: "next-steps-completed",
    labelKey: "nextStepsCompleted",
    unit: "next steps",
    compute: ({ coalitionId, from, to }) => db.nextStep.count({ where: { conference: { coalitionId }, doneAt: { gte: from, lt: to } } }),
  },
  ...HP2030_DOMAINS.map((d) => partnersCoveringDomain(d.id)),
  {
    key: "wins-shared",
    labelKey: "winsShared",
    unit: "wins",
    compute: ({ coalitionId, from, to }) => db.win.count({ where: { coalitionId, deletedAt: null, createdAt: { gte: from, lt: to } } }),
  },
  {
    key: "identifiers-missed",
    labelKey: "identifiersMissed",
    unit: "identifiers",
    // "The check missed this" marks in the coalition's conferences (ADR 089): the detector's real-world misses, per period.
    compute: ({ coalitionId, from, to }) => db.missedIdentifier.count({ where: { coalitionId, createdAt: { gte: from, lt: to } } }),
  },
  referralMeasure("referrals-sent", "referrals.sent", "referrals", (t) => t.sent),
  referralMeasure("referrals-accepted", "referrals.accepted", "referrals", (t) => t.accepted),
  referralMeasure("referrals-closed-loop", "referrals.closedLoop", "referrals", (t) => t.closedLoop),
  referralMeasure("referral-loop-closure-rate", "referrals.closureRate", "%", (t) => oneDecimal(t.closureRate === null ? null : t.closureRate * 100)),
  referralMeasure("referral-median-days-to-accept", "referrals.medianDaysToAccept", "days", (t) => oneDecimal(t.medianDaysToAccept)),
  // The care journey (issue #15; counting rules: care/measures.server.ts).
  { key: "care-plan-within-30-days", labelKey: "care.planWithin30Days", unit: "%", compute: planWithin30Days },
  { key: "care-contacted-at-cadence", labelKey: "care.contactedAtCadence", unit: "%", compute: (period) => contactedAtCadence(period) },
  { key: "care-graduations", labelKey: "care.graduations", unit: "graduations", compute: graduations },
  { key: "care-median-days-enrolled", labelKey: "care.medianDaysEnrolled", unit: "days", compute: async (period) => oneDecimal(await medianDaysEnrolled(period)) },
];

export function findComputedMeasure(key: string | null | undefined) {
  return COMPUTED_MEASURES.find((m) => m.key === key) ?? null;
}
