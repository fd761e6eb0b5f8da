/**
 * Route guards. Every loader and action of a signed-in page starts with one of these; they are
 * scoped to the current organization and coalition and deny by default.
 */
import { redirect } from "@remix-run/node";
import { loadAuthContext, type AuthContext } from "~/modules/auth/service.server";
import { clearSessionCookie, readSessionId } from "~/modules/auth/cookie.server";
import type { Permission } from "~/utils/permissions";

export type { AuthContext };

export async function getOptionalUser(request: Request): Promise<AuthContext | null> {
  const sessionId = await readSessionId(request.headers.get("cookie"));
  if (!sessionId) return null;
  return loadAuthContext(sessionId);
}

/** The signed-in context, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<AuthContext> {
  const auth = await getOptionalUser(request);
  if (auth) return auth;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const params = new URLSearchParams(redirectTo === "/" ? {} : { redirectTo });
  const query = params.toString();
  throw redirect(`/login${query ? `?${query}` : ""}`, { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export async function requireUserWithPermission(request: Request, permission: Permission): Promise<AuthContext> {
  const auth = await requireUser(request);
  if (!auth.permissions.has(permission)) {
    throw new Response("You do not have permission to open this page.", { status: 403, statusText: "Forbidden" });
  }
  return auth;
}

/** Signed-in context that also has a current organization (every organization-scoped page). */
export async function requireOrganization(request: Request, permission: Permission) {
  const auth = await requireUserWithPermission(request, permission);
  if (!auth.organization) throw new Response("You are not a member of any organization.", { status: 403 });
  return { ...auth, organization: auth.organization };
}

export async function requireCoalition(request: Request, permission: Permission) {
  const auth = await requireUserWithPermission(request, permission);
  if (!auth.coalition) throw new Response("Your organization is not a member of a coalition yet.", { status: 403 });
  return { ...auth, coalition: auth.coalition };
}
