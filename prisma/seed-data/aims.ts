/**
 * A year and a bit of measure history for the demo coalition, so the run charts tell a story on
 * first start: the food measure shifts up after a "food pharmacy" PDSA cycle; loop closure trends
 * up; the balancing measure (paperwork time) stays stable. Dates are relative to today. Idempotent.
 */
import { db } from "~/utils/db.server";
import { recentPeriods } from "~/modules/aims/periods";

type Seed = { coalitionId: string; organizationIds: Map<string, string>; convenerUserId: string; directorIds: Map<string, string> };

// Deterministic "noise" so every seed draws the same chart.
const wobble = (i: number, amplitude: number) => Math.round(Math.sin(i * 2.3 + 0.7) * amplitude + Math.cos(i * 1.1) * amplitude * 0.5);

export async function seedAims({ coalitionId, organizationIds, convenerUserId, directorIds }: Seed) {
  const org = (slug: string) => organizationIds.get(slug)!;
  const months = recentPeriods(new Date(), "MONTHLY", 15);

  const upsertMeasure = async (data: {
    name: string; description: string; type: "OUTCOME" | "PROCESS" | "BALANCING"; unit: string; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
    source: "ENTERED" | "COMPUTED"; aggregation: "SUM" | "MEAN"; computedKey?: string; reporters: string[];
  }) => {
    const { reporters, ...fields } = data;
    const existing = await db.measure.findUnique({ where: { coalitionId_name: { coalitionId, name: data.name } } });
    const measure = existing ?? (await db.measure.create({ data: { ...fields, coalitionId, frequency: "MONTHLY", baselinePoints: 8, createdById: convenerUserId } }));
    for (const slug of reporters) {
      await db.measureReporter.upsert({ where: { measureId_organizationId: { measureId: measure.id, organizationId: org(slug) } }, create: { measureId: measure.id, organizationId: org(slug) }, update: {} });
    }
    return measure;
  };
  const setValue = (measureId: string, slug: string, periodStart: Date, value: number) =>
    db.measureValue.upsert({
      where: { measureId_scope_periodStart: { measureId, scope: org(slug), periodStart } },
      create: { measureId, organizationId: org(slug), scope: org(slug), periodStart, value, enteredById: directorIds.get(slug) ?? null },
      update: { value },
    });

  const food = await upsertMeasure({
    name: "Households connected to food assistance",
    description: "Households referred by a care team that received food from a partner in the month.",
    type: "OUTCOME", unit: "households", direction: "HIGHER_IS_BETTER", source: "ENTERED", aggregation: "SUM",
    reporters: ["foodbank", "hospital", "fqhc"],
  });
  const closure = await upsertMeasure({
    name: "Referral loop closure rate",
    description: "Share of referrals whose outcome was reported back to the referring team within 30 days.",
    type: "PROCESS", unit: "%", direction: "HIGHER_IS_BETTER", source: "ENTERED", aggregation: "MEAN",
    reporters: ["hospital", "foodbank"],
  });
  const paperwork = await upsertMeasure({
    name: "Staff hours on referral paperwork",
    description: "Balancing measure: hours per week care managers spend on referral forms and calls.",
    type: "BALANCING", unit: "hours/week", direction: "LOWER_IS_BETTER", source: "ENTERED", aggregation: "MEAN",
    reporters: ["hospital"],
  });
  await upsertMeasure({
    name: "Partner organizations in the coalition",
    description: "Computed by the hub: member organizations at the end of each month.",
    type: "PROCESS", unit: "organizations", direction: "HIGHER_IS_BETTER", source: "COMPUTED", aggregation: "SUM", computedKey: "coalition-partners",
    reporters: [],
  });

  const pilotAt = 8; // the food pharmacy PDSA cycle starts in month 9 of 15
  for (const [i, month] of months.entries()) {
    const lift = i >= pilotAt ? 18 + (i - pilotAt) * 9 : 0;
    await setValue(food.id, "foodbank", month, 120 + wobble(i, 9) + lift);
    await setValue(food.id, "hospital", month, 70 + wobble(i + 3, 6) + Math.round(lift * 0.5));
    await setValue(food.id, "fqhc", month, 45 + wobble(i + 5, 5) + Math.round(lift * 0.3));
    await setValue(closure.id, "hospital", month, Math.min(95, 38 + i * 2 + wobble(i, 2)));
    await setValue(closure.id, "foodbank", month, Math.min(95, 42 + i * 2 + wobble(i + 2, 2)));
    await setValue(paperwork.id, "hospital", month, 11 + wobble(i + 1, 1.5));
  }

  const annotate = async (measureId: string, periodStart: Date, kind: string, label: string) => {
    if (await db.measureAnnotation.findFirst({ where: { measureId, label } })) return;
    await db.measureAnnotation.create({ data: { measureId, periodStart, kind, label, createdById: convenerUserId } });
  };
  await annotate(food.id, months[pilotAt], "PDSA", "Food pharmacy pilot at the hospital and FQHC");
  await annotate(food.id, months[11], "INTERVENTION", "Mobile pantry added in Avondale and Boone");
  await annotate(closure.id, months[5], "PDSA", "Shared referral template tested");

  const start = months[0];
  const target = new Date(Date.UTC(start.getUTCFullYear() + 2, 11, 1));
  if (!(await db.aim.findFirst({ where: { coalitionId, measureId: food.id } }))) {
    await db.aim.create({
      data: {
        coalitionId, measureId: food.id, createdById: convenerUserId,
        statement: `By December ${target.getUTCFullYear()}, connect 400 households a month with food assistance through coalition referrals.`,
        population: "Households with food insecurity served by coalition care teams",
        baselineValue: 235, baselineDate: start, targetValue: 400, targetDate: target,
        domains: ["economic-stability", "health-care-access-and-quality"],
        contributors: { create: ["foodbank", "hospital", "fqhc"].map((slug) => ({ organizationId: org(slug) })) },
      },
    });
  }
  if (!(await db.aim.findFirst({ where: { coalitionId, measureId: closure.id } }))) {
    await db.aim.create({
      data: {
        coalitionId, measureId: closure.id, createdById: convenerUserId,
        statement: `By December ${target.getUTCFullYear()}, close the loop on 90% of referrals within 30 days.`,
        population: "Every referral between coalition partners",
        baselineValue: 40, baselineDate: start, targetValue: 90, targetDate: target,
        domains: ["health-care-access-and-quality", "social-and-community-context"],
        contributors: { create: ["hospital", "foodbank"].map((slug) => ({ organizationId: org(slug) })) },
      },
    });
  }

  const wins = [
    { slug: "foodbank", title: "Mobile pantry reaches Boone", story: "Forty-two families in Boone picked up fresh produce at the first mobile pantry stop, most of them referred by the FQHC." },
    { slug: "hospital", title: "A loop closed in two days", story: "A patient referred for utility help had her shut-off cancelled within 48 hours, and her care manager heard back the same week." },
    { slug: "housing-authority", title: "First joint case conference", story: "Housing, legal aid and the hospital solved a tricky eviction case together in one hour." },
  ];
  for (const w of wins) {
    if (await db.win.findFirst({ where: { coalitionId, title: w.title } })) continue;
    await db.win.create({ data: { coalitionId, organizationId: org(w.slug), authorId: directorIds.get(w.slug) ?? convenerUserId, title: w.title, story: w.story } });
  }
}

