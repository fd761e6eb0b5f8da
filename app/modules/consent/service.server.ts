/**
 * Authorizations to disclose (45 CFR 164.508(c)): recording one with the client, revoking it, and
 * the client-side views of them (the client's copy, who can see what today, the accounting of
 * disclosures). Only the client's own organization records, revokes and reads these; the signature
 * is encrypted like the client's identifiers.
 */
import { AppError, recordNotFound } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";
import { db } from "~/utils/db.server";
import { currentKeyId, decryptField, encryptField } from "~/utils/field-encryption.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import consentEn from "~/i18n/locales/consent.en";
import consentEs from "~/i18n/locales/consent.es";
import { decryptClient } from "~/modules/client/service.server";
import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentLanguage } from "./categories";
import { partnersOf } from "~/modules/coalition/membership.server";
import { decideAccess, type RefusalReason } from "./decision.server";
import { RecordAuthorizationSchema, type RecordAuthorizationInput, type RevokeAuthorizationInput } from "./schemas";
import type { Actor } from "~/modules/auth/actor";


export type SignedStatements = { language: ConsentLanguage; rightToRevoke: string; noConditioning: string; redisclosure: string; part2Prohibition?: string; part2LegalProceedings?: string };

export type Signature = { signerName: string; representativeAuthority: string | null; typed: string | null; image: string | null };

const signatureContext = (id: string) => `ConsentAuthorization.signature:${id}`;

/** The statements exactly as read to the client, in the form's language, kept with the record. */
export function statementsFor({ language, organization, part2 }: { language: ConsentLanguage; organization: string; part2: boolean }): SignedStatements {
  const s = (language === "es" ? consentEs : consentEn).statements;
  const fill = (text: string) => text.replaceAll("{{organization}}", organization);
  return {
    language,
    rightToRevoke: fill(s.rightToRevoke),
    noConditioning: fill(s.noConditioning),
    redisclosure: fill(s.redisclosure),
    ...(part2 ? { part2Prohibition: fill(s.part2Prohibition), part2LegalProceedings: fill(s.part2LegalProceedings) } : {}),
  };
}

const startOfDayUtc = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
const dayAfterUtc = (isoDate: string) => new Date(startOfDayUtc(isoDate).getTime() + 86_400_000);

async function ownClientOrThrow(actor: Actor, clientId: string) {
  const client = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
  if (!client) {
    await recordAuditEvent({ action: "client.read_refused", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { reason: "not-this-organization-or-unknown" }, request: actor.request });
    throw recordNotFound("client");
  }
  return client;
}

/** Organizations that may be named as recipients: the other active members of the organization's coalitions. */
export function listRecipientOptions(organizationId: string) {
  return partnersOf(organizationId);
}

/**
 * Records a signed authorization. The input is checked again here (the same schema as the form,
 * so a caller that skips the form gets the same answers), and the recipients must be partner
 * organizations. Nothing is written unless everything holds.
 */
export async function recordAuthorization({ actor, clientId, input }: { actor: Actor; clientId: string; input: RecordAuthorizationInput }) {
  const parsed = RecordAuthorizationSchema.safeParse(input);
  if (!parsed.success) {
    const flat = parsed.error.flatten();
    throw new AppError({ message: flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0] ?? translatable("errors.services.consent.invalid"), status: 400, fieldErrors: flat.fieldErrors as Record<string, string[]> });
  }
  const v = parsed.data;
  const client = await ownClientOrThrow(actor, clientId);
  const earlier = await recordedBefore(actor.organizationId, client.id, v.idempotencyKey);
  if (earlier) return earlier;
  const allowed = new Set((await listRecipientOptions(actor.organizationId)).map((o) => o.id));
  const recipientIds = [...new Set(v.recipientIds)];
  if (recipientIds.some((id) => !allowed.has(id))) {
    throw new AppError({ message: translatable("errors.services.consent.partnerRecipientsOnly"), status: 400, fieldErrors: { recipientIds: [translatable("errors.services.consent.partnerRecipientsOnly")] } });
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
  const id = crypto.randomUUID();
  const signature: Signature = {
    signerName: v.signerName,
    representativeAuthority: v.signerKind === "REPRESENTATIVE" ? v.representativeAuthority ?? null : null,
    typed: v.signatureMethod === "TYPED" ? v.signatureTyped ?? null : null,
    image: v.signatureMethod === "DRAWN" ? v.signatureImage ?? null : null,
  };
  const categories = CONSENT_CATEGORIES.filter((c) => v.categories.includes(c));
  const record = db.$transaction(async (tx) => {
    await tx.consentAuthorization.create({
      data: {
        id,
        idempotencyKey: v.idempotencyKey ?? null,
        clientId: client.id,
        organizationId: actor.organizationId,
        form: v.form,
        categories,
        purpose: v.purpose,
        language: v.language,
        effectiveAt: startOfDayUtc(v.effectiveDate),
        expiresAt: v.expiresOn ? dayAfterUtc(v.expiresOn) : null,
        expirationEvent: v.expirationEvent ?? null,
        statements: statementsFor({ language: v.language, organization: organization.name, part2: v.form === "PART2" }),
        signerKind: v.signerKind,
        signatureMethod: v.signatureMethod,
        signatureCipher: encryptField(JSON.stringify(signature), signatureContext(id)),
        keyId: currentKeyId(),
        signedAt: new Date(),
        recordedById: actor.userId,
        recipients: { create: recipientIds.map((organizationId) => ({ organizationId })) },
      },
    });
    await recordAuditEvent({ action: "consent.authorization_recorded", subjectType: "Client", subjectId: client.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { authorizationId: id, form: v.form, categories, recipientIds }, request: actor.request }, tx);
  });
  try {
    await record;
  } catch (error) {
    // The same submission, retried while the first was being recorded (pressed twice, or on another node).
    const raced = (error as { code?: string }).code === "P2002" ? await recordedBefore(actor.organizationId, client.id, v.idempotencyKey) : null;
    if (raced) return raced;
    throw error;
  }
  return { authorizationId: id };
}

