/**
 * Demo care journeys at the hospital (issue #15, fictional people). The enhanced care program's
 * caseload: thirty enrolled clients across three care managers (Priya Raman, Marcus Whitehorse,
 * Lucía Benavides) at every level of care, plans with goals in each client's own language, some
 * overdue for contact or not reviewed lately, and Esperanza Quintana ready to graduate (readiness
 * recorded with her). Among them María Elena Ortiz and Robert
 * Kline enrolled in the enhanced care program with goals in their own words (Spanish and
 * English) — Robert's plan shares a next step with the food bank, which his authorization covers —
 * and Dominic Trujillo declined for now, due for another outreach. María Elena is at a medium level of
 * care and contacted lately; Robert at a high level, overdue for his weekly contact (ADR 097). Through the care services, so
 * the text is encrypted and audited like any other; idempotent (a client with a decision is left alone).
 */
import { db } from "~/utils/db.server";
import { identityIndexOf, registerClient } from "~/modules/client/service.server";
import { achieveGoal, addGoal, addStep, enrollClient, recordDeclinedForNow, reviewPlan } from "~/modules/care/service.server";
import { recordReadiness } from "~/modules/care/graduation.server";
import type { Actor } from "~/modules/auth/actor";
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

/** The hospital's care managers by demo email: the program's three caseloads. */
const CARE_MANAGERS = ["care.manager@hospital.demo.test", "care.manager.2@hospital.demo.test", "care.manager.3@hospital.demo.test"] as const;

type Lang = "en" | "es";
/** Goals in the client's own words, life goals first, each with a first next step (who does it). */
const GOALS: Record<Lang, { text: string; step?: { text: string; owner: "CLIENT" | "CARE_MANAGER" } }[]> = {
  en: [
    { text: "Get back to church on Sundays", step: { text: "Ask my neighbor about a ride on Sunday", owner: "CLIENT" } },
    { text: "See my grandchildren in Colorado Springs this summer", step: { text: "Find a bus pass for the trip", owner: "CARE_MANAGER" } },
    { text: "Keep my apartment", step: { text: "Call the landlord about a payment plan", owner: "CARE_MANAGER" } },
    { text: "Cook healthy meals at home", step: { text: "Write down what I eat for a week", owner: "CLIENT" } },
    { text: "Walk to the park with my dog" },
    { text: "Go back to work part time", step: { text: "Book a visit with the job center", owner: "CARE_MANAGER" } },
    { text: "Sleep through the night" },
    { text: "Stay out of the emergency room for my breathing", step: { text: "Book a visit with the lung clinic", owner: "CARE_MANAGER" } },
  ],
  es: [
    { text: "Volver a ir a misa los domingos", step: { text: "Preguntar a mi vecina si me lleva el domingo", owner: "CLIENT" } },
    { text: "Ver a mis nietos este verano", step: { text: "Buscar un pase de autobús para el viaje", owner: "CARE_MANAGER" } },
    { text: "Quedarme en mi casa", step: { text: "Llamar al dueño para un plan de pagos", owner: "CARE_MANAGER" } },
    { text: "Cocinar comida sana en casa", step: { text: "Apuntar lo que como durante una semana", owner: "CLIENT" } },
    { text: "Caminar al parque con mi perro" },
    { text: "Volver a trabajar medio tiempo", step: { text: "Sacar cita en el centro de empleo", owner: "CARE_MANAGER" } },
    { text: "Dormir toda la noche" },
    { text: "Aprender a controlar mi diabetes", step: { text: "Sacar cita con la educadora de diabetes", owner: "CARE_MANAGER" } },
  ],
};

