/**
 * The SDOH codes published as an HSDS taxonomy: one taxonomy (Gravity Project SDOH categories),
 * with the five Healthy People 2030 domains as top-level terms and each Gravity category as a
 * child term. Ids are name-based UUIDs, so they never change between deployments.
 */
import { GRAVITY_CATEGORIES, GRAVITY_CODE_SYSTEM, HP2030_DOMAINS, categoriesOf, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { uuidFromName } from "../ids";

export const SDOH_TAXONOMY = {
  id: uuidFromName("hsds:taxonomy:gravity-sdoh"),
  name: "SDOH categories (Gravity Project) by Healthy People 2030 domain",
  description: "Gravity Project SDOH category codes (HL7 FHIR SDOH Clinical Care IG, SDOHCCValueSetSDOHCategory) grouped under the five Healthy People 2030 domains.",
  uri: GRAVITY_CODE_SYSTEM,
  version: "1",
};

export type HsdsTerm = { id: string; code: string; name: string; description: string; parent_id?: string; taxonomy: string; taxonomy_id: string; term_uri?: string; language: string };

export const domainTermId = (domain: string) => uuidFromName(`hsds:term:hp2030:${domain}`);
export const categoryTermId = (code: string) => uuidFromName(`hsds:term:gravity:${code}`);

export const SDOH_TERMS: HsdsTerm[] = [
  ...HP2030_DOMAINS.map((d) => ({ id: domainTermId(d.id), code: d.id, name: d.name, description: `Healthy People 2030 domain: ${d.name}`, taxonomy: SDOH_TAXONOMY.name, taxonomy_id: SDOH_TAXONOMY.id, term_uri: "https://health.gov/healthypeople/objectives-and-data/social-determinants-health", language: "en" })),
  ...GRAVITY_CATEGORIES.map((c) => ({
    id: categoryTermId(c.code), code: c.code, name: c.display, description: `Gravity Project SDOH category: ${c.display}`,
    ...(c.domain ? { parent_id: domainTermId(c.domain) } : {}), taxonomy: SDOH_TAXONOMY.name, taxonomy_id: SDOH_TAXONOMY.id, term_uri: `${GRAVITY_CODE_SYSTEM}#${c.code}`, language: "en",
  })),
];

const byId = new Map(SDOH_TERMS.map((t) => [t.id, t]));

/** The Gravity codes a taxonomy term id selects (a domain term selects all its categories); null if unknown. */
export function codesForTermId(termId: string): string[] | null {
  const term = byId.get(termId);
  if (!term) return null;
  if (!term.parent_id && HP2030_DOMAINS.some((d) => d.id === term.code)) return categoriesOf(term.code as Hp2030DomainId);
  return [term.code];
}

export const termForCode = (code: string) => byId.get(categoryTermId(code)) ?? null;
