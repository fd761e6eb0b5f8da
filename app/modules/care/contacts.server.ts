/**
 * Level of care and the contact log (issue #15, ADR 097). Writes follow the care module's one
 * pattern (changeOwnClient: the client's row locked, one transaction with its audit event, another
 * organization's client a 404); the contact note is ciphertext bound to its row, never in an
 * audit event or a log.
 */
import { AppError } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { notFound } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { changeOwnClient } from "./service.server";
import { careContext, decryptCareOptional, encryptCare } from "./encryption.server";
import { cadenceForOrganization } from "./cadence.server";
import { CONTACT_LIMITS, type CareContactForm, type CareLevel, type ContactCadence, type ContactKind, type RecordContactInput } from "./contact-schemas";
import { contactDueOn, isContactOverdue } from "./overdue";
import { dayOf, isoDay, todayUtc } from "./dates";

type Tx = Prisma.TransactionClient;

const e = (key: string, values?: Record<string, string | number>) => translatable(`careContacts.errors.${key}`, values);
const fieldError = (field: string, key: string, values?: Record<string, string | number>) =>
  new AppError({ message: e(key, values), status: 400, fieldErrors: { [field]: [e(key, values)] } });

function audit(tx: Tx, actor: Actor, action: string, clientId: string, metadata: Record<string, unknown>) {
  return recordAuditEvent({ action, subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata, request: actor.request }, tx);
}

/** The enrolled client's plan and enrollment day (the client already locked); not enrolled is a 409. */
async function enrolledPlan(tx: Tx, actor: Actor, clientId: string) {
  const [enrollment, plan] = await Promise.all([
    tx.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true }, select: { status: true, enrolledOn: true } }),
    tx.carePlan.findUnique({ where: { clientId }, select: { id: true, level: true } }),
  ]);
  if (enrollment?.status !== "ENROLLED" || !enrollment.enrolledOn || !plan) throw new AppError({ message: translatable("care.errors.notEnrolled"), status: 409 });
  return { plan, enrolledOn: enrollment.enrolledOn };
}

/** The care manager sets the client's level of care; the change (who, when, from → to) is kept. */
export async function setCareLevel({ actor, clientId, input }: { actor: Actor; clientId: string; input: { level: CareLevel } }) {
  return changeOwnClient(actor, clientId, async (tx) => {
    const { plan } = await enrolledPlan(tx, actor, clientId);
    if (plan.level === input.level) throw fieldError("level", "sameLevel");
    await tx.carePlan.update({ where: { id: plan.id }, data: { level: input.level } });
    const change = await tx.careLevelChange.create({ data: { planId: plan.id, organizationId: actor.organizationId, fromLevel: plan.level, toLevel: input.level, changedById: actor.userId }, select: { id: true } });
    await audit(tx, actor, "care.level_changed", clientId, { planId: plan.id, changeId: change.id, from: plan.level, to: input.level });
    return { changeId: change.id };
  });
}

/**
 * A contact with the client, on a day from the current enrollment's first day to today. The plan
 * keeps the latest contact's day (the overdue flag reads it without scanning the log).
 */
export async function recordContact({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<RecordContactInput, "intent">; today?: Date }) {
  const contactedOn = dayOf(input.contactedOn);
  if (contactedOn > today) throw fieldError("contactedOn", "contactInFuture");
  return changeOwnClient(actor, clientId, async (tx) => {
    const { plan, enrolledOn } = await enrolledPlan(tx, actor, clientId);
    if (contactedOn < enrolledOn) throw fieldError("contactedOn", "contactBeforeEnrollment", { date: isoDay(enrolledOn) });
    const id = crypto.randomUUID();
    await tx.careContact.create({
      data: { id, planId: plan.id, organizationId: actor.organizationId, kind: input.kind, contactedOn, noteCipher: input.note ? encryptCare(input.note, careContext("CareContact.note", id)) : null, keyId: currentKeyId(), recordedById: actor.userId },
    });
    // The latest contact wins, whatever order they are recorded in.
    await tx.carePlan.updateMany({ where: { id: plan.id, OR: [{ lastContactOn: null }, { lastContactOn: { lt: contactedOn } }] }, data: { lastContactOn: contactedOn } });
    await audit(tx, actor, "care.contact_recorded", clientId, { planId: plan.id, contactId: id, kind: input.kind, contactedOn: input.contactedOn });
    return { contactId: id };
  });
}

