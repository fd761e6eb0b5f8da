/**
 * Shared aims and measures: conveners define them; partner directors enter their organization's
 * values (by hand or CSV); everyone in the coalition reads them. Every change is audited.
 */
import Papa from "papaparse";
import { AppError, forbidden, recordNotFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { activeMembersAmong } from "~/modules/coalition/membership.server";
import { findComputedMeasure } from "./computed.server";
import { isPeriodStart, parsePeriod, type Frequency } from "./periods";
import { measureCsvRowSchema } from "./schemas";
import type { Actor } from "~/modules/auth/actor";
import { currentTranslator } from "~/utils/http-errors.server";
import { translatable, translateMessage, type Translate } from "~/utils/translatable";


const audit = (actor: Actor<"coalition">, action: string, subjectType: string, subjectId: string, metadata: Record<string, unknown> = {}, tx?: Prisma.TransactionClient) =>
  recordAuditEvent({ action, subjectType, subjectId, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId, metadata, request: actor.request }, tx);

async function memberOrganizationIds(coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const members = await activeMembersAmong(coalitionId, ids);
  if (members.size !== new Set(ids).size) throw new AppError({ message: translatable("errors.services.aims.membersOnly") });
  return [...members];
}

export async function createMeasure({ actor, input }: {
  actor: Actor<"coalition">;
  input: { name: string; description: string; type: "OUTCOME" | "PROCESS" | "BALANCING"; unit: string; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER"; frequency: Frequency; source: "ENTERED" | "IMPORTED" | "COMPUTED"; aggregation: "SUM" | "MEAN"; computedKey?: string; baselinePoints: number; reporterIds: string[] };
}) {
  if (input.source === "COMPUTED" && !findComputedMeasure(input.computedKey)) {
    throw new AppError({ message: translatable("errors.services.aims.cannotCompute"), fieldErrors: { computedKey: [translatable("errors.services.aims.chooseListedMeasure")] } });
  }
  if (await db.measure.findFirst({ where: { coalitionId: actor.coalitionId, name: { equals: input.name, mode: "insensitive" } } })) {
    throw new AppError({ message: translatable("errors.services.aims.nameTaken"), fieldErrors: { name: [translatable("errors.services.aims.nameUsed")] } });
  }
  const reporters = input.source === "COMPUTED" ? [] : await memberOrganizationIds(actor.coalitionId, input.reporterIds);
  return db.$transaction(async (tx) => {
    const { reporterIds: _reporters, ...fields } = input;
    const measure = await tx.measure.create({
      data: { ...fields, computedKey: input.source === "COMPUTED" ? input.computedKey : null, coalitionId: actor.coalitionId, createdById: actor.userId, reporters: { create: reporters.map((organizationId) => ({ organizationId })) } },
    });
    await audit(actor, "aims.measure_created", "Measure", measure.id, { name: measure.name }, tx);
    return measure;
  });
}

export async function getMeasureInCoalition(measureId: string, coalitionId: string) {
  const measure = await db.measure.findFirst({ where: { id: measureId, coalitionId, archivedAt: null }, include: { reporters: { select: { organizationId: true } } } });
  if (!measure) throw recordNotFound("measure");
  return measure;
}

/** Name, description and unit; the unit is fixed once values exist (they would change meaning). */
export async function updateMeasure({ actor, measureId, input }: { actor: Actor<"coalition">; measureId: string; input: { name: string; description: string; unit: string } }) {
  const measure = await getMeasureInCoalition(measureId, actor.coalitionId);
  if (input.unit !== measure.unit && (await db.measureValue.count({ where: { measureId } })) > 0) {
    throw new AppError({ message: translatable("errors.services.aims.unitFixed"), fieldErrors: { unit: [translatable("errors.services.aims.unitFixedShort")] } });
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.measure.update({ where: { id: measureId }, data: input });
    await audit(actor, "aims.measure_updated", "Measure", measureId, input, tx);
    return updated;
  });
}

export async function rebaseline({ actor, measureId, baselinePoints }: { actor: Actor<"coalition">; measureId: string; baselinePoints: number }) {
  await getMeasureInCoalition(measureId, actor.coalitionId);
  return db.$transaction(async (tx) => {
    const updated = await tx.measure.update({ where: { id: measureId }, data: { baselinePoints, rebaselinedAt: new Date() } });
    await audit(actor, "aims.measure_rebaselined", "Measure", measureId, { baselinePoints }, tx);
    return updated;
  });
}

export async function createAim({ actor, input }: {
  actor: Actor<"coalition">;
  input: { statement: string; population: string; measureId: string; baselineValue: number; baselineDate: Date; targetValue: number; targetDate: Date; domains: string[]; contributorIds: string[] };
}) {
  if (input.targetDate <= input.baselineDate) throw new AppError({ message: translatable("errors.services.aims.targetAfterBaseline"), fieldErrors: { targetDate: [translatable("errors.services.aims.afterBaseline")] } });
  await getMeasureInCoalition(input.measureId, actor.coalitionId);
  const contributors = await memberOrganizationIds(actor.coalitionId, input.contributorIds);
  return db.$transaction(async (tx) => {
    const { contributorIds: _c, ...fields } = input;
    const aim = await tx.aim.create({
      data: { ...fields, coalitionId: actor.coalitionId, createdById: actor.userId, contributors: { create: contributors.map((organizationId) => ({ organizationId })) } },
    });
    await audit(actor, "aims.aim_created", "Aim", aim.id, { statement: aim.statement }, tx);
    return aim;
  });
}

/** Partners enter values for their own organization only, for measures they are asked to report. */
export async function enterValue({ actor, measureId, period, value }: { actor: Actor<"coalition">; measureId: string; period: Date; value: number }) {
  const measure = await getMeasureInCoalition(measureId, actor.coalitionId);
  assertCanReport(measure, actor.organizationId);
  if (!isPeriodStart(period, measure.frequency)) throw new AppError({ message: translatable("errors.services.aims.choosePeriod"), fieldErrors: { period: [translatable("errors.services.aims.notAPeriod")] } });
  if (period > new Date()) throw new AppError({ message: translatable("errors.services.aims.periodNotStarted"), fieldErrors: { period: [translatable("errors.services.aims.inTheFuture")] } });
  return db.$transaction(async (tx) => {
    const where = { measureId_scope_periodStart: { measureId, scope: actor.organizationId, periodStart: period } };
    const existing = await tx.measureValue.findUnique({ where });
    const saved = await tx.measureValue.upsert({
      where,
      create: { measureId, organizationId: actor.organizationId, scope: actor.organizationId, periodStart: period, value, enteredById: actor.userId },
      update: { value, enteredById: actor.userId },
    });
    await audit({ ...actor }, existing ? "aims.value_updated" : "aims.value_entered", "MeasureValue", saved.id, { measureId, period: period.toISOString().slice(0, 10), value, previous: existing?.value ?? null }, tx);
    return { value: saved, created: !existing };
  });
}

function assertCanReport(measure: { source: string; reporters: { organizationId: string }[] }, organizationId: string) {
  if (measure.source === "COMPUTED") throw new AppError({ message: translatable("errors.services.aims.computedTakesNoValues") });
  if (!measure.reporters.some((r) => r.organizationId === organizationId)) throw forbidden(translatable("errors.services.aims.notAskedToReport"));
}

export type ImportRowResult = { row: number; status: "created" | "updated" | "rejected"; period?: string; message?: string };

/**
 * CSV with columns period,value: each row is validated and written on its own (one transaction per
 * row), so a bad row is reported and never half-written, and a re-import updates in place. The
 * report's reasons are in the reader's language: `t` is the request's (the ambient translator
 * during an action, ADR 071), English elsewhere.
 */
export async function importValuesCsv({ actor, measureId, csv, t = currentTranslator() }: { actor: Actor<"coalition">; measureId: string; csv: string; t?: Translate }): Promise<ImportRowResult[]> {
  const measure = await getMeasureInCoalition(measureId, actor.coalitionId);
  assertCanReport(measure, actor.organizationId);
  if (csv.length > 1_000_000) throw new AppError({ message: translatable("errors.services.aims.fileTooLarge") });
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  if (!parsed.meta.fields?.includes("period") || !parsed.meta.fields.includes("value")) {
    throw new AppError({ message: translatable("errors.services.aims.csvHeader") });
  }
  const rowSchema = measureCsvRowSchema(measure.unit);
  const results: ImportRowResult[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of parsed.data.entries()) {
    const row = index + 2; // 1-based, after the header
    const checked = rowSchema.safeParse(raw);
    if (!checked.success) {
      // The column and the cell named: `value "1e308" is not a number between …`.
      const cell = (column: string) => (raw[column]?.trim() ? ` "${raw[column]!.trim().slice(0, 40)}"` : "");
      const reasons = checked.error.issues.map((i) => t("errors.services.aims.csvCell", { column: String(i.path[0] ?? "row"), cell: cell(String(i.path[0])), problem: translateMessage(i.message, t) }));
      results.push({ row, status: "rejected", message: reasons.join("; ") });
      continue;
    }
    const { value } = checked.data;
    const periodLabel = checked.data.period;
    const period = parsePeriod(periodLabel, measure.frequency);
    if (!period) results.push({ row, status: "rejected", period: periodLabel, message: t("errors.services.aims.csvPeriodUnread", { period: periodLabel }) });
    else if (seen.has(period.toISOString())) results.push({ row, status: "rejected", period: periodLabel, message: t("errors.services.aims.csvPeriodTwice") });
    else if (period > new Date()) results.push({ row, status: "rejected", period: periodLabel, message: t("errors.services.aims.csvPeriodNotStarted") });
    else {
      seen.add(period.toISOString());
      const { created } = await enterValue({ actor, measureId, period, value });
      results.push({ row, status: created ? "created" : "updated", period: period.toISOString().slice(0, 10) });
    }
  }
  await audit(actor, "aims.values_imported", "Measure", measureId, { rows: results.length, rejected: results.filter((r) => r.status === "rejected").length });
  return results;
}

export async function addAnnotation({ actor, measureId, period, kind, label }: { actor: Actor<"coalition">; measureId: string; period: Date; kind: string; label: string }) {
  await getMeasureInCoalition(measureId, actor.coalitionId);
  return db.$transaction(async (tx) => {
    const annotation = await tx.measureAnnotation.create({ data: { measureId, periodStart: period, kind, label, createdById: actor.userId } });
    await audit(actor, "aims.annotation_added", "MeasureAnnotation", annotation.id, { measureId, label }, tx);
    return annotation;
  });
}

export async function postWin({ actor, title, story }: { actor: Actor<"coalition">; title: string; story: string }) {
  return db.$transaction(async (tx) => {
    const win = await tx.win.create({ data: { coalitionId: actor.coalitionId, organizationId: actor.organizationId, authorId: actor.userId, title, story } });
    await audit(actor, "aims.win_posted", "Win", win.id, { title }, tx);
    return win;
  });
}
