import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed";
import { CARE_PROGRAM_SERVICE_ID } from "../../prisma/seed-data/demo-referrals";
import { getReferralFlow } from "~/modules/referral/flow.server";
import { useIsolatedDatabase } from "../setup/database";

describe("demo referrals seed", () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
  });
  afterAll(() => restore());

  it("seeds varied referrals through the services, once, and a care-management program to refer into", async () => {
    const messages: string[] = [];
    await seedDemo({ log: (m) => messages.push(m) });
    const snapshot = async () => ({
      referrals: await db.referral.count(),
      events: await db.referralEvent.count(),
      clients: await db.client.count(),
      authorizations: await db.consentAuthorization.count(),
      services: await db.directoryService.count(),
    });
    const first = await snapshot();
    await seedDemo({ log: () => {} });
    expect(await snapshot()).toEqual(first);
    expect(messages.find((m) => m.startsWith("Seeded the demo referrals"))).toMatch(/: 14 \(14 new\)/);

    const statuses = (await db.referral.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => g.status).sort();
    expect(statuses).toEqual(["ACCEPTED", "CANCELLED", "COMPLETED", "IN_PROGRESS", "REJECTED", "REQUESTED"]);
    // Every referral went through the audited service.
    expect(await db.auditEvent.count({ where: { action: "referral.sent" } })).toBe(14);

    const hospital = await db.organization.findUniqueOrThrow({ where: { slug: "hospital" } });
    const foodBank = await db.organization.findUniqueOrThrow({ where: { slug: "foodbank" } });
    const overdue = await db.referral.count({ where: { recipientOrganizationId: foodBank.id, status: "REQUESTED", sentAt: { lt: new Date(Date.now() - 3 * 86_400_000) } } });
    expect(overdue).toBe(1);

    const program = await db.directoryService.findUniqueOrThrow({ where: { id: CARE_PROGRAM_SERVICE_ID } });
    expect(program).toMatchObject({ organizationId: hospital.id, name: "Enhanced care management program", minimumAge: 18 });
    expect(program.eligibilityDescription).toMatch(/chronic conditions/);
    const intoProgram = await db.referral.findFirstOrThrow({ where: { serviceId: program.id }, include: { sender: true } });
    expect(intoProgram.sender.kind).toBe("PRIMARY_CARE");

    const flow = await getReferralFlow({ coalitionId: intoProgram.coalitionId, viewer: { organizationId: hospital.id, isConvener: false }, days: 90 });
    expect(flow.notAGoodFit).toHaveLength(2);
    expect(flow.notAGoodFit.filter((f) => f.explanation).map((f) => f.recipient.name)).toHaveLength(1); // the hospital is party to one of them
    expect(flow.totals.closureRate).toBeGreaterThan(0);
  }, 180_000); // seeding is heavy work: minutes on a loaded 2-core machine (a time limit, not a speed claim)
});