/** The authorization a submission with this key recorded already (for this client), if any. */
async function recordedBefore(organizationId: string, clientId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  const row = await db.consentAuthorization.findUnique({ where: { organizationId_idempotencyKey: { organizationId, idempotencyKey } }, select: { id: true, clientId: true } });
  if (!row) return null;
  if (row.clientId !== clientId) throw new AppError({ message: translatable("errors.reloadAndRetry"), status: 409 });
  return { authorizationId: row.id };
}

export async function revokeAuthorization({ actor, clientId, input }: { actor: Actor; clientId: string; input: Omit<RevokeAuthorizationInput, "intent"> }) {
  await ownClientOrThrow(actor, clientId);
  return db.$transaction(async (tx) => {
    // Lock the row: two revocations at once cannot both succeed.
    const rows = await tx.$queryRaw<{ revokedAt: Date | null; signedAt: Date }[]>`SELECT "revokedAt", "signedAt" FROM "ConsentAuthorization" WHERE id = ${input.authorizationId}::uuid AND "clientId" = ${clientId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw recordNotFound("authorization");
    if (rows[0].revokedAt) throw new AppError({ message: translatable("errors.services.consent.alreadyRevoked", { date: rows[0].revokedAt.toISOString().slice(0, 10) }), status: 409 });
    const receivedOn = input.receivedOn ?? new Date().toISOString().slice(0, 10);
    if (receivedOn > new Date().toISOString().slice(0, 10)) {
      throw new AppError({ message: translatable("errors.services.consent.revocationInFuture"), status: 400, fieldErrors: { receivedOn: [translatable("errors.services.consent.revocationInFuture")] } });
    }
    if (receivedOn < rows[0].signedAt.toISOString().slice(0, 10)) {
      throw new AppError({ message: translatable("errors.services.consent.revocationBeforeSigned"), status: 400, fieldErrors: { receivedOn: [translatable("errors.services.consent.revocationBeforeSigned")] } });
    }
    const revokedAt = new Date();
    await tx.consentAuthorization.update({
      where: { id: input.authorizationId },
      data: { revokedAt, revocationReceivedVia: input.receivedVia, revocationReceivedOn: new Date(`${receivedOn}T00:00:00Z`), revokedById: actor.userId },
    });
    await recordAuditEvent({ action: "consent.authorization_revoked", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { authorizationId: input.authorizationId, receivedVia: input.receivedVia, receivedOn }, request: actor.request }, tx);
    return { revokedAt };
  });
}

export type AuthorizationStatus = "active" | "revoked" | "expired" | "pending";

export function statusOf(a: { revokedAt: Date | null; expiresAt: Date | null; effectiveAt: Date }, at = new Date()): AuthorizationStatus {
  if (a.revokedAt && a.revokedAt <= at) return "revoked";
  if (a.expiresAt && a.expiresAt <= at) return "expired";
  if (a.effectiveAt > at) return "pending";
  return "active";
}

/** The authorizations of one of the organization's clients, newest first (no signatures). */
export async function listAuthorizations({ actor, clientId }: { actor: Actor; clientId: string }) {
  await ownClientOrThrow(actor, clientId);
  const rows = await db.consentAuthorization.findMany({
    where: { clientId },
    include: { recipients: { include: { organization: { select: { id: true, name: true } } } } },
    orderBy: { signedAt: "desc" },
  });
  return rows.map((a) => ({
    id: a.id,
    form: a.form,
    categories: a.categories as ConsentCategory[],
    purpose: a.purpose,
    language: a.language,
    effectiveAt: a.effectiveAt,
    expiresAt: a.expiresAt,
    expirationEvent: a.expirationEvent,
    signedAt: a.signedAt,
    revokedAt: a.revokedAt,
    revocationReceivedVia: a.revocationReceivedVia,
    revocationReceivedOn: a.revocationReceivedOn,
    status: statusOf(a),
    recipients: a.recipients.map((r) => r.organization).sort((x, y) => x.name.localeCompare(y.name)),
  }));
}

/** The client's copy: everything they agreed to, with the signature (an audited read). */
export async function getAuthorizationCopy({ actor, clientId, authorizationId }: { actor: Actor; clientId: string; authorizationId: string }) {
  const clientRow = await ownClientOrThrow(actor, clientId);
  const a = await db.consentAuthorization.findFirst({
    where: { id: authorizationId, clientId, organizationId: actor.organizationId },
    include: { recipients: { include: { organization: { select: { name: true } } } }, organization: { select: { name: true } } },
  });
  if (!a) throw recordNotFound("authorization");
  const client = decryptClient(clientRow);
  const signature = JSON.parse(decryptField(a.signatureCipher, signatureContext(a.id))) as Signature;
  await recordAuditEvent({ action: "consent.copy_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { authorizationId }, request: actor.request });
  return {
    id: a.id,
    client: { name: client.name, birthDate: client.birthDate },
    discloser: a.organization.name,
    form: a.form,
    categories: a.categories as ConsentCategory[],
    recipients: a.recipients.map((r) => r.organization.name).sort(),
    purpose: a.purpose,
    language: a.language as ConsentLanguage,
    effectiveAt: a.effectiveAt,
    expiresAt: a.expiresAt,
    expirationEvent: a.expirationEvent,
    statements: a.statements as SignedStatements,
    signerKind: a.signerKind,
    signatureMethod: a.signatureMethod,
    signature,
    signedAt: a.signedAt,
    revokedAt: a.revokedAt,
  };
}

/**
 * Which organizations can see what about this client now, and under which authorization: the
 * consent decision run for every organization any of its authorizations names.
 */
export async function whoCanSeeToday({ actor, clientId, at = new Date() }: { actor: Actor; clientId: string; at?: Date }) {
  await ownClientOrThrow(actor, clientId);
  const named = await db.authorizationRecipient.findMany({
    where: { authorization: { clientId } },
    select: { organization: { select: { id: true, name: true } } },
    distinct: ["organizationId"],
  });
  const result = [];
  for (const { organization } of named) {
    const decision = await decideAccess({ clientId, organizationId: organization.id, categories: "all", at });
    result.push({
      organization,
      grants: decision.grants.map((g) => ({ category: g.category, authorizationId: g.authorizationId! })),
      refusals: decision.refusals.filter((r) => r.reason !== "no-authorization") as { category: ConsentCategory; reason: RefusalReason }[],
    });
  }
  return result.sort((x, y) => y.grants.length - x.grants.length || x.organization.name.localeCompare(y.organization.name));
}

/** The accounting of disclosures for one client, newest first. */
export async function listDisclosures({ actor, clientId }: { actor: Actor; clientId: string }) {
  const clientRow = await ownClientOrThrow(actor, clientId);
  const rows = await db.disclosure.findMany({ where: { clientId }, include: { recipient: { select: { name: true } } }, orderBy: { disclosedAt: "desc" }, take: 1000 });
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.actorUserId).filter((v): v is string => !!v) } }, select: { id: true, name: true } });
  const userName = new Map(users.map((u) => [u.id, u.name]));
  await recordAuditEvent({ action: "consent.accounting_viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { count: rows.length }, request: actor.request });
  return {
    clientName: decryptClient(clientRow).name,
    disclosures: rows.map((r) => ({
      id: r.id,
      disclosedAt: r.disclosedAt,
      recipient: r.recipient.name,
      categories: r.categories as ConsentCategory[],
      authorizationIds: r.authorizationIds,
      channel: r.channel,
      by: r.actorUserId ? userName.get(r.actorUserId) ?? null : null,
      viaApiKey: !!r.apiKeyId,
    })),
  };
}

/**
 * Clients of other organizations that are shared with this one today: no identifiers (opening one
 * is the disclosure, through the consent decision), only who shares it, what and since when.
 */
export async function listSharedWithOrganization({ actor }: { actor: Actor }) {
  const named = await db.consentAuthorization.findMany({
    where: { recipients: { some: { organizationId: actor.organizationId } }, revokedAt: null, client: { deletedAt: null }, organizationId: { not: actor.organizationId } },
    select: { clientId: true, organization: { select: { name: true } } },
    distinct: ["clientId"],
    take: 500,
  });
  const shared = [];
  for (const n of named) {
    const decision = await decideAccess({ clientId: n.clientId, organizationId: actor.organizationId, categories: "all" });
    if (decision.grantedCategories.length) shared.push({ clientId: n.clientId, sharedBy: n.organization.name, categories: decision.grantedCategories });
  }
  if (shared.length) {
    await recordAuditEvent({ action: "consent.shared_list_viewed", subjectType: "Client", actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { clientIds: shared.map((s) => s.clientId) }, request: actor.request });
  }
  return shared;
}

export type { RecordAuthorizationInput };
