/**
 * Demo conferences (issue 6): one upcoming (hosted by the hospital, with the food bank, housing
 * authority and legal aid invited, one shared vignette) and one past coalition-wide conference
 * with its discussion and next steps (one done, one overdue for the food bank). Idempotent: fixed
 * ids, upserts; dates are set when first created.
 */
import { db } from "~/utils/db.server";

const UPCOMING_ID = "6c0f0e6e-0000-4000-8000-000000000601";
const PAST_ID = "6c0f0e6e-0000-4000-8000-000000000602";
const UPCOMING_VIGNETTE_ID = "6c0f0e6e-0000-4000-8000-000000000611";
const PAST_VIGNETTE_ID = "6c0f0e6e-0000-4000-8000-000000000612";
const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoConferences({ coalitionId, organizationIds }: { coalitionId: string; organizationIds: Map<string, string> }) {
  const org = (slug: string) => {
    const id = organizationIds.get(slug);
    if (!id) throw new Error(`Demo conference names unknown organization ${slug}`);
    return id;
  };
  const user = async (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  const hospitalDirector = await user("director@hospital.demo.test");
  const foodbankDirector = await user("director@foodbank.demo.test");
  const convener = await user("convener@demo.test");
  const foodbankName = (await db.organization.findUniqueOrThrow({ where: { id: org("foodbank") } })).name;
  const hospitalName = (await db.organization.findUniqueOrThrow({ where: { id: org("hospital") } })).name;

  // Upcoming
  const upcomingStart = new Date(Math.ceil((Date.now() + 3 * DAY) / (60 * 60 * 1000)) * 60 * 60 * 1000);
  await db.conference.upsert({
    where: { id: UPCOMING_ID },
    create: {
      id: UPCOMING_ID,
      coalitionId,
      hostOrganizationId: org("hospital"),
      createdById: hospitalDirector.id,
      title: "Frequent ED visits: housing and utilities",
      agenda: "1. Celebrate: the grandmother with the home health aide.\n2. Vignette: older man, stairs and oxygen.\n3. Next steps and owners.",
      startsAt: upcomingStart,
      invitations: { create: ["hospital", "foodbank", "housing-authority", "legal-aid"].map((slug) => ({ organizationId: org(slug) })) },
    },
    update: {},
  });
  await db.vignette.upsert({
    where: { id: UPCOMING_VIGNETTE_ID },
    create: {
      id: UPCOMING_VIGNETTE_ID,
      conferenceId: UPCOMING_ID,
      authorId: hospitalDirector.id,
      authorName: hospitalDirector.name,
      authorOrganizationId: org("hospital"),
      title: "Older man, stairs and oxygen",
      situation: "An 81-year-old man with COPD and heart failure lives with his wife in a second-floor walk-up. Four ED visits in the past six months; he uses oxygen at home.",
      strengths: "His wife is engaged and both are active in their congregation.",
      needs: "A ground-floor unit; help with the electric bill (the oxygen concentrator runs constantly).",
      tried: "Energy assistance application (denied, over income by a small amount).",
      question: "Are there medical-need exemptions or utility programs we are missing?",
      sdohCategories: ["housing", "utilities", "health_care_access"],
      sharedAt: new Date(),
    },
    update: {},
  });

  // Past, with discussion and next steps
  const pastStart = new Date(Date.now() - 14 * DAY);
  await db.conference.upsert({
    where: { id: PAST_ID },
    create: {
      id: PAST_ID,
      coalitionId,
      hostOrganizationId: org("coalition-office"),
      createdById: convener.id,
      title: "First coalition case conference",
      agenda: "Introductions, one vignette, collaborative next steps with owners and dates.",
      startsAt: pastStart,
      wholeCoalition: true,
      status: "ENDED",
      endedAt: new Date(pastStart.getTime() + 60 * 60 * 1000),
      lastMessageSeq: 3,
    },
    update: {},
  });
  await db.vignette.upsert({
    where: { id: PAST_VIGNETTE_ID },
    create: {
      id: PAST_VIGNETTE_ID,
      conferenceId: PAST_ID,
      authorId: foodbankDirector.id,
      authorName: foodbankDirector.name,
      authorOrganizationId: org("foodbank"),
      title: "Family of five, doubled up",
      situation: "A father of three and his partner have been doubled up with relatives since last fall. He works full time; the landlords he applied to refused the housing voucher.",
      strengths: "Steady job, children enrolled in school, strong church community.",
      needs: "A landlord who accepts vouchers; help with a deposit.",
      tried: "Twelve applications, mediation, a letter from legal aid.",
      question: "Which landlords in the county have accepted vouchers recently?",
      sdohCategories: ["housing", "income"],
      sharedAt: pastStart,
    },
    update: {},
  });
  const messages = [
    { seq: 1, authorId: foodbankDirector.id, authorName: foodbankDirector.name, organizationId: org("foodbank"), organizationName: foodbankName, body: "Thank you all for coming. The family has kept every appointment." },
    { seq: 2, authorId: hospitalDirector.id, authorName: hospitalDirector.name, organizationId: org("hospital"), organizationName: hospitalName, body: "Our community health workers know two landlords who took vouchers this year." },
    { seq: 3, authorId: foodbankDirector.id, authorName: foodbankDirector.name, organizationId: org("foodbank"), organizationName: foodbankName, body: "We can cover part of a deposit from the emergency fund." },
  ];
  for (const [i, m] of messages.entries()) {
    await db.conferenceMessage.upsert({
      where: { conferenceId_seq: { conferenceId: PAST_ID, seq: m.seq } },
      create: { ...m, conferenceId: PAST_ID, vignetteId: PAST_VIGNETTE_ID, createdAt: new Date(pastStart.getTime() + (i + 1) * 5 * 60 * 1000) },
      update: {},
    });
  }
  const steps = [
    { id: "6c0f0e6e-0000-4000-8000-000000000621", what: "Share the two landlord contacts with the food bank", ownerName: hospitalDirector.name, ownerOrganizationId: org("hospital"), dueDate: new Date(pastStart.getTime() + 7 * DAY), doneAt: new Date(pastStart.getTime() + 5 * DAY) },
    { id: "6c0f0e6e-0000-4000-8000-000000000622", what: "Confirm the deposit help from the emergency fund", ownerName: foodbankDirector.name, ownerOrganizationId: org("foodbank"), dueDate: new Date(pastStart.getTime() + 10 * DAY), doneAt: null },
  ];
  for (const s of steps) {
    await db.nextStep.upsert({
      where: { id: s.id },
      create: { ...s, dueDate: new Date(`${s.dueDate.toISOString().slice(0, 10)}T00:00:00Z`), coalitionId, conferenceId: PAST_ID, vignetteId: PAST_VIGNETTE_ID, createdById: convener.id, doneById: s.doneAt ? hospitalDirector.id : null },
      update: {},
    });
  }
}
