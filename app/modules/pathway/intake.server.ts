/**
 * The intake queue (ADR 103): external referrals in the receiving organization's inbox. Staff
 * read one (an audited read of encrypted fields), match it to a client (the client module's
 * duplicate check) or register one, link the authorization recorded with the consent module, and
 * answer by the referral state machine. Another organization's actor gets a 404 throughout.
 */
import { AppError, forbidden } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { decryptField } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import { findPossibleDuplicates, registerClient } from "~/modules/client/service.server";
import { listAuthorizations, statusOf } from "~/modules/consent/service.server";
import { checkDetails, checkTransition, type ReferralStatus } from "~/modules/referral/state-machine";
import { emitToOrganization } from "~/realtime/emit.server";
import { oneWeekClock } from "./clock";
import type { RespondIntakeInput } from "./schemas";
import { externalContext } from "./submit.server";

const m = (key: string) => translatable(`pathways.errors.${key}`);
const intakeNotFound = () => new AppError({ message: m("intakeNotFound"), status: 404 });

function requireReceiver(actor: Actor) {
  if (!actor.permissions.has("referrals:receive")) throw forbidden(m("cannotReceive"));
}
function requireClientsWrite(actor: Actor) {
  if (!actor.permissions.has("clients:write")) throw forbidden(m("cannotMatch"));
}

export type IntakeRow = {
  id: string;
  reference: string;
  status: ReferralStatus;
  practiceName: string;
  serviceName: string;
  sdohCode: string;
  attested: boolean;
  matched: boolean;
  authorized: boolean;
  receivedAt: Date;
  clock: ReturnType<typeof oneWeekClock>;
};

/** The inbox's external referrals: newest first, no client detail (the list is not a read of PHI). */
export async function listIntake({ actor, at = new Date(), take = 50 }: { actor: Actor; at?: Date; take?: number }): Promise<{ rows: IntakeRow[]; overdue: number }> {
  if (!actor.permissions.has("referrals:receive")) return { rows: [], overdue: 0 };
  const rows = await db.externalReferral.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, reference: true, status: true, sdohCode: true, attestedAt: true, clientId: true, authorizationId: true, receivedAt: true, respondedAt: true, link: { select: { practiceName: true } }, pathwayId: true },
  });
  const services = await db.servicePathway.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.pathwayId))] } }, select: { id: true, serviceId: true } });
  const names = new Map(
    (await db.directoryService.findMany({ where: { id: { in: services.map((s) => s.serviceId) } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  const serviceOf = new Map(services.map((s) => [s.id, names.get(s.serviceId) ?? ""]));
  const overdue = await db.externalReferral.count({ where: { organizationId: actor.organizationId, respondedAt: null, receivedAt: { lt: new Date(at.getTime() - 7 * 86_400_000) } } });
  return {
    overdue,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status as ReferralStatus,
      practiceName: r.link.practiceName,
      serviceName: serviceOf.get(r.pathwayId) ?? "",
      sdohCode: r.sdohCode,
      attested: !!r.attestedAt,
      matched: !!r.clientId,
      authorized: !!r.authorizationId,
      receivedAt: r.receivedAt,
      clock: oneWeekClock(r, at),
    })),
  };
}

async function ownIntake(actor: Actor, id: string) {
  const row = await db.externalReferral.findFirst({ where: { id, organizationId: actor.organizationId }, include: { link: { select: { practiceName: true, practiceEmail: true } } } });
  if (!row) throw intakeNotFound();
  return row;
}

/** One external referral with the submitted details (decrypted: an audited read), its possible duplicates and, once matched, the client's authorizations. */
export async function getIntake({ actor, id, at = new Date() }: { actor: Actor; id: string; at?: Date }) {
  requireReceiver(actor);
  const row = await ownIntake(actor, id);
  const details = {
    clientName: decryptField(row.clientNameCipher, externalContext("clientName", id)),
    birthDate: decryptField(row.birthDateCipher, externalContext("birthDate", id)),
    contact: decryptField(row.contactCipher, externalContext("contact", id)),
    reason: decryptField(row.reasonCipher, externalContext("reason", id)),
  };
  await recordAuditEvent({ action: "pathway.external_referral_viewed", subjectType: "ExternalReferral", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request });
  const canMatch = actor.permissions.has("clients:write");
  const duplicates = canMatch && !row.clientId ? await findPossibleDuplicates({ organizationId: actor.organizationId, name: details.clientName, birthDate: details.birthDate }) : [];
  const authorizations = canMatch && row.clientId ? (await listAuthorizations({ actor, clientId: row.clientId })).filter((a) => a.status === "active") : [];
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as ReferralStatus,
    statusReason: row.statusReason,
    statusReasonText: row.statusReasonText,
    practiceName: row.link.practiceName,
    providerName: row.providerName,
    providerPhone: row.providerPhone,
    sdohCode: row.sdohCode,
    attestedAt: row.attestedAt,
    receivedAt: row.receivedAt,
    clientId: row.clientId,
    authorizationId: row.authorizationId,
    clock: oneWeekClock(row, at),
    details,
    duplicates: duplicates.map((d) => ({ id: d.id, name: d.name, birthDate: d.birthDate })),
    authorizations: authorizations.map((a) => ({ id: a.id, purpose: a.purpose, signedAt: a.signedAt, categories: a.categories })),
    canMatch,
  };
}

