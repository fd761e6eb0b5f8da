/**
 * The public referral form behind a practice's link (ADR 103): limited per link and per client
 * address (counted in the database, as sign-in attempts are: every process sees the same
 * count), bot-resistant without a third party (a honeypot field and the signed minimum fill
 * time), encrypted at rest like every client field, audited, and live in the receiving
 * organization's inbox after the commit. The answer never says anything about any client.
 */
import { AppError } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { currentKeyId, encryptField } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import type { RequestMeta } from "~/utils/request.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { addressKey } from "~/modules/auth/sign-in-limits.server";
import { emitToOrganization } from "~/realtime/emit.server";
import type { ExternalReferralInput } from "./schemas";
import { findOpenLink } from "./service.server";
import { checkFormToken } from "./tokens.server";

const m = (key: string) => translatable(`pathways.errors.${key}`);

export const SUBMIT_WINDOW_MS = 3_600_000;
/** Per hour: a busy practice sends a handful a day; a script sends hundreds. */
export const SUBMIT_LIMITS = { perLink: 30, perAddress: 10 };

export type ExternalField = "clientName" | "birthDate" | "contact" | "reason";
export const externalContext = (field: ExternalField, id: string) => `ExternalReferral.${field}:${id}`;

/** A reference the practice and the program can quote: no client detail, not guessable from another. */
function newReference() {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `PW-${[...bytes].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** The same refusal for an unknown, revoked or expired link (the page words it identically). */
export const linkUnavailable = () => new AppError({ message: m("linkUnavailable"), status: 404 });

async function assertWithinLimits(linkId: string, request: RequestMeta, at: Date, limits: typeof SUBMIT_LIMITS) {
  const address = addressKey(request.ipAddress);
  await db.pathwaySubmitAttempt.create({ data: { linkId, addressKey: address, createdAt: at } });
  const since = new Date(at.getTime() - SUBMIT_WINDOW_MS);
  const [forLink, forAddress] = await Promise.all([
    db.pathwaySubmitAttempt.count({ where: { linkId, createdAt: { gt: since, lte: at } } }),
    address ? db.pathwaySubmitAttempt.count({ where: { addressKey: address, createdAt: { gt: since, lte: at } } }) : Promise.resolve(0),
  ]);
  if (forLink > limits.perLink || forAddress > limits.perAddress) {
    throw new AppError({ message: m("tooMany"), status: 429, headers: { "Retry-After": String(SUBMIT_WINDOW_MS / 1000) } });
  }
  // Old attempts are pruned on the way (a day is plenty for the hour's window).
  await db.pathwaySubmitAttempt.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - 24 * SUBMIT_WINDOW_MS) } } });
}

export type SubmitResult = { reference: string | null; responseDays: number };

export async function submitExternalReferral({ token, input, request, language, at = new Date(), limits = SUBMIT_LIMITS }: { token: string; input: Omit<ExternalReferralInput, "intent">; request: RequestMeta; language: string; at?: Date; limits?: typeof SUBMIT_LIMITS }): Promise<SubmitResult> {
  const link = await findOpenLink(token, at);
  if (!link) throw linkUnavailable();
  await assertWithinLimits(link.id, request, at, limits);
  // A filled honeypot is a bot: it is told "thank you" and nothing is stored.
  if (input.website && input.website.trim()) return { reference: null, responseDays: link.pathway.responseDays };
  const check = checkFormToken(input.formToken, link.id, at);
  if (check !== "ok") throw new AppError({ message: m(check === "too-fast" ? "tooFast" : "formExpired"), status: 400 });

  const id = crypto.randomUUID();
  const reference = newReference();
  await db.$transaction(async (tx) => {
    await tx.externalReferral.create({
      data: {
        id,
        organizationId: link.organizationId,
        pathwayId: link.pathway.id,
        linkId: link.id,
        reference,
        clientNameCipher: encryptField(input.clientName, externalContext("clientName", id)),
        birthDateCipher: encryptField(input.birthDate, externalContext("birthDate", id)),
        contactCipher: encryptField(input.contact, externalContext("contact", id)),
        reasonCipher: encryptField(input.reason, externalContext("reason", id)),
        sdohCode: input.sdohCode,
        providerName: input.providerName,
        providerPhone: input.providerPhone,
        attestedAt: at,
        language: language === "es" ? "es" : "en",
        keyId: currentKeyId(),
        receivedAt: at,
      },
    });
    // No client detail in the audit trail: the link, the reference and the need only.
    await recordAuditEvent({ action: "pathway.external_referral_received", subjectType: "ExternalReferral", subjectId: id, organizationId: link.organizationId, metadata: { linkId: link.id, reference, sdohCode: input.sdohCode, attested: true }, request }, tx);
  });
  emitToOrganization(link.organizationId, "referral.changed", {
    referralId: id,
    kind: "external",
    status: "REQUESTED",
    version: 1,
    senderOrganizationId: link.organizationId,
    recipientOrganizationId: link.organizationId,
    byOrganizationId: null,
    byOrganizationName: link.practiceName,
  });
  return { reference, responseDays: link.pathway.responseDays };
}