/** The rest of the caseload (fictional people): name, date of birth, language, care manager (index into CARE_MANAGERS). */
const CASELOAD: { name: string; birthDate: string; lang: Lang; manager: 0 | 1 | 2 }[] = [
  { name: "Beatriz Salazar", birthDate: "1963-05-02", lang: "es", manager: 0 },
  { name: "Harold Jennings", birthDate: "1951-10-19", lang: "en", manager: 0 },
  { name: "Consuelo Archibeque", birthDate: "1947-01-23", lang: "es", manager: 0 },
  { name: "Darnell Price", birthDate: "1979-08-14", lang: "en", manager: 0 },
  { name: "Yolanda Maestas", birthDate: "1969-12-01", lang: "es", manager: 0 },
  { name: "Kevin O'Rourke", birthDate: "1982-03-27", lang: "en", manager: 0 },
  { name: "Ignacio Romero", birthDate: "1955-06-09", lang: "es", manager: 0 },
  { name: "Shirley Tafoya", birthDate: "1940-09-30", lang: "en", manager: 0 },
  { name: "Francisco Gallegos", birthDate: "1960-02-17", lang: "es", manager: 1 },
  { name: "Linda Horvath", birthDate: "1957-07-05", lang: "en", manager: 1 },
  { name: "Maribel Chacón", birthDate: "1974-11-11", lang: "es", manager: 1 },
  { name: "Earl Washington", birthDate: "1946-04-22", lang: "en", manager: 1 },
  { name: "Rosario Lujan", birthDate: "1966-08-03", lang: "es", manager: 1 },
  { name: "Tammy Kowalski", birthDate: "1971-01-15", lang: "en", manager: 1 },
  { name: "Alfonso Duran", birthDate: "1953-03-08", lang: "es", manager: 1 },
  { name: "Brenda Hatcher", birthDate: "1988-10-28", lang: "en", manager: 1 },
  { name: "Guadalupe Montez", birthDate: "1949-05-24", lang: "es", manager: 1 },
  { name: "Walter Pruitt", birthDate: "1962-12-12", lang: "en", manager: 1 },
  { name: "Esperanza Quintana", birthDate: "1959-04-18", lang: "es", manager: 2 },
  { name: "Dale Sorensen", birthDate: "1945-02-06", lang: "en", manager: 2 },
  { name: "Leticia Baca Ortega", birthDate: "1976-09-13", lang: "es", manager: 2 },
  { name: "Raymond Begay", birthDate: "1968-06-21", lang: "en", manager: 2 },
  { name: "Josefina Córdova", birthDate: "1952-11-29", lang: "es", manager: 2 },
  { name: "Patricia Lindqvist", birthDate: "1980-01-04", lang: "en", manager: 2 },
  { name: "Ramón Valdez", birthDate: "1964-07-16", lang: "es", manager: 2 },
  { name: "Gene Abernathy", birthDate: "1943-08-25", lang: "en", manager: 2 },
  { name: "Alma Rivera", birthDate: "1985-02-19", lang: "es", manager: 2 },
  { name: "Curtis Hale", birthDate: "1958-10-07", lang: "en", manager: 2 },
];
/** Ready to graduate: her goals met, managing on her own, stable at a low level (ADR 098). */
const READY_TO_GRADUATE = "Esperanza Quintana";

const LEVELS: CareLevel[] = ["HIGH", "MEDIUM", "LOW"];
const KINDS: ContactKind[] = ["HOME_VISIT", "CALL", "VISIT", "TEXT", "VIDEO"];

/** A varied, repeatable plan for the i-th caseload client: every level at every care manager, some overdue, some never reviewed. */
function planFor(i: number, lang: Lang, ready: boolean, manager: number): Plan {
  const level = ready ? "LOW" : LEVELS[i % 3]!;
  const enrolledDaysAgo = ready ? 240 : 12 + ((i * 23) % 170);
  // Days since the last contact: within the level's cadence for most, past it for about one in four.
  // Priya Raman's high-level clients are all reached lately, so Robert Kline stays first on her huddle list (the tour and e2e tests start there).
  const lastContact = Math.min(enrolledDaysAgo - 1, ready ? 9 : [2, 20, 9, 16, 4, 35, 38, 6][i % 8]!, manager === 0 && level === "HIGH" ? 5 : Infinity);
  const reviewed = [7, 30, undefined, 100, 45][i % 5];
  const goals = GOALS[lang];
  const first = goals[i % goals.length]!;
  const second = goals[(i + 3) % goals.length]!;
  return {
    goals: [
      { text: first.text, steps: first.step ? [{ ...first.step, inDays: 1 + (i % 12) }] : [] },
      { text: second.text },
    ],
    reviewedDaysAgo: ready ? 14 : reviewed === undefined ? undefined : Math.min(reviewed, enrolledDaysAgo - 1),
    level,
    enrolledDaysAgo,
    contacts: [
      { kind: "HOME_VISIT", daysAgo: enrolledDaysAgo - 1 },
      { kind: KINDS[i % KINDS.length]!, daysAgo: lastContact },
    ],
  };
}