async function linkClient(actor: Actor, id: string, clientId: string, created: boolean) {
  await db.$transaction(async (tx) => {
    const row = await tx.externalReferral.findFirst({ where: { id, organizationId: actor.organizationId }, select: { clientId: true } });
    if (!row) throw intakeNotFound();
    if (row.clientId) throw new AppError({ message: m("alreadyMatched"), status: 409 });
    const client = await tx.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true } });
    if (!client) throw new AppError({ message: m("client"), status: 404, fieldErrors: { clientId: [m("client")] } });
    await tx.externalReferral.update({ where: { id }, data: { clientId, matchedById: actor.userId } });
    await recordAuditEvent({ action: "pathway.external_referral_matched", subjectType: "ExternalReferral", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { clientId, createdClient: created }, request: actor.request }, tx);
  });
}

/** Matches the submission to one of the organization's clients. */
export async function matchIntakeClient({ actor, id, clientId }: { actor: Actor; id: string; clientId: string }) {
  requireReceiver(actor);
  requireClientsWrite(actor);
  await linkClient(actor, id, clientId, false);
}

/**
 * Registers a client from the submission through the client module (its duplicate check first:
 * possible duplicates come back and nothing is written until staff confirm), then links it.
 */
export async function createIntakeClient({ actor, id, confirmNotDuplicate }: { actor: Actor; id: string; confirmNotDuplicate?: "yes" }) {
  requireReceiver(actor);
  requireClientsWrite(actor);
  const row = await ownIntake(actor, id);
  if (row.clientId) throw new AppError({ message: m("alreadyMatched"), status: 409 });
  const result = await registerClient({
    actor,
    input: {
      name: decryptField(row.clientNameCipher, externalContext("clientName", id)),
      birthDate: decryptField(row.birthDateCipher, externalContext("birthDate", id)),
      contact: decryptField(row.contactCipher, externalContext("contact", id)),
      preferredLanguage: row.language === "es" ? "es" : "en",
      confirmNotDuplicate,
    },
  });
  if (result.status === "registered") await linkClient(actor, id, result.clientId, true);
  return result;
}

/** Links the authorization the organization recorded for the matched client (active, for this client). */
export async function linkIntakeAuthorization({ actor, id, authorizationId, at = new Date() }: { actor: Actor; id: string; authorizationId: string; at?: Date }) {
  requireReceiver(actor);
  requireClientsWrite(actor);
  await db.$transaction(async (tx) => {
    const row = await tx.externalReferral.findFirst({ where: { id, organizationId: actor.organizationId }, select: { clientId: true } });
    if (!row) throw intakeNotFound();
    if (!row.clientId) throw new AppError({ message: m("matchFirst"), status: 409 });
    const authorization = await tx.consentAuthorization.findFirst({ where: { id: authorizationId, clientId: row.clientId, organizationId: actor.organizationId }, select: { id: true, revokedAt: true, expiresAt: true, effectiveAt: true } });
    if (!authorization || statusOf(authorization, at) !== "active") throw new AppError({ message: m("authorization"), status: 400, fieldErrors: { authorizationId: [m("authorization")] } });
    await tx.externalReferral.update({ where: { id }, data: { authorizationId } });
    await recordAuditEvent({ action: "pathway.external_referral_authorized", subjectType: "ExternalReferral", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { authorizationId }, request: actor.request }, tx);
  });
}

/**
 * The receiver's answer, by the referral state machine (accepted, or not a good fit with a
 * reason). Accepting needs the client matched and the authorization linked first.
 */
export async function respondToIntake({ actor, id, input, at = new Date() }: { actor: Actor; id: string; input: Omit<RespondIntakeInput, "intent">; at?: Date }) {
  requireReceiver(actor);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.externalReferral.findFirst({ where: { id, organizationId: actor.organizationId }, select: { status: true, clientId: true, authorizationId: true } });
    if (!row) throw intakeNotFound();
    const move = checkTransition(row.status as ReferralStatus, input.status, "receiver");
    if (!move.ok) throw new AppError({ message: move.message, status: 409 });
    const fieldErrors = checkDetails(input.status, { reason: input.reason ?? null, reasonText: input.reasonText ?? null });
    if (Object.keys(fieldErrors).length) throw new AppError({ message: Object.values(fieldErrors)[0], status: 400, fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, [v]])) });
    if (input.status === "ACCEPTED" && (!row.clientId || !row.authorizationId)) throw new AppError({ message: m("authorizeFirst"), status: 409 });
    const result = await tx.externalReferral.update({
      where: { id },
      data: { status: input.status, statusReason: input.reason ?? null, statusReasonText: input.reasonText ?? null, respondedAt: at },
      select: { id: true, status: true },
    });
    // The reason's words may describe the client: the audit keeps the code only.
    await recordAuditEvent({ action: "pathway.external_referral_answered", subjectType: "ExternalReferral", subjectId: id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { from: row.status, to: input.status, reason: input.reason ?? null }, request: actor.request }, tx);
    return result;
  });
  emitToOrganization(actor.organizationId, "referral.changed", {
    referralId: id, kind: "status", status: updated.status, version: 1,
    senderOrganizationId: actor.organizationId, recipientOrganizationId: actor.organizationId, byOrganizationId: actor.organizationId, byOrganizationName: actor.organizationName,
  });
  return updated;
}
