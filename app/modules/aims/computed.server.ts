/**
 * Measures the hub computes from its own data. Each entry turns a period into a value; values are
 * computed when read, so they update themselves as the data changes. Features register their
 * measures here as their data lands (referrals, conferences, SDOH coverage).
 */
import { db } from "~/utils/db.server";
import { categoriesOf, HP2030_DOMAINS, type Hp2030DomainId } from "~/modules/sdoh/roll-up";

/** Partner organizations that said (on the rainbow) they address at least one category of a domain. */
const partnersCoveringDomain = (domain: Hp2030DomainId): ComputedMeasureDefinition => ({
  key: `partners-covering-${domain}`,
  labelKey: `partnersCovering.${domain}`,
  unit: "organizations",
  compute: ({ coalitionId, to }) =>
    db.organization.count({
      where: {
        deletedAt: null,
        coalitions: { some: { coalitionId, joinedAt: { lt: to }, OR: [{ leftAt: null }, { leftAt: { gte: to } }] } },
        sdohAreas: { some: { code: { in: categoriesOf(domain) }, createdAt: { lt: to } } },
      },
    }),
});

export type ComputedMeasureDefinition = {
  key: string;
  /** i18n key under aims.computed.* */
  labelKey: string;
  unit: string;
  compute: (args: { coalitionId: string; from: Date; to: Date }) => Promise<number>;
};

// Referral measures (sent, accepted, closed, loop closure rate, median days to accept) join this
// list with the referrals feature.
export const COMPUTED_MEASURES: ComputedMeasureDefinition[] = [
  {
    key: "coalition-partners",
    labelKey: "coalitionPartners",
    unit: "organizations",
    // Member organizations at the end of the period.
    compute: ({ coalitionId, to }) =>
      db.coalitionMember.count({ where: { coalitionId, joinedAt: { lt: to }, OR: [{ leftAt: null }, { leftAt: { gte: to } }] } }),
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
    compute: ({ coalitionId, from, to }) => db.conference.count({ where: { coalitionId, status: "ENDED", endedAt: { gte: from, lt: to } } }),
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
];

export function findComputedMeasure(key: string | null | undefined) {
  return COMPUTED_MEASURES.find((m) => m.key === key) ?? null;
}