/** The convener's workspace: stages, agreements (one renewing soon), two analyses, decisions. */
export async function seedPartnership({ coalitionId, organizationIds, convenerUserId }: Omit<Seed, "directorIds">) {
  const org = (slug: string) => organizationIds.get(slug)!;
  const day = 24 * 60 * 60 * 1000;
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const stages: [string, "IDENTIFIED" | "CONTACTED" | "FIRST_MEETING" | "EARLY_COLLABORATION" | "FORMAL_AGREEMENT"][] = [
    ["veterans-peer-group", "FIRST_MEETING"], ["latino-community", "EARLY_COLLABORATION"], ["transportation", "FORMAL_AGREEMENT"], ["neighborhood-boone", "CONTACTED"],
  ];
  for (const [slug, stage] of stages) {
    await db.partnerRelationship.upsert({ where: { organizationId: org(slug) }, create: { coalitionId, organizationId: org(slug), stage }, update: {} });
  }
  if ((await db.partnerAgreement.count({ where: { coalitionId } })) === 0) {
    await db.partnerAgreement.createMany({
      data: [
        { coalitionId, organizationId: org("hospital"), kind: "DATA_SHARING", signedOn: new Date(today.getTime() - 330 * day), renewsOn: new Date(today.getTime() + 35 * day), notes: "Referral data and outcomes, minimum necessary." },
        { coalitionId, organizationId: org("foodbank"), kind: "MOU", signedOn: new Date(today.getTime() - 200 * day), renewsOn: new Date(today.getTime() + 530 * day), notes: "" },
        { coalitionId, organizationId: org("fqhc"), kind: "BAA", signedOn: new Date(today.getTime() - 400 * day), renewsOn: new Date(today.getTime() + 320 * day), notes: "" },
      ],
    });
  }
  if ((await db.stakeholderAnalysis.count({ where: { coalitionId } })) === 0) {
    await db.stakeholderAnalysis.create({
      data: { coalitionId, heldOn: new Date(today.getTime() - 200 * day), createdById: convenerUserId, entries: { create: [
        { group: "Hospital leadership", support: "NEUTRAL", influence: "HIGH", actionSteps: "Share the loop-closure data" },
        { group: "Faith congregations", support: "SUPPORT", influence: "MEDIUM", actionSteps: "" },
        { group: "County commissioners", support: "OPPOSITION", influence: "HIGH", actionSteps: "Brief on the food pharmacy results" },
      ] } },
    });
    await db.stakeholderAnalysis.create({
      data: { coalitionId, heldOn: new Date(today.getTime() - 40 * day), createdById: convenerUserId, entries: { create: [
        { group: "Hospital leadership", support: "STRONG_SUPPORT", influence: "HIGH", actionSteps: "Invite the CMO to the steering group" },
        { group: "Faith congregations", support: "SUPPORT", influence: "MEDIUM", actionSteps: "Co-host the spring health fair" },
        { group: "County commissioners", support: "NEUTRAL", influence: "HIGH", actionSteps: "Present the annual report" },
        { group: "Landlords' association", support: "OPPOSITION", influence: "MEDIUM", actionSteps: "Meet about the eviction-prevention fund" },
      ] } },
    });
  }
  if ((await db.coalitionDecision.count({ where: { coalitionId } })) === 0) {
    await db.coalitionDecision.createMany({
      data: [
        { coalitionId, decision: "Adopt one shared referral template for every partner.", method: "CONSENSUS", decidedOn: new Date(today.getTime() - 250 * day), present: "All 20 partners", createdById: convenerUserId },
        { coalitionId, decision: "Focus the first shared aim on food insecurity.", method: "VOTE", decidedOn: new Date(today.getTime() - 300 * day), present: "Steering group (9 of 11)", createdById: convenerUserId },
      ],
    });
  }
}
