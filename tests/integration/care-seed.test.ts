import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoClients } from "../../prisma/seed-data/demo-clients";
import { seedDemoCare } from "../../prisma/seed-data/demo-care";
import { getCarePlanForViewer, getOutreachDue } from "~/modules/care/queries.server";
import { getHuddleCaseload } from "~/modules/care/caseload.server";
import { clientsReadyToGraduate } from "~/modules/care/graduation.server";
import { decryptCare } from "~/modules/care/encryption.server";
import { createCoalition, createOrganization, createUser } from "../factories";
import { actorFor } from "../actors";

describe("demo care journeys seed", () => {
  it("fills the enhanced care program: thirty clients, three care managers, every level, goals in each client's language, one ready to graduate, one due for outreach, a shared food bank step — once", async () => {
    const coalition = await createCoalition();
    const hospital = await createOrganization({ coalitionId: coalition.id, kind: "HOSPITAL" });
    const foodBank = await createOrganization({ coalitionId: coalition.id, kind: "FOOD_BANK" });
    const cm = await createUser({ email: "care.manager@hospital.demo.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const cm2 = await createUser({ email: "care.manager.2@hospital.demo.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const cm3 = await createUser({ email: "care.manager.3@hospital.demo.test", memberships: [{ organizationId: hospital.id, role: "CARE_MANAGER" }] });
    const reader = await createUser({ memberships: [{ organizationId: foodBank.id, role: "CARE_MANAGER" }] });
    await seedDemoClients({ hospitalId: hospital.id, foodBankId: foodBank.id });
    await seedDemoCare({ hospitalId: hospital.id, foodBankId: foodBank.id });
    const counts = async () => ({
      clients: await db.client.count({ where: { organizationId: hospital.id } }),
      enrollments: await db.enrollment.count({ where: { organizationId: hospital.id } }),
      goals: await db.careGoal.count({ where: { plan: { organizationId: hospital.id } } }),
      steps: await db.careStep.count({ where: { plan: { organizationId: hospital.id } } }),
      contacts: await db.careContact.count({ where: { organizationId: hospital.id } }),
      reviews: await db.planReview.count({ where: { plan: { organizationId: hospital.id } } }),
      readiness: await db.graduationReadiness.count({ where: { organizationId: hospital.id } }),
      audit: await db.auditEvent.count({ where: { organizationId: hospital.id } }),
    });
    const first = await counts();
    await seedDemoCare({ hospitalId: hospital.id, foodBankId: foodBank.id });
    // Idempotent: the second run changes nothing (not even an audit event).
    expect(await counts()).toEqual(first);

    expect(await db.enrollment.count({ where: { organizationId: hospital.id, status: "ENROLLED", current: true } })).toBe(30);
    // Three caseloads, each with every level of care.
    const plans = await db.carePlan.findMany({ where: { organizationId: hospital.id }, select: { level: true, client: { select: { primaryCareManagerId: true, preferredLanguage: true } } } });
    for (const manager of [cm, cm2, cm3]) {
      const mine = plans.filter((p) => p.client.primaryCareManagerId === manager.id);
      expect(mine.length, manager.email).toBeGreaterThanOrEqual(9);
      expect(new Set(mine.map((p) => p.level)), manager.email).toEqual(new Set(["HIGH", "MEDIUM", "LOW"]));
    }
    // Goals in the client's own language: a Spanish speaker's goals are Spanish, an English speaker's English.
    const goals = await db.careGoal.findMany({ where: { plan: { organizationId: hospital.id } }, select: { id: true, textCipher: true, keyId: true, plan: { select: { client: { select: { preferredLanguage: true } } } } } });
    const spanish = /\b(mi|mis|en|de|la|los|el|al|con|volver)\b|[áéíóúñ]/i;
    const texts = goals.map((g) => ({ lang: g.plan.client.preferredLanguage, text: decryptCare(g.textCipher, `CareGoal.text:${g.id}`) }));
    expect(texts.filter((g) => g.lang === "es").every((g) => spanish.test(g.text))).toBe(true);
    expect(texts.filter((g) => g.lang === "en").some((g) => spanish.test(g.text))).toBe(false);
    expect(new Set(texts.map((g) => g.lang))).toEqual(new Set(["en", "es"]));

    const actor = actorFor(cm.id, hospital.id);
    expect((await getOutreachDue({ actor })).map((o) => o.name)).toEqual(["Dominic Trujillo"]);
    // Esperanza Quintana: readiness recorded with all three criteria, on Lucía Benavides's caseload.
    const ready = await clientsReadyToGraduate(hospital.id);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.primaryCareManagerId).toBe(cm3.id);
    // Robert Kline's authorization covers the care plan for the food bank: it sees its step.
    const step = await db.careStep.findFirstOrThrow({ where: { partnerOrganizationId: foodBank.id } });
    const plan = await db.carePlan.findUniqueOrThrow({ where: { id: step.planId } });
    const shared = await getCarePlanForViewer({ actor: actorFor(reader.id, foodBank.id), clientId: plan.clientId });
    expect(shared.access === "shared" && shared.plan!.goals[0].steps.map((s) => s.text)).toEqual(["Deliver groceries every Friday after discharge"]);
    // Levels and contacts (ADR 097): Robert, at a high level, is overdue and tops Priya's huddle list; María Elena is on it, not overdue.
    const huddle = await getHuddleCaseload({ actor });
    expect(huddle.clients[0]).toMatchObject({ name: "Robert Kline", level: "HIGH", contactOverdue: true });
    expect(huddle.clients.find((c) => c.name === "María Elena Ortiz")).toMatchObject({ level: "MEDIUM", contactOverdue: false });
    expect(huddle.summary.total).toBe(10);
    expect(huddle.summary.overdue).toBeGreaterThan(1);
    expect(huddle.summary.overdue).toBeLessThan(huddle.summary.total);
  });
});
