/**
 * Referral pathways (issue #16, ADR 103): a director publishes a service's pathway and issues a
 * link per referring practice; the public page shows the pathway. Every change is one transaction
 * with its audit event. Public reads return nothing about any client.
 */
import { AppError, forbidden } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/actor";
import type { IssueLinkInput, PathwayInput } from "./schemas";
import { TOKEN_PATTERN } from "./schemas";
import { hashLinkToken, newLinkToken } from "./tokens.server";

const m = (key: string, values?: Record<string, string | number>) => translatable(`pathways.errors.${key}`, values);
export const pathwayNotFound = () => new AppError({ message: m("notFound"), status: 404 });

function requireDirector(actor: Actor) {
  if (!actor.permissions.has("directory:edit")) throw forbidden(m("directorOnly"));
}

async function ownService(actor: Actor, serviceId: string) {
  const service = await db.directoryService.findFirst({ where: { id: serviceId, organizationId: actor.organizationId, deletedAt: null }, select: { id: true, name: true, organizationId: true } });
  if (!service) throw pathwayNotFound();
  return service;
}

const slugify = (name: string) =>
  name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "pathway";

/** The HSDS fields the pathway fills (English: the export's language), so every directory consumer sees it. */
export function hsdsFieldsOf(p: Pick<PathwayInput, "forWhomEn" | "notForEn" | "whatToSendEn" | "responseDays" | "contactName" | "contactPhone" | "contactEmail">, publicUrl: string) {
  const contact = [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(", ");
  return {
    eligibilityDescription: `For: ${p.forWhomEn}\nNot for: ${p.notForEn}`,
    applicationProcess: `Referral by a provider through the program's referral pathway (${publicUrl}). Send: ${p.whatToSendEn} The program answers the referring provider within ${p.responseDays} days. Questions: ${contact}.`,
  };
}

/** Saves (and publishes or unpublishes) a service's pathway. Publishing writes the service's HSDS eligibility and application process. */
export async function savePathway({ actor, serviceId, input, origin = "", at = new Date() }: { actor: Actor; serviceId: string; input: Omit<PathwayInput, "intent">; origin?: string; at?: Date }) {
  requireDirector(actor);
  const service = await ownService(actor, serviceId);
  return db.$transaction(async (tx) => {
    const existing = await tx.servicePathway.findUnique({ where: { serviceId }, select: { id: true, slug: true, publishedAt: true } });
    const slug = existing?.slug ?? `${slugify(service.name)}-${crypto.randomUUID().slice(0, 6)}`;
    const { publish } = input;
    // Named one by one: the form's input may carry more (its intent), and only these are columns.
    const fields = { forWhomEn: input.forWhomEn, forWhomEs: input.forWhomEs, notForEn: input.notForEn, notForEs: input.notForEs, whatToSendEn: input.whatToSendEn, whatToSendEs: input.whatToSendEs, responseDays: input.responseDays, contactName: input.contactName, contactPhone: input.contactPhone, contactEmail: input.contactEmail };
    const data = {
      ...fields,
      contactPhone: fields.contactPhone ?? null,
      contactEmail: fields.contactEmail ?? null,
      publishedAt: publish ? (existing?.publishedAt ?? at) : null,
      updatedById: actor.userId,
    };
    const pathway = existing
      ? await tx.servicePathway.update({ where: { id: existing.id }, data })
      : await tx.servicePathway.create({ data: { ...data, serviceId, organizationId: actor.organizationId, slug } });
    if (publish) await tx.directoryService.update({ where: { id: serviceId }, data: hsdsFieldsOf(fields, `${origin}/pathways/${slug}`) });
    await recordAuditEvent(
      { action: publish ? "pathway.published" : "pathway.saved", subjectType: "ServicePathway", subjectId: pathway.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { serviceId, published: publish }, request: actor.request },
      tx,
    );
    return pathway;
  });
}

export type LinkStatus = "active" | "revoked" | "expired";
export const linkStatusOf = (l: { revokedAt: Date | null; expiresAt: Date }, at: Date): LinkStatus => (l.revokedAt ? "revoked" : l.expiresAt <= at ? "expired" : "active");

/** The director's page: the organization's services that take referrals, with their pathway's state. */
export async function listPathways({ actor }: { actor: Actor }) {
  requireDirector(actor);
  const [services, pathways] = await Promise.all([
    db.directoryService.findMany({ where: { organizationId: actor.organizationId, deletedAt: null }, select: { id: true, name: true, status: true }, orderBy: { name: "asc" } }),
    db.servicePathway.findMany({ where: { organizationId: actor.organizationId }, select: { serviceId: true, slug: true, publishedAt: true, _count: { select: { links: true } } } }),
  ]);
  const byService = new Map(pathways.map((p) => [p.serviceId, p]));
  return services.map((s) => {
    const p = byService.get(s.id);
    return { ...s, slug: p?.slug ?? null, publishedAt: p?.publishedAt ?? null, links: p?._count.links ?? 0 };
  });
}

/** One service's pathway and its practice links (newest first), for the director. */
export async function getPathwayForEditor({ actor, serviceId, at = new Date() }: { actor: Actor; serviceId: string; at?: Date }) {
  requireDirector(actor);
  const service = await ownService(actor, serviceId);
  const pathway = await db.servicePathway.findUnique({
    where: { serviceId },
    include: { links: { orderBy: { createdAt: "desc" }, select: { id: true, practiceName: true, practiceEmail: true, expiresAt: true, revokedAt: true, createdAt: true, _count: { select: { referrals: true } } } } },
  });
  return {
    service,
    pathway: pathway && { ...pathway, links: pathway.links.map(({ _count, ...l }) => ({ ...l, referrals: _count.referrals, status: linkStatusOf(l, at) })) },
  };
}

/**
 * Issues a practice's link. One open link per practice (by name, case-insensitive), so every
 * referral is attributed; the token is returned once and only its hash is kept.
 */
export async function issueLink({ actor, serviceId, input, at = new Date() }: { actor: Actor; serviceId: string; input: Omit<IssueLinkInput, "intent">; at?: Date }) {
  requireDirector(actor);
  await ownService(actor, serviceId);
  const token = newLinkToken();
  const link = await db.$transaction(async (tx) => {
    const pathway = await tx.servicePathway.findUnique({ where: { serviceId }, select: { id: true, publishedAt: true } });
    if (!pathway?.publishedAt) throw new AppError({ message: m("publishFirst"), status: 409 });
    const open = await tx.practiceReferralLink.findFirst({
      where: { pathwayId: pathway.id, practiceName: { equals: input.practiceName, mode: "insensitive" }, revokedAt: null, expiresAt: { gt: at } },
      select: { id: true },
    });
    if (open) throw new AppError({ message: m("practiceHasLink"), status: 409, fieldErrors: { practiceName: [m("practiceHasLink")] } });
    const created = await tx.practiceReferralLink.create({
      data: { pathwayId: pathway.id, organizationId: actor.organizationId, practiceName: input.practiceName, practiceEmail: input.practiceEmail ?? null, tokenHash: hashLinkToken(token), expiresAt: new Date(at.getTime() + input.days * 86_400_000), createdById: actor.userId, createdAt: at },
      select: { id: true, practiceName: true, expiresAt: true },
    });
    await recordAuditEvent(
      { action: "pathway.link_issued", subjectType: "PracticeReferralLink", subjectId: created.id, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { serviceId, practiceName: input.practiceName, expiresAt: created.expiresAt.toISOString() }, request: actor.request },
      tx,
    );
    return created;
  });
  return { link, token };
}

/** Revokes a link of the actor's organization (another organization's link is a 404). Revoking twice changes nothing. */
export async function revokeLink({ actor, linkId, at = new Date() }: { actor: Actor; linkId: string; at?: Date }) {
  requireDirector(actor);
  return db.$transaction(async (tx) => {
    const link = await tx.practiceReferralLink.findFirst({ where: { id: linkId, organizationId: actor.organizationId }, select: { id: true, revokedAt: true } });
    if (!link) throw new AppError({ message: m("linkNotFound"), status: 404 });
    if (link.revokedAt) return link;
    const revoked = await tx.practiceReferralLink.update({ where: { id: linkId }, data: { revokedAt: at, revokedById: actor.userId }, select: { id: true, revokedAt: true } });
    await recordAuditEvent({ action: "pathway.link_revoked", subjectType: "PracticeReferralLink", subjectId: linkId, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request }, tx);
    return revoked;
  });
}

const PUBLIC_SERVICE_SELECT = {
  name: true, description: true, minimumAge: true, maximumAge: true, languages: true, sdohCodes: true, serviceAreas: true, requiredDocuments: true, feesDescription: true, free: true,
  organization: { select: { name: true } },
} as const;

async function publicView(pathway: { serviceId: string } & Record<string, unknown>) {
  const service = await db.directoryService.findFirst({ where: { id: pathway.serviceId, deletedAt: null }, select: PUBLIC_SERVICE_SELECT });
  return service;
}

export type PublicPathway = NonNullable<Awaited<ReturnType<typeof getPublicPathway>>>;

/** A published pathway for its public page (no client data exists on it); null when not published. */
export async function getPublicPathway(slug: string) {
  const pathway = await db.servicePathway.findUnique({
    where: { slug },
    select: { id: true, serviceId: true, slug: true, forWhomEn: true, forWhomEs: true, notForEn: true, notForEs: true, whatToSendEn: true, whatToSendEs: true, responseDays: true, contactName: true, contactPhone: true, contactEmail: true, publishedAt: true },
  });
  if (!pathway?.publishedAt) return null;
  const service = await publicView(pathway);
  if (!service) return null;
  const { organization, ...rest } = service;
  return { ...pathway, service: rest, organizationName: organization.name };
}

/**
 * The link behind a token, when it may be used: unknown, revoked, expired and unpublished all
 * answer null alike (the page says the same for each: no enumeration).
 */
export async function findOpenLink(token: string, at = new Date()) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const link = await db.practiceReferralLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, organizationId: true, practiceName: true, revokedAt: true, expiresAt: true, pathway: { select: { slug: true, publishedAt: true } } },
  });
  if (!link || linkStatusOf(link, at) !== "active" || !link.pathway.publishedAt) return null;
  const pathway = await getPublicPathway(link.pathway.slug);
  if (!pathway) return null;
  return { id: link.id, organizationId: link.organizationId, practiceName: link.practiceName, pathway };
}
