/**
 * The 30-day stepwise assessment (issue #15, ADR 100). The care manager saves one section at a time
 * (strengths; needs in each Healthy People 2030 domain with Gravity codes; what matters to the
 * person), each with the day it was completed, for the current enrollment: a re-enrollment starts a
 * fresh assessment and the old one stays. Saving a section again adds a row (the latest counts), so
 * nothing is overwritten. Words are ciphertext bound to their row; audit events carry the section,
 * the day and how many codes, never the words or the codes.
 */
import { AppError, notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { audit, changeOwnClient, currentDecision } from "./service.server";
import { ASSESSMENT_SECTIONS, type AssessmentSection, type SaveAssessmentSectionInput } from "./assessment-schemas";
import { ASSESSMENT_DAYS, ASSESSMENT_SECTION_COUNT, assessmentState, type AssessmentStatus } from "./assessment-deadline";
import { recordContext } from "./record-encryption.server";
import { dayOf, isoDay, todayUtc } from "./dates";

const e = (key: string, values?: Record<string, string | number>) => translatable(`careAssessment.errors.${key}`, values);
const fieldError = (field: string, key: string, values?: Record<string, string | number>) =>
  new AppError({ message: e(key, values), status: 400, fieldErrors: { [field]: [e(key, values)] } });

/** Saves one section of the current enrollment's assessment, completed on a day from enrollment to today. */
export async function saveAssessmentSection({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<SaveAssessmentSectionInput, "intent">; today?: Date }) {
  const completedOn = dayOf(input.completedOn);
  if (completedOn > today) throw fieldError("completedOn", "inFuture");
  return changeOwnClient(actor, clientId, async (tx) => {
    const current = await currentDecision(tx, actor, clientId);
    if (current?.status !== "ENROLLED" || !current.enrolledOn) throw new AppError({ message: translatable("care.errors.notEnrolled"), status: 409 });
    if (completedOn < current.enrolledOn) throw fieldError("completedOn", "beforeEnrollment", { date: isoDay(current.enrolledOn) });
    const id = crypto.randomUUID();
    const revision = await tx.careAssessmentEntry.count({ where: { enrollmentId: current.id, section: input.section } });
    await tx.careAssessmentEntry.create({
      data: {
        id, clientId, organizationId: actor.organizationId, enrollmentId: current.id, section: input.section, sdohCodes: input.sdohCodes,
        textCipher: input.text ? encryptField(input.text, recordContext("CareAssessmentEntry.text", id)) : null,
        completedOn, keyId: currentKeyId(), recordedById: actor.userId,
      },
    });
    await audit(tx, actor, "care.assessment_section_saved", clientId, { entryId: id, enrollmentId: current.id, section: input.section, completedOn: input.completedOn, codeCount: input.sdohCodes.length, revised: revision > 0 });
    return { entryId: id };
  });
}

export type AssessmentSectionView = { section: AssessmentSection; sdohCodes: string[]; text: string | null; completedOn: string; recordedByName: string; revisions: number };
export type AssessmentView = {
  enrolledOn: string;
  dueOn: string;
  status: AssessmentStatus;
  daysLeft: number;
  sectionsDone: number;
  sectionsTotal: number;
  sections: Partial<Record<AssessmentSection, AssessmentSectionView>>;
};

/**
 * The current enrollment's assessment, for the client's own organization (null when the client is
 * not enrolled; another organization's client is a 404). Reading the words is audited.
 */
export async function getAssessment({ actor, clientId, today = todayUtc() }: { actor: Actor; clientId: string; today?: Date }): Promise<AssessmentView | null> {
  const client = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true } });
  if (!client) throw notFound(translatable("care.errors.clientNotFound"));
  const current = await db.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true, status: "ENROLLED" }, select: { id: true, enrolledOn: true } });
  if (!current?.enrolledOn) return null;
  const rows = await db.careAssessmentEntry.findMany({ where: { enrollmentId: current.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const latest = new Map<AssessmentSection, (typeof rows)[number]>();
  const revisions = new Map<AssessmentSection, number>();
  for (const r of rows) {
    if (!latest.has(r.section)) latest.set(r.section, r);
    revisions.set(r.section, (revisions.get(r.section) ?? 0) + 1);
  }
  const ids = [...new Set([...latest.values()].map((r) => r.recordedById))];
  const people = new Map((ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  const state = assessmentState({ enrolledOn: current.enrolledOn, sectionsDone: latest.size, today });
  if (rows.length) await recordAuditEvent({ action: "care.assessment_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { enrollmentId: current.id, sections: latest.size }, request: actor.request });
  const sections: AssessmentView["sections"] = {};
  for (const section of ASSESSMENT_SECTIONS) {
    const r = latest.get(section);
    if (!r) continue;
    sections[section] = {
      section,
      sdohCodes: r.sdohCodes,
      text: r.textCipher ? decryptField(r.textCipher, recordContext("CareAssessmentEntry.text", r.id)) : null,
      completedOn: isoDay(r.completedOn),
      recordedByName: people.get(r.recordedById) ?? "",
      revisions: revisions.get(section) ?? 1,
    };
  }
  return { enrolledOn: isoDay(current.enrolledOn), dueOn: isoDay(state.dueOn), status: state.status, daysLeft: state.daysLeft, sectionsDone: state.sectionsDone, sectionsTotal: ASSESSMENT_SECTION_COUNT, sections };
}

/**
 * The deadline in SQL over the huddle list's current enrollment `e`: how many sections are done, and
 * whether the assessment is overdue (incomplete after the 30th day) — the rule of
 * assessment-deadline.ts, said once more.
 */
export const assessmentDoneSql = Prisma.sql`(SELECT count(DISTINCT a."section") FROM "CareAssessmentEntry" a WHERE a."enrollmentId" = e.id)`;
export const assessmentOverdueSql = (today: Date) =>
  Prisma.sql`(${assessmentDoneSql} < ${ASSESSMENT_SECTION_COUNT}::int AND e."enrolledOn" + ${ASSESSMENT_DAYS}::int < ${today}::date)`;
