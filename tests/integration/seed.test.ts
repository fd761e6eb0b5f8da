import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemo, DEMO_PASSWORD } from "../../prisma/seed";
import { signIn } from "~/modules/auth/service.server";
import { loadAuthContext } from "~/modules/auth/service.server";
import { useIsolatedDatabase } from "../setup/database";

describe("demo seed", () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
  });
  afterAll(() => restore());

  it("is idempotent and gives every demo account its role", async () => {
    const quiet = () => {};
    await seedDemo({ log: quiet });
    const counts = async () => ({
      organizations: await db.organization.count(),
      users: await db.user.count(),
      memberships: await db.membership.count(),
      coalitionMembers: await db.coalitionMember.count(),
    });
    const first = await counts();
    await seedDemo({ log: quiet });
    expect(await counts()).toEqual(first);
    expect(first.organizations).toBeGreaterThanOrEqual(20);

    const expectations: [string, string, boolean][] = [
      ["convener@demo.test", "DIRECTOR", true],
      ["director@hospital.demo.test", "DIRECTOR", false],
      ["care.manager@hospital.demo.test", "CARE_MANAGER", false],
      ["director@foodbank.demo.test", "DIRECTOR", false],
      ["care.manager@foodbank.demo.test", "CARE_MANAGER", false],
    ];
    for (const [email, role, convener] of expectations) {
      const { session } = await signIn({ email, password: DEMO_PASSWORD, request: {} });
      const auth = (await loadAuthContext(session.id))!;
      expect(auth.organization?.role, email).toBe(role);
      expect(auth.isConvener, email).toBe(convener);
      expect(auth.coalition?.name).toBe("Pueblo Thrives Health Coalition");
    }
    const hospital = await db.organization.findUniqueOrThrow({ where: { slug: "hospital" } });
    expect(hospital.latitude).toBeGreaterThan(37.7);
    expect(hospital.longitude).toBeLessThan(-104);
  }, 180_000); // seeding is heavy work: minutes on a loaded 2-core machine (a time limit, not a speed claim)
});
