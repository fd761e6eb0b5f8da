/**
 * What the referral screens need beyond the core services: the actor from a signed-in request,
 * the send form's choices (own clients, partner organizations and their services) and the inbox
 * count for the navigation. Reads only; every write goes through service.server.ts.
 */
import { db } from "~/utils/db.server";
import { requireOrganization, type AuthContext } from "~/utils/auth.server";
import type { Permission } from "~/utils/permissions";
import { requestMeta } from "~/utils/request.server";
import { listClients } from "~/modules/client/service.server";
import { listRecipientOptions } from "~/modules/consent/service.server";
import type { ReferralActor } from "./service.server";
import { listReferrals } from "./queries.server";
import { ReferralListFilterSchema } from "./schemas";

export type ReferralAuth = AuthContext & { organization: NonNullable<AuthContext["organization"]> };

export async function requireReferralActor(request: Request, permission: Permission): Promise<{ auth: ReferralAuth; actor: ReferralActor }> {
  const auth = await requireOrganization(request, permission);
  return { auth, actor: { userId: auth.user.id, organizationId: auth.organization.id, permissions: auth.permissions, request: requestMeta(request) } };
}

export type PartnerService = { id: string; name: string; organizationId: string; sdohCodes: string[]; eligibilityDescription: string | null };

/** The send form's choices: own clients, coalition partners and the services they offer. */
export async function sendFormOptions(actor: ReferralActor) {
  const [clients, partners] = await Promise.all([listClients({ actor: { ...actor, request: actor.request ?? {} } }), listRecipientOptions(actor.organizationId)]);
  const services: PartnerService[] = partners.length
    ? await db.directoryService.findMany({
        where: { organizationId: { in: partners.map((p) => p.id) }, deletedAt: null, status: "ACTIVE" },
        select: { id: true, name: true, organizationId: true, sdohCodes: true, eligibilityDescription: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { clients: clients.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })), partners, services };
}

/** Referrals waiting for my organization to accept or decline (the navigation's badge). */
export function awaitingResponseCount(organizationId: string) {
  return db.referral.count({ where: { recipientOrganizationId: organizationId, status: "REQUESTED" } });
}

/** The inbox or the outbox page's data: the list for the query string's filters, and the tabs to show. */
export async function loadReferralListPage(request: Request, box: "inbox" | "outbox") {
  const { auth, actor } = await requireReferralActor(request, box === "inbox" ? "referrals:receive" : "referrals:send");
  const filter = ReferralListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listReferrals({ actor, box, filter, coalitionId: auth.coalition?.id ?? null });
  return { box, list, organization: auth.organization.name, canSend: auth.permissions.has("referrals:send"), canReceive: auth.permissions.has("referrals:receive") };
}
