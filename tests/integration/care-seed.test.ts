import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoClients } from "../../prisma/seed-data/demo-clients";
import { seedDemoCare } from "../../prisma/seed-data/demo-care";
import { getCarePlanForViewer, getOutreachDue } from "~/modules/care/queries.server";
import { getHuddleCaseload } from "~/modules/care/caseload.server";
import { createCoalition, createOrganization, createUser } from "../factories";
import { actorFor } from "../actors";

describe("demo care journeys seed", () => {
  it("enrolls two demo clients with plans in Spanish and English, shares a food bank step, and leaves one due for outreach, once", async () => {
    const coalition = await createCoalition();
    const hospital = await createOrganization({ coalitionId: coalition.id, kind: "HOSPITAL" });
    const foodBank = await createOrganization({ coalitionId: coalition.id, kind: "FOOD_BANK" });
    const cm = await createUser({ email: "care.manager@hospital.demo.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const reader = await createUser({ memberships: [{ organizationId: foodBank.id, role: "CARE_MANAGER" }] });
    await seedDemoClients({ hospitalId: hospital.id, foodBankId: foodBank.id });
    await seedDemoCare({ hospitalId: hospital.id, foodBankId: foodBank.id });
    await seedDemoCare({ hospitalId: hospital.id, foodBankId: foodBank.id });
    expect(await db.enrollment.count({ where: { organizationId: hospital.id, status: "ENROLLED" } })).toBe(2);
    expect(await db.careGoal.count({ where: { plan: { organizationId: hospital.id } } })).toBe(4);
    const actor = actorFor(cm.id, hospital.id);
    expect((await getOutreachDue({ actor })).map((o) => o.name)).toEqual(["Dominic Trujillo"]);
    // Robert Kline's authorization covers the care plan for the food bank: it sees its step.
    const step = await db.careStep.findFirstOrThrow({ where: { partnerOrganizationId: foodBank.id } });
    const plan = await db.carePlan.findUniqueOrThrow({ where: { id: step.planId } });
    const shared = await getCarePlanForViewer({ actor: actorFor(reader.id, foodBank.id), clientId: plan.clientId });
    expect(shared.access === "shared" && shared.plan!.goals[0].steps.map((s) => s.text)).toEqual(["Deliver groceries every Friday after discharge"]);
    // Levels and contacts (ADR 097): Robert, at a high level, is overdue and tops the huddle list.
    const huddle = await getHuddleCaseload({ actor });
    expect(huddle.clients.map((c) => [c.name, c.level, c.contactOverdue])).toEqual([["Robert Kline", "HIGH", true], ["María Elena Ortiz", "MEDIUM", false]]);
    expect(await db.careContact.count({ where: { organizationId: hospital.id } })).toBe(5);
  });
});
