/**
 * What the referral screens need beyond the core services: the send form's choices (own clients, partner organizations and their services) and the inbox
 * count for the navigation. Reads only; every write goes through service.server.ts.
 */
import { db } from "~/utils/db.server";
import type { Actor } from "~/modules/auth/actor";
import { hasOwnClients, ownClientChoice, searchOwnClients } from "~/modules/client/search.server";
import { listRecipientOptions } from "~/modules/consent/service.server";
import { listReferrals } from "./queries.server";
import { listIntake } from "~/modules/pathway/intake.server";
import { ReferralListFilterSchema } from "./schemas";

export type PartnerService = { id: string; name: string; organizationId: string; sdohCodes: string[]; eligibilityDescription: string | null };

/**
 * The send form's choices: coalition partners and the services they offer, and for the client
 * picker (ADR 104) no list of every client — whether there is any, the pre-filled client (a link's
 * `clientId`, the organization's own only) and, for the form without JavaScript, the matches of a
 * name search sent by its Find button.
 */
export async function sendFormOptions(actor: Actor, { clientId, clientQuery }: { clientId?: string; clientQuery?: string } = {}) {
  const [hasClients, client, clientMatches, partners] = await Promise.all([
    hasOwnClients(actor),
    clientId ? ownClientChoice({ actor, clientId }) : null,
    clientQuery ? searchOwnClients({ actor, q: clientQuery }) : null,
    listRecipientOptions(actor.organizationId),
  ]);
  const services: PartnerService[] = partners.length
    ? await db.directoryService.findMany({
        where: { organizationId: { in: partners.map((p) => p.id) }, deletedAt: null, status: "ACTIVE" },
        select: { id: true, name: true, organizationId: true, sdohCodes: true, eligibilityDescription: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { hasClients, client, clientMatches, partners, services };
}

/** Referrals waiting for my organization to accept or decline (the navigation's badge). */
export function awaitingResponseCount(organizationId: string) {
  return db.referral.count({ where: { recipientOrganizationId: organizationId, status: "REQUESTED" } });
}

/** The inbox or the outbox page's data: the list for the query string's filters (parsed here: a bad filter is a 400 naming it), and the tabs to show. */
export async function loadReferralListPage({ actor, box, query }: { actor: Actor; box: "inbox" | "outbox"; query: Record<string, string> }) {
  const filter = ReferralListFilterSchema.parse(query);
  const [list, intake] = await Promise.all([listReferrals({ actor, box, filter, coalitionId: actor.coalitionId }), box === "inbox" ? listIntake({ actor }) : null]);
  return { box, list, intake, organization: actor.organizationName, canSend: actor.permissions.has("referrals:send"), canReceive: actor.permissions.has("referrals:receive") };
}
