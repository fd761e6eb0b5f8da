/**
 * The contact cadence per level of care (ADR 097): the coalition's choice, set by its conveners on
 * the coalition settings page. An organization's clients follow the cadence of the coalition the
 * person is working in when the organization belongs to it, else of the organization's earliest
 * coalition; an organization in no coalition follows the defaults.
 */
import { forbidden } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { translatable } from "~/utils/translatable";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { coalitionIdsOf } from "~/modules/coalition/membership.server";
import type { Actor } from "~/modules/auth/actor";
import { DEFAULT_CADENCE, type ContactCadence, type ContactCadenceInput } from "./contact-schemas";

const CADENCE_COLUMNS = { careHighContactDays: true, careMediumContactDays: true, careLowContactDays: true } as const;

type CadenceRow = { careHighContactDays: number; careMediumContactDays: number; careLowContactDays: number };
const cadenceOf = (c: CadenceRow): ContactCadence => ({ HIGH: c.careHighContactDays, MEDIUM: c.careMediumContactDays, LOW: c.careLowContactDays });

/** A coalition's cadence (the settings page). */
export async function getCoalitionCadence(coalitionId: string): Promise<ContactCadence> {
  const row = await db.coalition.findFirst({ where: { id: coalitionId, deletedAt: null }, select: CADENCE_COLUMNS });
  return row ? cadenceOf(row) : DEFAULT_CADENCE;
}

/** The cadence an organization's care team follows (see the file's comment for which coalition's). */
export async function cadenceForOrganization({ organizationId, coalitionId }: { organizationId: string; coalitionId?: string | null }): Promise<ContactCadence> {
  // Membership is modules/coalition's rule (ADR 080); a deleted coalition falls through to the defaults.
  const coalitionIds = await coalitionIdsOf(organizationId);
  const chosen = coalitionIds.find((id) => id === coalitionId) ?? coalitionIds[0];
  return chosen ? getCoalitionCadence(chosen) : DEFAULT_CADENCE;
}

/** A convener sets the coalition's days between contacts at each level (bounds: the schema and a CHECK). */
export async function updateContactCadence({ actor, input }: { actor: Actor; input: Omit<ContactCadenceInput, "intent"> }) {
  if (!actor.permissions.has("coalition:admin") || !actor.coalitionId) throw forbidden(translatable("careContacts.errors.onlyConvener"));
  const coalitionId = actor.coalitionId;
  return db.$transaction(async (tx) => {
    const before = await tx.coalition.findUniqueOrThrow({ where: { id: coalitionId }, select: CADENCE_COLUMNS });
    const after = await tx.coalition.update({ where: { id: coalitionId }, data: { careHighContactDays: input.highDays, careMediumContactDays: input.mediumDays, careLowContactDays: input.lowDays }, select: CADENCE_COLUMNS });
    await recordAuditEvent({ action: "coalition.care_cadence_updated", subjectType: "Coalition", subjectId: coalitionId, actorUserId: actor.userId, coalitionId, organizationId: actor.organizationId, metadata: { before, after }, request: actor.request }, tx);
    return cadenceOf(after);
  });
}
