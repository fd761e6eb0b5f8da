/**
 * The one guard family and the one `Actor` (ADR 073). Every loader, action and API route starts
 * here: a signed-in person (`requireActor`), an organization's API key (`requireApiActor`), or a
 * reader who may be either or nobody (`readCaller`, public directory reads). Deny by default.
 *
 * This file is the edge of the auth module: it alone reads a Request (the session cookie, the
 * `Authorization` header). It answers with AppErrors (sign-in, 401, 403), never a Response; the
 * one mapper (app/utils/http-errors.server.ts) turns them into redirects, error pages or JSON.
 * Every service takes the Actor it returns.
 */
import { accessDenied, signInRequired } from "~/utils/app-error";
import type { Permission } from "~/utils/permissions";
import { requestMeta, type RequestMeta } from "~/utils/request.server";
import { authenticateApiKey } from "~/modules/org/api-keys.server";
import { clearSessionCookie, readSessionId } from "./cookie.server";
import type { Actor, ActorScope, AuthContext, Caller } from "./actor";
import { loadAuthContext } from "./service.server";
import { loadSessionScope } from "./session-scope.server";
import { translatable } from "~/utils/translatable";

export type { Actor, ActorScope, Caller };

type SessionScope = Exclude<ActorScope, "apiKey">;

/** The actor for a loaded session (also for the socket handshake and tests that hold a context). */
export function actorFromContext(auth: AuthContext, request: RequestMeta): Actor<"user"> {
  return {
    via: "session",
    sessionId: auth.sessionId,
    userId: auth.user.id,
    userName: auth.user.name,
    userEmail: auth.user.email,
    apiKeyId: null,
    organizationId: auth.organization?.id ?? null,
    organizationName: auth.organization?.name ?? null,
    organizationRole: auth.organization?.role ?? null,
    organizations: auth.organizations,
    coalitionId: auth.coalition?.id ?? null,
    coalitionName: auth.coalition?.name ?? null,
    coalitionIds: auth.coalition ? [auth.coalition.id] : [],
    isConvener: auth.isConvener,
    permissions: auth.permissions,
    request,
  };
}

/** The signed-in person, or null (no cookie, or a session that ended). */
export async function getOptionalActor(request: Request): Promise<Actor<"user"> | null> {
  const sessionId = await readSessionId(request.headers.get("cookie"));
  if (!sessionId) return null;
  const auth = await loadAuthContext(sessionId);
  return auth ? actorFromContext(auth, requestMeta(request)) : null;
}

const SCOPE_REFUSALS: Record<Exclude<SessionScope, "user">, string> = {
  organization: translatable("errors.services.access.noOrganization"),
  coalition: translatable("errors.services.access.noCoalition"),
};

/**
 * The signed-in actor holding `permission` (null: any signed-in person) in `scope` (default: a
 * current organization). Not signed in: sign in, then come back here. Otherwise refused: 403.
 */
export async function requireActor<S extends SessionScope = "organization">(request: Request, permission: Permission | null, scope: S = "organization" as S): Promise<Actor<S>> {
  const actor = await getOptionalActor(request);
  if (!actor) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    const query = new URLSearchParams(back === "/" ? {} : { redirectTo: back }).toString();
    throw signInRequired({ redirectTo: `/login${query ? `?${query}` : ""}`, headers: { "Set-Cookie": await clearSessionCookie() } });
  }
  if (permission && !actor.permissions.has(permission)) throw accessDenied(translatable("errors.services.access.pageForbidden"));
  if (scope === "organization" || scope === "coalition") {
    if (!actor.organizationId) throw accessDenied(SCOPE_REFUSALS.organization);
  }
  if (scope === "coalition" && !actor.coalitionId) throw accessDenied(SCOPE_REFUSALS.coalition);
  return actor as Actor<S>;
}

/** The API key in `Authorization: Bearer chub_…`, or null. */
const bearerKey = (request: Request) => /^Bearer\s+(\S+)$/.exec((request.headers.get("authorization") ?? "").trim())?.[1] ?? null;

/** The partner system behind the request's API key, or null (no key, unknown or revoked). */
export async function getOptionalApiActor(request: Request): Promise<Actor<"apiKey"> | null> {
  const principal = await authenticateApiKey(bearerKey(request));
  if (!principal) return null;
  return {
    via: "apiKey",
    sessionId: null,
    userId: null,
    userName: null,
    userEmail: null,
    apiKeyId: principal.apiKeyId,
    organizationId: principal.organizationId,
    organizationName: principal.organizationName,
    organizationRole: null,
    organizations: [],
    coalitionId: principal.coalitionIds[0] ?? null,
    coalitionName: null,
    coalitionIds: principal.coalitionIds,
    isConvener: false,
    permissions: new Set(),
    request: requestMeta(request),
  };
}

/** A partner system with an organization API key (FHIR APIs); none: 401 with `WWW-Authenticate`. */
export async function requireApiActor(request: Request): Promise<Actor<"apiKey">> {
  const actor = await getOptionalApiActor(request);
  if (actor) return actor;
  throw accessDenied('Send an organization API key as "Authorization: Bearer <key>".', { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="coalition-hub"' } });
}

/**
 * Who is reading a public resource (the directory, HSDS, the map API): an API key, a signed-in
 * person, or nobody (null). Only the ids that scope a read, in one statement for a session
 * (ADR 014: these endpoints are the hub's busiest).
 */
export async function readCaller(request: Request): Promise<Caller | null> {
  const key = await getOptionalApiActor(request);
  if (key) return key;
  const sessionId = await readSessionId(request.headers.get("cookie"));
  const scope = sessionId ? await loadSessionScope(sessionId) : null;
  if (!scope) return null;
  return { via: "session", userId: scope.userId, apiKeyId: null, organizationId: scope.organizationId, coalitionId: scope.coalitionId, coalitionIds: scope.coalitionId ? [scope.coalitionId] : [] };
}
