/**
 * The coalition's coverage of each SDOH category: partners that say they impact it (their rainbow)
 * and assets on the map that address it (counted with the map filter's own definition, assetMatch),
 * next to `demand`: referrals sent for it in the last DEMAND_DAYS days (drafts and referrals
 * entered in error left out).
 */
import { db, Prisma } from "~/utils/db.server";
import { GRAVITY_CATEGORIES, HP2030_DOMAINS, categoriesOf } from "~/modules/sdoh/roll-up";
import { assetCountsByCategory } from "./queries.server";

export type CategoryCoverage = { code: string; partners: number; assets: number; publicAssets: number; demand: number; level: "gap" | "thin" | "ok" };

/** Fewer than this many partners or assets is "thin". */
export const THIN_BELOW = { partners: 2, assets: 3 };

/** The demand column counts referrals sent in this many days. */
export const DEMAND_DAYS = 90;

export async function getCoverage(coalitionId: string, { at = new Date() }: { at?: Date } = {}) {
  const partnerRows = await db.$queryRaw<{ code: string; n: bigint }[]>`
    SELECT a."code", count(DISTINCT a."organizationId") AS n
    FROM "OrganizationSdohArea" a
    JOIN "CoalitionMember" m ON m."organizationId" = a."organizationId" AND m."coalitionId" = ${coalitionId}::uuid AND m."status" = 'ACTIVE'
    GROUP BY a."code"`;
  // Counted the way the map's filter matches (a member's view: public and coalition-only alike).
  const assets = await assetCountsByCategory({ coalitionId, member: true });
  const demandRows = await db.$queryRaw<{ code: string; n: bigint }[]>`
    SELECT code, count(*) AS n
    FROM "Referral" r, unnest(r."sdohCodes") AS code
    WHERE r."coalitionId" = ${coalitionId}::uuid AND r."sentAt" >= ${new Date(at.getTime() - DEMAND_DAYS * 86_400_000)} AND r."sentAt" < ${at}
      AND r."status" NOT IN ('DRAFT', 'ENTERED_IN_ERROR')
    GROUP BY code`;
  const demand = new Map(demandRows.map((r) => [r.code, Number(r.n)]));
  const partners = new Map(partnerRows.map((r) => [r.code, Number(r.n)]));
  const category = (code: string): CategoryCoverage => {
    const p = partners.get(code) ?? 0;
    const a = assets.get(code)?.n ?? 0;
    return { code, partners: p, assets: a, publicAssets: assets.get(code)?.public ?? 0, demand: demand.get(code) ?? 0, level: p === 0 && a === 0 ? "gap" : p < THIN_BELOW.partners || a < THIN_BELOW.assets ? "thin" : "ok" };
  };
  const domains = HP2030_DOMAINS.map((d) => {
    const categories = categoriesOf(d.id).map(category);
    return { id: d.id, color: d.color, categories, partners: new Set<string>(), assets: categories.reduce((s, c) => s + c.assets, 0) };
  });
  // Distinct partners per domain (a partner with two categories in one domain counts once).
  const perDomain = await db.$queryRaw<{ code: string; organizationId: string }[]>(Prisma.sql`
    SELECT a."code", a."organizationId"::text AS "organizationId" FROM "OrganizationSdohArea" a
    JOIN "CoalitionMember" m ON m."organizationId" = a."organizationId" AND m."coalitionId" = ${coalitionId}::uuid AND m."status" = 'ACTIVE'`);
  for (const row of perDomain) {
    const domain = GRAVITY_CATEGORIES.find((c) => c.code === row.code)?.domain;
    domains.find((d) => d.id === domain)?.partners.add(row.organizationId);
  }
  return domains.map((d) => ({ ...d, partners: d.partners.size }));
}
export type Coverage = Awaited<ReturnType<typeof getCoverage>>;

export async function getSdohAreas(organizationId: string) {
  return (await db.organizationSdohArea.findMany({ where: { organizationId }, select: { code: true } })).map((a) => a.code);
}
