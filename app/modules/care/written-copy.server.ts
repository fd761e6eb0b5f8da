/**
 * The client's written copy of their care plan (issue #15, ADR 098): what the care manager prints
 * and hands to the client — in the client's preferred language (English or Spanish; any other
 * language gets English and the page says so), their care manager's name and how to reach them,
 * their goals in their own priority order, and the next steps still to do, with who and when.
 * For the client's own organization only; reading it writes an audit event, as other plan reads do.
 */
import { notFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { isLocale, type Locale } from "~/i18n/config";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decryptClientName } from "~/modules/client/service.server";
import type { Actor } from "~/modules/auth/actor";
import { loadGoals, type PlanGoal } from "./queries.server";
import { isoDay } from "./dates";
import type { EnrollmentStatus } from "./schemas";

export type WrittenCopy = {
  language: Locale;
  /** The client's preferred language is one the copy is not written in (it is in English). */
  languageFallback: boolean;
  client: { id: string; name: string };
  organization: { name: string; phone: string | null; email: string | null };
  careManager: { name: string; email: string } | null;
  enrollmentStatus: EnrollmentStatus | null;
  lastReviewedOn: string | null;
  /** Active goals, the client's first priority first, each with its next steps not yet done. */
  goals: PlanGoal[];
  /** Goals reached (the client keeps the list of what they did). */
  achieved: { id: string; text: string; on: string | null }[];
};

/** `format`: the printable page or the PDF download — the same read, audited the same way, the format recorded. */
export async function getWrittenCopy({ actor, clientId, format = "page" }: { actor: Actor; clientId: string; format?: "page" | "pdf" }): Promise<WrittenCopy> {
  const client = await db.client.findFirst({
    where: { id: clientId, organizationId: actor.organizationId, deletedAt: null },
    select: { id: true, nameCipher: true, preferredLanguage: true, primaryCareManagerId: true, carePlan: { select: { id: true, lastReviewedOn: true } } },
  });
  if (!client) {
    await recordAuditEvent({ action: "care.written_copy_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "not-this-organization-or-unknown", format }, request: actor.request });
    throw notFound(translatable("care.errors.clientNotFound"));
  }
  const [organization, manager, current, goals] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true, phone: true, email: true } }),
    client.primaryCareManagerId ? db.user.findUnique({ where: { id: client.primaryCareManagerId }, select: { name: true, email: true } }) : null,
    db.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true }, select: { status: true } }),
    client.carePlan ? loadGoals(client.carePlan.id) : Promise.resolve([] as PlanGoal[]),
  ]);
  await recordAuditEvent({ action: "care.written_copy_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { planId: client.carePlan?.id ?? null, language: client.preferredLanguage, format }, request: actor.request });
  const language: Locale = isLocale(client.preferredLanguage) ? client.preferredLanguage : "en";
  return {
    language,
    languageFallback: language !== client.preferredLanguage,
    client: { id: client.id, name: decryptClientName(client.id, client.nameCipher) },
    organization,
    careManager: manager,
    enrollmentStatus: current?.status ?? null,
    lastReviewedOn: client.carePlan?.lastReviewedOn ? isoDay(client.carePlan.lastReviewedOn) : null,
    // The copy is for the client: their goals and the steps still to do, not the team's notes.
    goals: goals.filter((g) => g.status === "ACTIVE").map((g) => ({ ...g, statusNote: null, steps: g.steps.filter((s) => !s.doneAt) })),
    achieved: goals.filter((g) => g.status === "ACHIEVED").map((g) => ({ id: g.id, text: g.text, on: g.statusChangedOn })),
  };
}
