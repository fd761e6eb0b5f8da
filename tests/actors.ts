/**
 * The one way tests make an Actor (ADR 073): the same shape the guard returns, for a user in an
 * organization (and a coalition, for coalition services), with the role's permissions. Names are
 * placeholders unless given: services read ids, and the few that show a name say so.
 */
import { permissionsFor, type OrganizationRole } from "~/utils/permissions";
import type { RequestMeta } from "~/utils/request.server";
import type { Actor } from "~/modules/auth/actor";

export type ActorOptions = {
  role?: OrganizationRole;
  isConvener?: boolean;
  userName?: string;
  organizationName?: string;
  request?: RequestMeta;
};

const TEST_REQUEST: RequestMeta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

/** A signed-in person acting in `organizationId` (default role: care manager). */
export function actorFor(userId: string, organizationId: string, options: ActorOptions = {}): Actor {
  const role = options.role ?? "CARE_MANAGER";
  const isConvener = options.isConvener ?? false;
  return {
    via: "session",
    sessionId: crypto.randomUUID(),
    userId,
    userName: options.userName ?? "Test User",
    userEmail: `${userId}@example.test`,
    apiKeyId: null,
    organizationId,
    organizationName: options.organizationName ?? "Test Organization",
    organizationRole: role,
    organizations: [{ id: organizationId, name: options.organizationName ?? "Test Organization", slug: organizationId, kind: "OTHER", role }],
    coalitionId: null,
    coalitionName: null,
    coalitionIds: [],
    isConvener,
    permissions: permissionsFor({ role, isConvener }),
    request: options.request ?? TEST_REQUEST,
  };
}

/** The same person acting in their organization's coalition (aims, partnerships, next steps, the directory). */
export function coalitionActorFor(userId: string, organizationId: string, coalitionId: string, options: ActorOptions = {}): Actor<"coalition"> {
  return { ...actorFor(userId, organizationId, options), coalitionId, coalitionName: "Test Coalition", coalitionIds: [coalitionId] };
}
