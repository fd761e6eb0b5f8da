import { createCookie } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { getSessionSecrets } from "~/utils/runtime.server";

export const SESSION_COOKIE_NAME = "hub_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * httpOnly, SameSite=Lax, signed; Secure in production unless the hub is only used on this
 * machine over http (docs/decisions/063-secure-session-cookie.md, `env.secureCookies`).
 */
export function sessionCookie() {
  const env = getEnv();
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.secureCookies,
    secrets: getSessionSecrets(),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function readSessionId(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

export function commitSessionId(sessionId: string) {
  return sessionCookie().serialize(sessionId);
}

export function clearSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}
