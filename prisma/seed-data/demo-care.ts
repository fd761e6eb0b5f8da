/**
 * Demo care journeys at the hospital (issue #15, fictional people): María Elena Ortiz and Robert
 * Kline enrolled in the enhanced care program with goals in their own words (Spanish and
 * English) — Robert's plan shares a next step with the food bank, which his authorization covers —
 * and Dominic Trujillo declined for now, due for another outreach. María Elena is at a medium level of
 * care and contacted lately; Robert at a high level, overdue for his weekly contact (ADR 097). Through the care services, so
 * the text is encrypted and audited like any other; idempotent (a client with a decision is left alone).
 */
import { db } from "~/utils/db.server";
import { findPossibleDuplicates } from "~/modules/client/service.server";
import { addGoal, addStep, enrollClient, recordDeclinedForNow, reviewPlan } from "~/modules/care/service.server";
import { recordContact, setCareLevel } from "~/modules/care/contacts.server";
import type { CareLevel, ContactKind } from "~/modules/care/contact-schemas";
import { addDays, isoDay, todayUtc } from "~/modules/care/dates";
import { actorFor } from "../../tests/actors";

const PROGRAM = "Enhanced care program";
const day = (offset: number) => isoDay(addDays(todayUtc(), offset));

type Plan = {
  goals: { text: string; steps?: { text: string; owner: "CLIENT" | "CARE_MANAGER" | "PARTNER"; inDays: number }[] }[];
  reviewedDaysAgo?: number;
  /** Level of care and contact log (ADR 097): enrolled this many days ago, contacts that many days ago. */
  level: CareLevel;
  enrolledDaysAgo: number;
  contacts: { kind: ContactKind; daysAgo: number; note?: string }[];
};

const PLANS: { name: string; birthDate: string; plan: Plan | "declined" }[] = [
  {
    name: "María Elena Ortiz", birthDate: "1971-03-14",
    plan: {
      goals: [
        { text: "Volver a cantar en el coro de la iglesia", steps: [{ text: "Llamar a la parroquia para preguntar el horario del coro", owner: "CLIENT", inDays: 5 }] },
        { text: "Controlar el azúcar para poder cuidar a mis nietos", steps: [{ text: "Cita con la educadora de diabetes", owner: "CARE_MANAGER", inDays: 10 }] },
      ],
      reviewedDaysAgo: 7,
      level: "MEDIUM",
      enrolledDaysAgo: 21,
      contacts: [
        { kind: "HOME_VISIT", daysAgo: 20, note: "Primera visita en casa; su hija traduce cuando hace falta." },
        { kind: "CALL", daysAgo: 9 },
        { kind: "TEXT", daysAgo: 3, note: "Confirmó la cita con la educadora." },
      ],
    },
  },
  {
    name: "Robert Kline", birthDate: "1948-11-02",
    plan: {
      goals: [
        { text: "Stay in my own home", steps: [{ text: "Deliver groceries every Friday after discharge", owner: "PARTNER", inDays: 3 }] },
        { text: "Walk to the mailbox without my daughter's help" },
      ],
      // High intensity after discharge, last reached ten days ago: overdue for his weekly contact.
      level: "HIGH",
      enrolledDaysAgo: 18,
      contacts: [
        { kind: "HOSPITAL", daysAgo: 18, note: "Met him on the ward before discharge." },
        { kind: "CALL", daysAgo: 10 },
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
    // As if enrolled weeks ago, so the contact log has a history (and one client is overdue).
    const enrolledOn = addDays(todayUtc(), -p.plan.enrolledDaysAgo);
    await db.enrollment.updateMany({ where: { clientId: client.id, current: true }, data: { enrolledOn, decidedOn: enrolledOn } });
    if (p.plan.level !== "MEDIUM") await setCareLevel({ actor, clientId: client.id, input: { level: p.plan.level } });
    for (const c of p.plan.contacts) await recordContact({ actor, clientId: client.id, input: { kind: c.kind, contactedOn: day(-c.daysAgo), note: c.note } });
    for (const g of p.plan.goals) {
      const { goalId } = await addGoal({ actor, clientId: client.id, input: { text: g.text } });
      for (const s of g.steps ?? []) {
        await addStep({ actor, clientId: client.id, input: { goalId, text: s.text, owner: s.owner, partnerOrganizationId: s.owner === "PARTNER" ? foodBankId : undefined, dueOn: day(s.inDays) } });
      }
    }
    if (p.plan.reviewedDaysAgo !== undefined) await reviewPlan({ actor, clientId: client.id, input: { reviewedOn: day(-p.plan.reviewedDaysAgo) } });
  }
}
