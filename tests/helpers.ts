import { commitSessionId } from "~/modules/auth/cookie.server";
import { signIn } from "~/modules/auth/service.server";
import { httpErrorResponse } from "~/utils/http-errors.server";
import { DEFAULT_TEST_PASSWORD } from "./factories";

/** A browser-like Request from a signed-in user (a real session row, a signed cookie). */
export async function signedInRequester(email: string, password = DEFAULT_TEST_PASSWORD) {
  const { session } = await signIn({ email, password, request: { ipAddress: "127.0.0.1", userAgent: "vitest" } });
  const cookie = (await commitSessionId(session.id)).split(";")[0];
  return {
    sessionId: session.id,
    cookie,
    get: (path: string) => new Request(`http://localhost${path}`, { headers: { cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      new Request(`http://localhost${path}`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }),
  };
}

export const anonymousGet = (path: string) => new Request(`http://localhost${path}`);

/**
 * Runs a Remix loader/action and returns the Response it returned or threw (redirects, 4xx). An
 * AppError (a guard's sign-in or 403, a service's 404) is answered by the one mapper, as the
 * server entry does for every route (ADR 074); anything else (a bug) still throws.
 */
export async function settle(fn: () => Promise<unknown>): Promise<{ status: number; body: unknown; headers: Headers }> {
  try {
    const result = await fn();
    return toResult(result, 200);
  } catch (thrown) {
    const response = thrown instanceof Response ? thrown : httpErrorResponse(thrown);
    return toResult(response, response.status);
  }
}

async function toResult(value: unknown, fallbackStatus: number) {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: value.status, body, headers: value.headers };
  }
  // Remix single-fetch data(): { type: "DataWithResponseInit", data, init }
  if (value && typeof value === "object" && "type" in value && (value as { type: string }).type === "DataWithResponseInit") {
    const v = value as unknown as { data: unknown; init?: { status?: number; headers?: HeadersInit } };
    return { status: v.init?.status ?? 200, body: v.data, headers: new Headers(v.init?.headers) };
  }
  return { status: fallbackStatus, body: value, headers: new Headers() };
}

/**
 * Text with its random ids (UUIDs) and keyed hashes (64 hex digits) replaced: privacy tests look
 * for a birth year or a phone number, and digits such as "1961" turn up in random hex now and then.
 */
export const withoutRandomHex = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{64}\b/gi, "<hex>");
