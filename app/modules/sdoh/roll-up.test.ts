import { describe, expect, it } from "vitest";
import { GRAVITY_CATEGORIES, GRAVITY_CODES, HP2030_DOMAINS, categoriesOf, domainOf, isGravityCode, rollUp } from "./roll-up";

// The code list of STANDARDS.md (SDOHCCValueSetSDOHCategory), written out so the data file cannot drift from it silently.
const VALUE_SET = [
  "food-insecurity", "housing-instability", "homelessness", "inadequate-housing", "transportation-insecurity",
  "financial-insecurity", "material-hardship", "educational-attainment", "employment-status", "veteran-status", "stress",
  "social-connection", "intimate-partner-violence", "elder-abuse", "personal-health-literacy", "health-insurance-coverage-status",
  "medical-cost-burden", "digital-literacy", "digital-access", "utility-insecurity", "incarceration-status", "language-access",
  "protective-factor", "sdoh-category-unspecified",
];

describe("the Gravity → Healthy People 2030 roll-up", () => {
  it("covers exactly the value set's codes, once each", () => {
    expect([...GRAVITY_CODES].sort()).toEqual([...VALUE_SET].sort());
    expect(new Set(GRAVITY_CODES).size).toBe(GRAVITY_CODES.length);
  });

  it("has the five HP2030 domains, and every domain has at least two categories", () => {
    expect(HP2030_DOMAINS.map((d) => d.name)).toEqual([
      "Economic Stability", "Education Access and Quality", "Health Care Access and Quality", "Neighborhood and Built Environment", "Social and Community Context",
    ]);
    for (const domain of HP2030_DOMAINS) expect(categoriesOf(domain.id).length).toBeGreaterThanOrEqual(2);
  });

  it("every code except 'unspecified' rolls up to exactly one domain", () => {
    const placed = HP2030_DOMAINS.flatMap((d) => categoriesOf(d.id));
    expect(placed.length).toBe(GRAVITY_CATEGORIES.length - 1);
    expect(domainOf("sdoh-category-unspecified")).toBeNull();
  });

  it("rolls up the mapping's key decisions", () => {
    expect(domainOf("food-insecurity")).toBe("economic-stability");
    expect(domainOf("housing-instability")).toBe("economic-stability");
    expect(domainOf("inadequate-housing")).toBe("neighborhood-and-built-environment");
    expect(domainOf("transportation-insecurity")).toBe("neighborhood-and-built-environment");
    expect(domainOf("health-insurance-coverage-status")).toBe("health-care-access-and-quality");
    expect(domainOf("educational-attainment")).toBe("education-access-and-quality");
    expect(domainOf("social-connection")).toBe("social-and-community-context");
  });

  it("rolls a set up to unique domains in rainbow order, and refuses unknown codes", () => {
    expect(rollUp(["stress", "food-insecurity", "homelessness", "sdoh-category-unspecified"])).toEqual(["economic-stability", "social-and-community-context"]);
    expect(rollUp([])).toEqual([]);
    expect(() => domainOf("food")).toThrow(/Unknown SDOH category code/);
    expect(isGravityCode("food")).toBe(false);
    expect(isGravityCode("digital-access")).toBe(true);
  });
});
