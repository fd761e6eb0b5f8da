/**
 * Graduation back to primary care (issue #15, ADR 098). The care manager records readiness with
 * the client (goals met, managing on their own, a stable level of need); once every criterion is
 * met the client can graduate: the enrollment becomes GRADUATED and a closing summary in plain
 * words goes to the client's primary care practice — a referral (modules/referral) carrying the
 * summary as its note, under "Care plan and goals" — only while an authorization covering that
 * category names the practice (THE consent decision, recorded as a disclosure in the same
 * transaction). No practice on the hub: the summary is kept for printing. The plan, its goals and
 * every graduation stay, so a later re-enrollment resumes with the history readable.
 *
 * Text (readiness note, summary) is ciphertext bound to its column and row, re-encrypted by the key
 * rotation (`rotateGraduationFields`, graduation-encryption.server.ts); audit events carry ids and flags only.
 */
import { AppError, forbidden, notFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { translatable, type Translate } from "~/utils/translatable";
import { translatorForLocale } from "~/i18n/translators";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { authorizeDisclosure } from "~/modules/consent/decision.server";
import { refusalMessage, type Refusal } from "~/modules/consent/messages";
import { partnersOf } from "~/modules/coalition/membership.server";
import { sendReferral } from "~/modules/referral/service.server";
import { decryptClientName } from "~/modules/client/service.server";
import type { Actor } from "~/modules/auth/actor";
import { audit, changeOwnClient, currentDecision, recordDecision } from "./service.server";
import { isReady, type GraduateInput, type GraduationForm, type RecordReadinessInput } from "./graduation-schemas";
import { isoDay, todayUtc } from "./dates";
import { graduationContext } from "./graduation-encryption.server";

const decryptOptional = (cipher: string | null, context: string) => (cipher ? decryptField(cipher, context) : null);

/** Organization kinds that are a primary care practice (the graduation form's choices). */
const PRACTICE_KINDS = ["PRIMARY_CARE", "FQHC"] as const;

const e = (key: string, values?: Record<string, string | number>) => translatable(`careGraduation.errors.${key}`, values);
const conflict = (key: string) => new AppError({ message: e(key), status: 409 });

/** The primary care practices a summary can go to: partner organizations of a primary care kind. */
export async function practiceOptions({ actor }: { actor: Actor }) {
  const partners = await partnersOf(actor.organizationId);
  if (partners.length === 0) return [];
  return db.organization.findMany({
    where: { id: { in: partners.map((p) => p.id) }, kind: { in: [...PRACTICE_KINDS] }, deletedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Readiness, recorded with the client for the current enrollment (a new row each time; the latest counts). */
export async function recordReadiness({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<RecordReadinessInput, "intent">; today?: Date }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const current = await currentDecision(tx, actor, clientId);
    if (current?.status !== "ENROLLED") throw conflict("notEnrolled");
    const id = crypto.randomUUID();
    const criteria = { goalsMet: input.goalsMet, selfManagement: input.selfManagement, stableLevel: input.stableLevel };
    await tx.graduationReadiness.create({
      data: {
        id,
        clientId,
        organizationId: actor.organizationId,
        enrollmentId: current.id,
        ...criteria,
        noteCipher: input.note ? encryptField(input.note, graduationContext("GraduationReadiness.note", id)) : null,
        keyId: currentKeyId(),
        recordedOn: today,
        recordedById: actor.userId,
      },
    });
    await audit(tx, actor, "care.graduation_readiness_recorded", clientId, { readinessId: id, enrollmentId: current.id, ...criteria, ready: isReady(criteria) });
    return { readinessId: id, ready: isReady(criteria) };
  });
}

/** The closing summary as the practice reads it in the referral's note, in the sender's language. */
export function summaryNote(t: Translate, summary: { goalsAchieved: string; whatContinues: string; whoToCall: string }) {
  return [
    t("careGraduation.summary.heading"),
    `${t("careGraduation.summary.goalsAchieved")}\n${summary.goalsAchieved}`,
    `${t("careGraduation.summary.whatContinues")}\n${summary.whatContinues}`,
    `${t("careGraduation.summary.whoToCall")}\n${summary.whoToCall}`,
  ].join("\n\n");
}

export type GraduationOutcome = { graduationId: string; handoff: "sent" | "print-only" | "not-sent" };

/**
 * Graduates an enrolled client whose latest readiness meets every criterion. With a practice: the
 * consent decision for "Care plan and goals" runs in the graduation's transaction — refused, nothing
 * changes but the refusal's audit event, and the answer says why (409 naming the practice field);
 * allowed, the disclosure is recorded with the graduation, then the summary goes as a referral
 * (after the commit; idempotent on the graduation, so `resendGraduationSummary` can retry it).
 */
export async function graduateClient({ actor, clientId, input, locale = "en", today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<GraduateInput, "intent">; locale?: string; today?: Date }): Promise<GraduationOutcome> {
  const practiceId = input.practiceOrganizationId ?? null;
  if (practiceId) {
    if (!actor.permissions.has("referrals:send")) throw forbidden(e("cannotSend"));
    const options = await practiceOptions({ actor });
    if (!options.some((o) => o.id === practiceId)) throw new AppError({ message: e("practice"), status: 400, fieldErrors: { practiceOrganizationId: [e("practice")] } });
  }
  const outcome = await changeOwnClient<{ refused: Refusal[] } | { graduationId: string }>(actor, clientId, async (tx) => {
    const current = await currentDecision(tx, actor, clientId);
    if (current?.status !== "ENROLLED") throw conflict("notEnrolled");
    const readiness = await tx.graduationReadiness.findFirst({ where: { enrollmentId: current.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (!readiness || !isReady(readiness)) throw conflict("notReady");
    let authorizationIds: string[] = [];
    if (practiceId) {
      const decision = await authorizeDisclosure(
        { clientId, recipientOrganizationId: practiceId, categories: ["CARE_PLAN"], channel: "care.graduation_summary", purpose: "Graduation back to primary care", actor },
        tx,
      );
      // Refused: return (not throw) so the refusal's audit event commits; nothing else was written.
      if (!decision.grantedCategories.includes("CARE_PLAN")) return { refused: decision.refusals };
      authorizationIds = decision.authorizationIds;
    }
    const id = crypto.randomUUID();
    await tx.graduation.create({
      data: {
        id,
        clientId,
        organizationId: actor.organizationId,
        enrollmentId: current.id,
        graduatedOn: today,
        goalsAchievedCipher: encryptField(input.goalsAchieved, graduationContext("Graduation.goalsAchieved", id)),
        whatContinuesCipher: encryptField(input.whatContinues, graduationContext("Graduation.whatContinues", id)),
        whoToCallCipher: encryptField(input.whoToCall, graduationContext("Graduation.whoToCall", id)),
        practiceOrganizationId: practiceId,
        authorizationIds,
        keyId: currentKeyId(),
        graduatedById: actor.userId,
      },
    });
    const enrollmentId = await recordDecision(tx, actor, clientId, { program: current.program, status: "GRADUATED" });
    await tx.enrollment.update({ where: { id: enrollmentId }, data: { graduatedOn: today, enrolledOn: current.enrolledOn } });
    // The care manager's assignment ends with the enrollment (kept as history); re-enrollment opens a new one.
    await tx.careManagerAssignment.updateMany({ where: { clientId, endedAt: null }, data: { endedAt: new Date() } });
    await audit(tx, actor, "care.graduated", clientId, { graduationId: id, endedEnrollmentId: current.id, enrollmentId, practiceOrganizationId: practiceId, authorizationIds, readinessId: readiness.id });
    return { graduationId: id };
  });
  if ("refused" in outcome) {
    const name = (await db.organization.findUnique({ where: { id: practiceId! }, select: { name: true } }))?.name ?? "";
    throw new AppError({ message: e("consentRefused", { practice: name }), status: 409, fieldErrors: { practiceOrganizationId: outcome.refused.map(refusalMessage) } });
  }
  if (!practiceId) return { graduationId: outcome.graduationId, handoff: "print-only" };
  const sent = await sendSummary(actor, outcome.graduationId, translatorForLocale(locale));
  return { graduationId: outcome.graduationId, handoff: sent ? "sent" : "not-sent" };
}

/**
 * Sends a graduation's summary to its practice as a referral (idempotent: the graduation's id is the
 * referral's key, so a retry finds the first). False when the referral could not be sent (consent
 * withdrawn since, the practice left the coalition): the graduation stands, the page offers a retry.
 */
async function sendSummary(actor: Actor, graduationId: string, t: Translate): Promise<boolean> {
  const g = await db.graduation.findUnique({ where: { id: graduationId } });
  if (!g?.practiceOrganizationId) return false;
  if (g.referralId) return true;
  const summary = {
    goalsAchieved: decryptField(g.goalsAchievedCipher, graduationContext("Graduation.goalsAchieved", g.id)),
    whatContinues: decryptField(g.whatContinuesCipher, graduationContext("Graduation.whatContinues", g.id)),
    whoToCall: decryptField(g.whoToCallCipher, graduationContext("Graduation.whoToCall", g.id)),
  };
  try {
    const { referral } = await sendReferral({
      actor,
      input: { clientId: g.clientId, recipientOrganizationId: g.practiceOrganizationId, serviceId: undefined, assetId: undefined, sdohCodes: [], priority: "ROUTINE", note: summaryNote(t, summary), categories: ["CARE_PLAN"], idempotencyKey: g.id },
    });
    await db.graduation.update({ where: { id: g.id }, data: { referralId: referral.id } });
    return true;
  } catch (error) {
    if (error instanceof AppError) {
      await recordAuditEvent({ action: "care.graduation_summary_not_sent", subjectType: "Client", subjectId: g.clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { graduationId: g.id, status: error.status }, request: actor.request });
      return false;
    }
    throw error;
  }
}

/** Tries again to send a graduation's summary that did not reach its practice. */
export async function resendGraduationSummary({ actor, clientId, graduationId, locale = "en" }: { actor: Actor; clientId: string; graduationId: string; locale?: string }) {
  const g = await db.graduation.findFirst({ where: { id: graduationId, clientId, organizationId: actor.organizationId }, select: { id: true } });
  if (!g) throw notFound(translatable("care.errors.clientNotFound"));
  if (!actor.permissions.has("referrals:send")) throw forbidden(e("cannotSend"));
  if (!(await sendSummary(actor, g.id, translatorForLocale(locale)))) throw conflict("notSent");
  return { graduationId: g.id };
}

/** One graduation form of the plan page, applied by the function it names. */
export async function applyGraduationForm({ actor, clientId, input, locale }: { actor: Actor; clientId: string; input: GraduationForm; locale?: string }): Promise<{ done: GraduationForm["intent"]; handoff?: GraduationOutcome["handoff"] }> {
  switch (input.intent) {
    case "record-readiness":
      await recordReadiness({ actor, clientId, input });
      return { done: input.intent };
    case "graduate": {
      const outcome = await graduateClient({ actor, clientId, input, locale });
      return { done: input.intent, handoff: outcome.handoff };
    }
    case "resend-summary":
      await resendGraduationSummary({ actor, clientId, graduationId: input.graduationId, locale });
      return { done: input.intent, handoff: "sent" };
  }
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────────

export type ReadinessView = { id: string; goalsMet: boolean; selfManagement: boolean; stableLevel: boolean; ready: boolean; note: string | null; recordedOn: string };
export type GraduationRecord = {
  id: string;
  graduatedOn: string;
  goalsAchieved: string;
  whatContinues: string;
  whoToCall: string;
  practice: { id: string; name: string } | null;
  referralId: string | null;
};
export type GraduationView = { readiness: ReadinessView | null; graduations: GraduationRecord[] };

function readinessView(r: { id: string; goalsMet: boolean; selfManagement: boolean; stableLevel: boolean; noteCipher: string | null; recordedOn: Date }): ReadinessView {
  return { id: r.id, goalsMet: r.goalsMet, selfManagement: r.selfManagement, stableLevel: r.stableLevel, ready: isReady(r), note: decryptOptional(r.noteCipher, graduationContext("GraduationReadiness.note", r.id)), recordedOn: isoDay(r.recordedOn) };
}

async function graduationRecords(where: Prisma.GraduationWhereInput): Promise<GraduationRecord[]> {
  const rows = await db.graduation.findMany({ where, orderBy: [{ graduatedOn: "desc" }, { createdAt: "desc" }], take: 20 });
  const practiceIds = [...new Set(rows.map((r) => r.practiceOrganizationId).filter((v): v is string => !!v))];
  const practices = practiceIds.length ? await db.organization.findMany({ where: { id: { in: practiceIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(practices.map((p) => [p.id, p.name]));
  return rows.map((g) => ({
    id: g.id,
    graduatedOn: isoDay(g.graduatedOn),
    goalsAchieved: decryptField(g.goalsAchievedCipher, graduationContext("Graduation.goalsAchieved", g.id)),
    whatContinues: decryptField(g.whatContinuesCipher, graduationContext("Graduation.whatContinues", g.id)),
    whoToCall: decryptField(g.whoToCallCipher, graduationContext("Graduation.whoToCall", g.id)),
    practice: g.practiceOrganizationId ? { id: g.practiceOrganizationId, name: names.get(g.practiceOrganizationId) ?? "" } : null,
    referralId: g.referralId,
  }));
}

/**
 * The plan page's graduation card, for the client's own organization only (null for anyone else):
 * the latest readiness of the current enrollment and every graduation, newest first. The page's
 * read is audited by the plan read it comes with (`care.plan_viewed`).
 */
export async function getGraduationView({ actor, clientId }: { actor: Actor; clientId: string }): Promise<GraduationView | null> {
  const own = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true } });
  if (!own) return null;
  const current = await db.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true }, select: { id: true, status: true } });
  const latest = current?.status === "ENROLLED" ? await db.graduationReadiness.findFirst({ where: { enrollmentId: current.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }) : null;
  return { readiness: latest ? readinessView(latest) : null, graduations: await graduationRecords({ clientId, organizationId: actor.organizationId }) };
}

/** One graduation's closing summary, to print (own organization only; the read is audited). */
export async function getGraduationSummary({ actor, clientId, graduationId }: { actor: Actor; clientId: string; graduationId: string }) {
  const client = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true, nameCipher: true, preferredLanguage: true } });
  const [record] = client ? await graduationRecords({ id: graduationId, clientId, organizationId: actor.organizationId }) : [];
  if (!client || !record) {
    await recordAuditEvent({ action: "care.graduation_summary_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { graduationId }, request: actor.request });
    throw notFound(translatable("care.errors.clientNotFound"));
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true, phone: true } });
  await recordAuditEvent({ action: "care.graduation_summary_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { graduationId }, request: actor.request });
  return { client: { id: client.id, name: decryptClientName(client.id, client.nameCipher), preferredLanguage: client.preferredLanguage }, organization, graduation: record };
}

export type ReadyToGraduate = { clientId: string; enrollmentId: string; primaryCareManagerId: string | null; readyOn: string };

/**
 * The organization's enrolled clients whose latest readiness meets every criterion — for any view
 * that lists people who may be ready to graduate (the caseload, a director's supervision view).
 * Ids and dates only, no client text: the caller decrypts the names it shows and audits that read.
 */
export async function clientsReadyToGraduate(organizationId: string): Promise<ReadyToGraduate[]> {
  const rows = await db.$queryRaw<{ clientId: string; enrollmentId: string; primaryCareManagerId: string | null; readyOn: Date }[]>`
    SELECT latest."clientId", latest."enrollmentId", c."primaryCareManagerId", latest."recordedOn" AS "readyOn"
    FROM (
      SELECT DISTINCT ON (r."enrollmentId") r."clientId", r."enrollmentId", r."recordedOn", r."goalsMet", r."selfManagement", r."stableLevel"
      FROM "GraduationReadiness" r
      JOIN "Enrollment" e ON e."id" = r."enrollmentId" AND e."current" AND e."status" = 'ENROLLED' AND e."organizationId" = ${organizationId}::uuid
      WHERE r."organizationId" = ${organizationId}::uuid
      ORDER BY r."enrollmentId", r."createdAt" DESC, r."id" DESC
    ) latest
    JOIN "Client" c ON c."id" = latest."clientId" AND c."deletedAt" IS NULL AND c."organizationId" = ${organizationId}::uuid
    WHERE latest."goalsMet" AND latest."selfManagement" AND latest."stableLevel"
    ORDER BY latest."recordedOn" ASC, latest."clientId" ASC`;
  return rows.map((r) => ({ clientId: r.clientId, enrollmentId: r.enrollmentId, primaryCareManagerId: r.primaryCareManagerId, readyOn: isoDay(r.readyOn) }));
}
