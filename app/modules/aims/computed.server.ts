/**
 * Measures the hub computes from its own data. Each entry turns a period into a value; values are
 * computed when read, so they update themselves as the data changes. Features register their
 * measures here as their data lands (referrals, conferences, SDOH coverage).
 */
import { db } from "~/utils/db.server";

export type ComputedMeasureDefinition = {
  key: string;
  /** i18n key under aims.computed.* */
  labelKey: string;
  unit: string;
  compute: (args: { coalitionId: string; from: Date; to: Date }) => Promise<number>;
};

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
    key: "wins-shared",
    labelKey: "winsShared",
    unit: "wins",
    compute: ({ coalitionId, from, to }) => db.win.count({ where: { coalitionId, deletedAt: null, createdAt: { gte: from, lt: to } } }),
  },
];

export function findComputedMeasure(key: string | null | undefined) {
  return COMPUTED_MEASURES.find((m) => m.key === key) ?? null;
}