async function carryOut(actor: Actor, clientId: string, plan: Plan, foodBankId: string) {
  await enrollClient({ actor, clientId, input: { program: PROGRAM } });
  // As if enrolled weeks ago, so the contact log has a history (and some clients are overdue).
  const enrolledOn = addDays(todayUtc(), -plan.enrolledDaysAgo);
  await db.enrollment.updateMany({ where: { clientId, current: true }, data: { enrolledOn, decidedOn: enrolledOn } });
  if (plan.level !== "MEDIUM") await setCareLevel({ actor, clientId, input: { level: plan.level } });
  for (const c of plan.contacts) await recordContact({ actor, clientId, input: { kind: c.kind, contactedOn: day(-c.daysAgo), note: c.note } });
  const goalIds: string[] = [];
  for (const g of plan.goals) {
    const { goalId } = await addGoal({ actor, clientId, input: { text: g.text } });
    goalIds.push(goalId);
    for (const s of g.steps ?? []) {
      await addStep({ actor, clientId, input: { goalId, text: s.text, owner: s.owner, partnerOrganizationId: s.owner === "PARTNER" ? foodBankId : undefined, dueOn: day(s.inDays) } });
    }
  }
  if (plan.reviewedDaysAgo !== undefined) await reviewPlan({ actor, clientId, input: { reviewedOn: day(-plan.reviewedDaysAgo) } });
  return goalIds;
}

export async function seedDemoCare({ hospitalId, foodBankId }: { hospitalId: string; foodBankId: string }) {
  const managers = await db.user.findMany({ where: { email: { in: [...CARE_MANAGERS] } }, select: { id: true, email: true } });
  const managerActor = (index: number) => {
    const user = managers.find((m) => m.email === CARE_MANAGERS[index]);
    return user ? actorFor(user.id, hospitalId, { request: { userAgent: "seed" } }) : null;
  };
  const actor = managerActor(0);
  if (!actor) return;
  // One query says which demo clients exist and which already have a decision: a second run reads and writes nothing else.
  const everyone = [...PLANS, ...CASELOAD];
  const existing = await db.client.findMany({
    where: { organizationId: hospitalId, deletedAt: null, identityIndex: { in: everyone.map((p) => identityIndexOf(p.name, p.birthDate)) } },
    select: { id: true, identityIndex: true, _count: { select: { enrollments: true } } },
  });
  const byIndex = new Map(existing.map((c) => [c.identityIndex, c]));
  const pending = (name: string, birthDate: string) => {
    const row = byIndex.get(identityIndexOf(name, birthDate));
    return row && row._count.enrollments === 0 ? row.id : row ? null : undefined;
  };

  for (const p of PLANS) {
    const clientId = pending(p.name, p.birthDate);
    if (!clientId) continue;
    if (p.plan === "declined") {
      await recordDeclinedForNow({ actor, clientId, input: { program: PROGRAM, reachOutOn: day(30), note: "Busy with a new job; open to talking again later." } });
      // As if decided a month ago: the day to reach out again has come.
      await db.enrollment.updateMany({ where: { clientId, current: true }, data: { reachOutOn: todayUtc() } });
      continue;
    }
    await carryOut(actor, clientId, p.plan, foodBankId);
  }

  for (const [i, c] of CASELOAD.entries()) {
    const manager = managerActor(c.manager);
    if (!manager) continue;
    let clientId = pending(c.name, c.birthDate);
    if (clientId === null) continue;
    if (clientId === undefined) {
      // Registered by their care manager, who becomes the primary care manager enrollment keeps.
      const registered = await registerClient({ actor: manager, input: { name: c.name, birthDate: c.birthDate, contact: `719-555-${String(200 + i).padStart(4, "0")}`, preferredLanguage: c.lang, confirmNotDuplicate: "yes" } });
      if (registered.status !== "registered") continue;
      clientId = registered.clientId;
    }
    const ready = c.name === READY_TO_GRADUATE;
    const goalIds = await carryOut(manager, clientId, planFor(i, c.lang, ready, c.manager), foodBankId);
    if (ready) {
      await achieveGoal({ actor: manager, clientId, input: { goalId: goalIds[0]!, note: "Lo logró: va a misa cada domingo con su vecina." } });
      await recordReadiness({ actor: manager, clientId, input: { goalsMet: true, selfManagement: true, stableLevel: true, note: "Maneja sus citas sola; estable en nivel bajo desde hace tres meses." } });
    }
  }
}
