/**
 * Case-vignette conferences. The module's files, by concern:
 * - service.server.ts (here): who may see a conference and who takes part — every other file
 *   starts from these checks — and the `Actor` the services take;
 * - scheduling.server.ts: scheduling, listing, the room's view, going live, ending, cancelling;
 * - vignettes.server.ts: vignettes checked for identifiers before sharing, sharing, withdrawing;
 * - chat.server.ts: the live discussion (checked before it is stored), hiding a message;
 * - next-steps.server.ts: next steps and their tracking;
 * - identifiers.server.ts: the identifier check every text written here goes through;
 * - realtime.server.ts: the "/conferences" socket handlers, registered by the server entry.
 *
 * Access: a conference is visible to its host organization, the organizations it invites, or —
 * when it is for the whole coalition — every active member organization. Anyone else gets a 404
 * (its existence is not revealed). Callers pass an Actor whose membership the route guard or the
 * socket layer has checked; sockets re-check it on every join (`assertActiveMember`).
 */
import { recordNotFound } from "~/utils/app-error";
import { memberOrganizationOptions } from "~/modules/coalition/membership.server";
import { db } from "~/utils/db.server";
import type { RequestMeta } from "~/modules/audit/service.server";
import { visibleConferencesWhere } from "./queries.server";

export type Actor = Pick<import("~/modules/auth/actor").Actor, "userId" | "userName" | "organizationId"> & { request?: RequestMeta };

// --- access ------------------------------------------------------------------------------------

/** The conference if this organization may see it; otherwise a 404. */
export async function requireConferenceAccess(conferenceId: string, organizationId: string) {
  const conference = await db.conference.findFirst({ where: { AND: [{ id: conferenceId }, await visibleConferencesWhere(organizationId)] } });
  if (!conference) throw recordNotFound("conference");
  return conference;
}

/** The person still belongs to the organization (membership not revoked, organization not deleted): modules/org owns the rule. */
export { assertActiveMember } from "~/modules/org/membership.server";

/** The organizations that take part: host, invited, or every active coalition member. */
export async function participatingOrganizations(conference: { id: string; coalitionId: string; wholeCoalition: boolean }) {
  if (conference.wholeCoalition) {
    return (await memberOrganizationOptions(conference.coalitionId)).map(({ id, name }) => ({ id, name }));
  }
  const invitations = await db.conferenceInvitation.findMany({
    where: { conferenceId: conference.id },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return invitations.map((i) => i.organization);
}
