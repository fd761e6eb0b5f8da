/**
 * Peer support from the plan (issue #15, ADR 101). Peer support groups are informal assets of the
 * map: an INFORMAL_GROUP tagged with the Gravity category "social-connection", in a coalition the
 * care manager's organization belongs to. The care manager finds one by name (search as you type)
 * or nearest the organization first, and connects the client to it as a next step the client owns,
 * the group linked — so the plan, the caseload and the written copy show it with how to reach the
 * group, and no second kind of record is needed.
 */
import { AppError } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { currentKeyId } from "~/utils/field-encryption.server";
import { translatable } from "~/utils/translatable";
import { coalitionIdsOf } from "~/modules/coalition/membership.server";
import type { Actor } from "~/modules/auth/actor";
import type { ScheduleRule } from "~/modules/directory/open-now";
import { CARE_LIMITS } from "./schemas";
import { CARE_LIVE_LIMITS, type ConnectPeerSupportInput } from "./live-schemas";
import { careContext, encryptCare } from "./encryption.server";
import { activeGoal, audit, changeOwnClient, planOf } from "./service.server";
import { addDays, dayOf, todayUtc } from "./dates";

/** The Gravity category that marks an informal group as peer support. */
export const PEER_SUPPORT_CODE = "social-connection";

export type PeerGroupOption = { id: string; name: string; description: string; address: string | null; phone: string | null; schedules: ScheduleRule[]; distanceKm: number | null };

const fieldError = (field: string, key: string, values?: Record<string, string | number>) => {
  const message = translatable(`careLive.errors.${key}`, values);
  return new AppError({ message, status: 400, fieldErrors: { [field]: [message] } });
};

function peerGroupWhere(coalitionIds: string[]) {
  return Prisma.sql`a."coalitionId" IN (${Prisma.join(coalitionIds.map((id) => Prisma.sql`${id}::uuid`))}) AND a.kind = 'INFORMAL_GROUP' AND a."deletedAt" IS NULL AND ${PEER_SUPPORT_CODE} = ANY(a."sdohCodes")`;
}

/**
 * Peer support groups matching the words typed (name, description, address — the map's search
 * text), nearest the actor's organization first when it has a location, else by name.
 */
export async function findPeerSupportGroups({ actor, q }: { actor: Actor; q?: string }): Promise<PeerGroupOption[]> {
  const coalitionIds = await coalitionIdsOf(actor.organizationId);
  if (coalitionIds.length === 0) return [];
  const origin = await db.organization.findUnique({ where: { id: actor.organizationId }, select: { latitude: true, longitude: true } });
  const near = origin?.latitude != null && origin.longitude != null ? { lat: origin.latitude, lng: origin.longitude } : null;
  const words = q ? Prisma.sql`AND a."searchText" LIKE ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : Prisma.empty;
  // Equirectangular distance: plenty for ordering groups within a coalition's area.
  const distance = near ? Prisma.sql`6371 * sqrt(power(radians(a.latitude - ${near.lat}), 2) + power(radians(a.longitude - ${near.lng}) * cos(radians(${near.lat})), 2))` : Prisma.sql`NULL::float8`;
  const rows = await db.$queryRaw<(Omit<PeerGroupOption, "schedules"> & { schedules: unknown })[]>`
    SELECT a.id, a.name, a.description, a.address, a.phone, a.schedules, ${distance} AS "distanceKm"
    FROM "Asset" a WHERE ${peerGroupWhere(coalitionIds)} ${words}
    ORDER BY "distanceKm" ASC NULLS LAST, a.name ASC, a.id ASC
    LIMIT ${CARE_LIVE_LIMITS.peerResults}`;
  return rows.map((r) => ({ ...r, schedules: (Array.isArray(r.schedules) ? r.schedules : []) as ScheduleRule[], distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 10) / 10 }));
}

/** Connects the client to a peer support group from one of the plan's active goals (a step the client owns). */
export async function connectPeerSupport({ actor, clientId, input, today = todayUtc() }: { actor: Actor; clientId: string; input: Omit<ConnectPeerSupportInput, "intent">; today?: Date }) {
  const dueOn = dayOf(input.dueOn);
  if (dueOn < today) throw fieldError("dueOn", "dueInPast");
  if (dueOn > addDays(today, CARE_LIMITS.stepDueMaxDays)) throw fieldError("dueOn", "dueTooFar", { days: CARE_LIMITS.stepDueMaxDays });
  const coalitionIds = await coalitionIdsOf(actor.organizationId);
  const found = coalitionIds.length ? await db.$queryRaw<{ id: string }[]>`SELECT a.id FROM "Asset" a WHERE a.id = ${input.assetId}::uuid AND ${peerGroupWhere(coalitionIds)}` : [];
  // Another coalition's asset, a service, a deleted group: the same answer as an unknown id.
  if (found.length === 0) throw fieldError("assetId", "peerGroup");
  return changeOwnClient(actor, clientId, async (tx) => {
    const plan = await planOf(tx, clientId);
    await activeGoal(tx, plan.id, input.goalId);
    const id = crypto.randomUUID();
    await tx.careStep.create({
      data: { id, planId: plan.id, goalId: input.goalId, textCipher: encryptCare(input.text, careContext("CareStep.text", id)), owner: "CLIENT", assetId: input.assetId, dueOn, keyId: currentKeyId(), createdById: actor.userId },
    });
    await audit(tx, actor, "care.peer_support_connected", clientId, { planId: plan.id, goalId: input.goalId, stepId: id, assetId: input.assetId, dueOn: input.dueOn });
    return { stepId: id };
  });
}
