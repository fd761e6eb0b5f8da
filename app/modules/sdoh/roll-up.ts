/**
 * The hub's one mapping from Gravity Project SDOH category codes (the codes referrals, needs and
 * assets are tagged with) to the five Healthy People 2030 domains (the partner "rainbow").
 * Plain data, safe on client and server; reused by the map, referrals and aims.
 *
 * Codes: HL7 FHIR SDOH Clinical Care IG, value set SDOHCCValueSetSDOHCategory.
 * Which code rolls up where is our own judgement (HP2030 places housing instability and food
 * insecurity under Economic Stability; housing quality, transport and broadband under
 * Neighborhood and Built Environment; health literacy and coverage under Health Care Access).
 * `sdoh-category-unspecified` rolls up to no domain on purpose.
 */
export const GRAVITY_CODE_SYSTEM = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

export const HP2030_DOMAINS = [
  { id: "economic-stability", name: "Economic Stability", color: "#b3261e" },
  { id: "education-access-and-quality", name: "Education Access and Quality", color: "#b35c00" },
  { id: "health-care-access-and-quality", name: "Health Care Access and Quality", color: "#7a6a00" },
  { id: "neighborhood-and-built-environment", name: "Neighborhood and Built Environment", color: "#2e7d32" },
  { id: "social-and-community-context", name: "Social and Community Context", color: "#1f5fa8" },
] as const;

export type Hp2030DomainId = (typeof HP2030_DOMAINS)[number]["id"];

export const GRAVITY_CATEGORIES = [
  { code: "food-insecurity", display: "Food Insecurity", domain: "economic-stability" },
  { code: "housing-instability", display: "Housing Instability", domain: "economic-stability" },
  { code: "homelessness", display: "Homelessness", domain: "economic-stability" },
  { code: "financial-insecurity", display: "Financial Insecurity", domain: "economic-stability" },
  { code: "material-hardship", display: "Material Hardship", domain: "economic-stability" },
  { code: "employment-status", display: "Employment Status", domain: "economic-stability" },
  { code: "utility-insecurity", display: "Utility Insecurity", domain: "economic-stability" },
  { code: "educational-attainment", display: "Educational Attainment", domain: "education-access-and-quality" },
  { code: "digital-literacy", display: "Digital Literacy", domain: "education-access-and-quality" },
  { code: "language-access", display: "Language Access", domain: "education-access-and-quality" },
  { code: "health-insurance-coverage-status", display: "Health Insurance Coverage Status", domain: "health-care-access-and-quality" },
  { code: "medical-cost-burden", display: "Medical Cost Burden", domain: "health-care-access-and-quality" },
  { code: "personal-health-literacy", display: "Personal Health Literacy", domain: "health-care-access-and-quality" },
  { code: "inadequate-housing", display: "Inadequate Housing", domain: "neighborhood-and-built-environment" },
  { code: "transportation-insecurity", display: "Transportation Insecurity", domain: "neighborhood-and-built-environment" },
  { code: "digital-access", display: "Digital Access", domain: "neighborhood-and-built-environment" },
  { code: "social-connection", display: "Social Connection", domain: "social-and-community-context" },
  { code: "stress", display: "Stress", domain: "social-and-community-context" },
  { code: "intimate-partner-violence", display: "Intimate Partner Violence", domain: "social-and-community-context" },
  { code: "elder-abuse", display: "Elder Abuse", domain: "social-and-community-context" },
  { code: "veteran-status", display: "Veteran Status", domain: "social-and-community-context" },
  { code: "incarceration-status", display: "Incarceration Status", domain: "social-and-community-context" },
  { code: "protective-factor", display: "Protective Factor", domain: "social-and-community-context" },
  { code: "sdoh-category-unspecified", display: "SDOH Category Unspecified", domain: null },
] as const satisfies readonly { code: string; display: string; domain: Hp2030DomainId | null }[];

export type GravityCode = (typeof GRAVITY_CATEGORIES)[number]["code"];

export const GRAVITY_CODES = GRAVITY_CATEGORIES.map((c) => c.code) as unknown as readonly [GravityCode, ...GravityCode[]];

const byCode = new Map<string, (typeof GRAVITY_CATEGORIES)[number]>(GRAVITY_CATEGORIES.map((c) => [c.code, c]));

export const isGravityCode = (code: string): code is GravityCode => byCode.has(code);

/** The HP2030 domain a Gravity code rolls up to (null for "unspecified"); throws on an unknown code. */
export function domainOf(code: string): Hp2030DomainId | null {
  const category = byCode.get(code);
  if (!category) throw new Error(`Unknown SDOH category code: ${code}`);
  return category.domain;
}

/** The Gravity categories under one domain, in display order. */
export function categoriesOf(domain: Hp2030DomainId): GravityCode[] {
  return GRAVITY_CATEGORIES.filter((c) => c.domain === domain).map((c) => c.code);
}

/** Rolls a set of codes up to their domains (unique, in the domains' order). */
export function rollUp(codes: Iterable<string>): Hp2030DomainId[] {
  const domains = new Set<Hp2030DomainId>();
  for (const code of codes) {
    const domain = domainOf(code);
    if (domain) domains.add(domain);
  }
  return HP2030_DOMAINS.map((d) => d.id).filter((id) => domains.has(id));
}
