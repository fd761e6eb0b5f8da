import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoClients } from "../../prisma/seed-data/demo-clients";
import { createCoalition, createOrganization, createUser } from "../factories";

describe("demo clients seed", () => {
  it("registers the hospital's demo clients with authorizations naming the food bank, once", async () => {
    const coalition = await createCoalition();
    const hospital = await createOrganization({ coalitionId: coalition.id, kind: "HOSPITAL" });
    const foodBank = await createOrganization({ coalitionId: coalition.id, kind: "FOOD_BANK" });
    await createUser({ email: "care.manager@hospital.demo.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    await seedDemoClients({ hospitalId: hospital.id, foodBankId: foodBank.id });
    await seedDemoClients({ hospitalId: hospital.id, foodBankId: foodBank.id });
    expect(await db.client.count({ where: { organizationId: hospital.id } })).toBe(3);
    const authorizations = await db.consentAuthorization.findMany({ where: { organizationId: hospital.id }, include: { recipients: true } });
    expect(authorizations).toHaveLength(2);
    for (const a of authorizations) expect(a.recipients.map((r) => r.organizationId)).toEqual([foodBank.id]);
  });
});