/** One form of this slice on the care plan page (CARE_CONTACT_FORMS), applied by the service function it names. */
export async function applyCareContactForm({ actor, clientId, input }: { actor: Actor; clientId: string; input: CareContactForm }): Promise<{ done: CareContactForm["intent"] }> {
  switch (input.intent) {
    case "set-level": await setCareLevel({ actor, clientId, input }); break;
    case "record-contact": await recordContact({ actor, clientId, input }); break;
  }
  return { done: input.intent };
}

export type ContactLogView = {
  level: CareLevel;
  cadence: ContactCadence;
  enrolledOn: string;
  lastContactOn: string | null;
  contactDueOn: string;
  overdue: boolean;
  levelChanges: { id: string; from: CareLevel; to: CareLevel; changedAt: string; changedByName: string }[];
  contacts: { id: string; kind: ContactKind; contactedOn: string; note: string | null; recordedByName: string }[];
};

/**
 * The level, its history and the contact log of a client of the actor's organization (null when
 * the client is not enrolled): the plan page's own view. Another organization's client is a 404.
 * Reading the notes is audited.
 */
export async function getContactLog({ actor, clientId, today = todayUtc() }: { actor: Actor; clientId: string; today?: Date }): Promise<ContactLogView | null> {
  const client = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true } });
  if (!client) throw notFound(translatable("care.errors.clientNotFound"));
  const [enrollment, plan] = await Promise.all([
    db.enrollment.findFirst({ where: { clientId, organizationId: actor.organizationId, current: true, status: "ENROLLED" }, select: { enrolledOn: true } }),
    db.carePlan.findUnique({
      where: { clientId },
      select: {
        id: true, level: true, lastContactOn: true,
        levelChanges: { orderBy: { changedAt: "desc" }, take: 20 },
        contacts: { orderBy: [{ contactedOn: "desc" }, { createdAt: "desc" }], take: CONTACT_LIMITS.listed },
      },
    }),
  ]);
  if (!enrollment?.enrolledOn || !plan) return null;
  const cadence = await cadenceForOrganization({ organizationId: actor.organizationId, coalitionId: actor.coalitionId });
  const userIds = [...new Set([...plan.levelChanges.map((c) => c.changedById), ...plan.contacts.map((c) => c.recordedById)])];
  const people = new Map((userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  const rule = { level: plan.level, cadence, enrolledOn: enrollment.enrolledOn, lastContactOn: plan.lastContactOn };
  await recordAuditEvent({ action: "care.contacts_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { planId: plan.id, count: plan.contacts.length }, request: actor.request });
  return {
    level: plan.level,
    cadence,
    enrolledOn: isoDay(enrollment.enrolledOn),
    lastContactOn: plan.lastContactOn ? isoDay(plan.lastContactOn) : null,
    contactDueOn: isoDay(contactDueOn(rule)),
    overdue: isContactOverdue({ ...rule, today }),
    levelChanges: plan.levelChanges.map((c) => ({ id: c.id, from: c.fromLevel, to: c.toLevel, changedAt: c.changedAt.toISOString(), changedByName: people.get(c.changedById) ?? "" })),
    contacts: plan.contacts.map((c) => ({ id: c.id, kind: c.kind, contactedOn: isoDay(c.contactedOn), note: decryptCareOptional(c.noteCipher, careContext("CareContact.note", c.id)), recordedByName: people.get(c.recordedById) ?? "" })),
  };
}
