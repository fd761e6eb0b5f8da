/**
 * Demo care journeys at the hospital (issue #15, fictional people): María Elena Ortiz and Robert
 * Kline enrolled in the enhanced care program with goals in their own words (Spanish and
 * English) — Robert's plan shares a next step with the food bank, which his authorization covers —
 * and Dominic Trujillo declined for now, due for another outreach. Through the care services, so
 * the text is encrypted and audited like any other; idempotent (a client with a decision is left alone).
 */
import { db } from "~/utils/db.server";
import { findPossibleDuplicates } from "~/modules/client/service.server";
import { addGoal, addStep, enrollClient, recordDeclinedForNow, reviewPlan } from "~/modules/care/service.server";
import { addDays, isoDay, todayUtc } from "~/modules/care/dates";
import { actorFor } from "../../tests/actors";

const PROGRAM = "Enhanced care program";
const day = (offset: number) => isoDay(addDays(todayUtc(), offset));

type Plan = { goals: { text: string; steps?: { text: string; owner: "CLIENT" | "CARE_MANAGER" | "PARTNER"; inDays: number }[] }[]; reviewedDaysAgo?: number };

const PLANS: { name: string; birthDate: string; plan: Plan | "declined" }[] = [
  {
    name: "María Elena Ortiz", birthDate: "1971-03-14",
    plan: {
      goals: [
        { text: "Volver a cantar en el coro de la iglesia", steps: [{ text: "Llamar a la parroquia para preguntar el horario del coro", owner: "CLIENT", inDays: 5 }] },
        { text: "Controlar el azúcar para poder cuidar a mis nietos", steps: [{ text: "Cita con la educadora de diabetes", owner: "CARE_MANAGER", inDays: 10 }] },
      ],
      reviewedDaysAgo: 7,
    },
  },
  {
    name: "Robert Kline", birthDate: "1948-11-02",
    plan: {
      goals: [
        { text: "Stay in my own home", steps: [{ text: "Deliver groceries every Friday after discharge", owner: "PARTNER", inDays: 3 }] },
        { text: "Walk to the mailbox without my daughter's help" },
      ],
    },
  },
  { name: "Dominic Trujillo", birthDate: "1992-07-29", plan: "declined" },
];

export async function seedDemoCare({ hospitalId, foodBankId }: { hospitalId: string; foodBankId: string }) {
  const careManager = await db.user.findUnique({ where: { email: "care.manager@hospital.demo.test" }, select: { id: true } });
  if (!careManager) return;
  const actor = actorFor(careManager.id, hospitalId, { request: { userAgent: "seed" } });
  for (const p of PLANS) {
    const [client] = await findPossibleDuplicates({ organizationId: hospitalId, name: p.name, birthDate: p.birthDate });
    if (!client || (await db.enrollment.count({ where: { clientId: client.id } }))) continue;
    if (p.plan === "declined") {
      await recordDeclinedForNow({ actor, clientId: client.id, input: { program: PROGRAM, reachOutOn: day(30), note: "Busy with a new job; open to talking again later." } });
      // As if decided a month ago: the day to reach out again has come.
      await db.enrollment.updateMany({ where: { clientId: client.id, current: true }, data: { reachOutOn: todayUtc() } });
      continue;
    }
    await enrollClient({ actor, clientId: client.id, input: { program: PROGRAM } });
    for (const g of p.plan.goals) {
      const { goalId } = await addGoal({ actor, clientId: client.id, input: { text: g.text } });
      for (const s of g.steps ?? []) {
        await addStep({ actor, clientId: client.id, input: { goalId, text: s.text, owner: s.owner, partnerOrganizationId: s.owner === "PARTNER" ? foodBankId : undefined, dueOn: day(s.inDays) } });
      }
    }
    if (p.plan.reviewedDaysAgo !== undefined) await reviewPlan({ actor, clientId: client.id, input: { reviewedOn: day(-p.plan.reviewedDaysAgo) } });
  }
}
