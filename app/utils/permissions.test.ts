import { describe, expect, it } from "vitest";
import { ORGANIZATION_ROLES, PERMISSIONS, permissionsFor } from "./permissions";

describe("permissions", () => {
  it("deny by default: no role and no coalition role grants nothing", () => {
    expect(permissionsFor({ role: null, isConvener: false }).size).toBe(0);
  });

  it("only directors manage people and keys; only conveners administer the coalition", () => {
    for (const role of ORGANIZATION_ROLES) {
      const granted = permissionsFor({ role, isConvener: false });
      expect(granted.has("org:members:invite")).toBe(role === "DIRECTOR");
      expect(granted.has("org:members:manage")).toBe(role === "DIRECTOR");
      expect(granted.has("coalition:admin")).toBe(false);
      expect(granted.has("org:read")).toBe(true);
    }
    expect(permissionsFor({ role: "VIEWER", isConvener: true }).has("coalition:admin")).toBe(true);
  });

  it("only the coalition's conveners (its privacy lead) see the missed-identifier counts", () => {
    for (const role of ORGANIZATION_ROLES) {
      expect(permissionsFor({ role, isConvener: false }).has("privacy:read")).toBe(false);
      expect(permissionsFor({ role, isConvener: true }).has("privacy:read")).toBe(true);
    }
  });

  it("every granted permission is a known one", () => {
    for (const role of ORGANIZATION_ROLES) {
      for (const p of permissionsFor({ role, isConvener: true })) expect(PERMISSIONS).toContain(p);
    }
  });
});
