/** Plain HTTP helpers for end-to-end tests that need no browser. */
import { io, type Socket } from "socket.io-client";

export async function signInOverHttp(baseURL: string, email: string, password = "coalition-demo"): Promise<string> {
  const res = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("hub_session="));
  if (res.status !== 302 && res.status !== 204 && !cookie) throw new Error(`Sign-in failed with ${res.status}`);
  if (!cookie) throw new Error("No session cookie in the sign-in response");
  return cookie.split(";")[0];
}

export function connectSocket(baseURL: string, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(baseURL, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false, timeout: 5000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Invites `email` into the signed-in director's organization and returns the invitation link. */
export async function inviteOverHttp(baseURL: string, cookie: string, email: string, role = "STAFF"): Promise<string> {
  const res = await fetch(`${baseURL}/organization/people.data`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL, cookie },
    body: new URLSearchParams({ intent: "invite", email, role }),
  });
  const text = await res.text();
  const match = /(https?:\/\/[^"\\]+\/invites\/[\w-]+)/.exec(text);
  if (!match) throw new Error(`No invitation link in the response (${res.status}): ${text.slice(0, 300)}`);
  return match[1];
}

export async function acceptOverHttp(baseURL: string, link: string, name: string, password = "a long enough password") {
  const path = new URL(link).pathname;
  const res = await fetch(`${baseURL}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL },
    body: new URLSearchParams({ name, password, confirmPassword: password }),
  });
  if (res.status !== 302) throw new Error(`Accepting the invitation answered ${res.status}`);
}

/** The demo's usual referral: Robert Kline (the hospital's client) to the food bank, read from the pages as a care manager sees them. */
export async function demoReferralTarget(base: string, cookie: string): Promise<{ clientId: string; recipientId: string }> {
  const list = await (await fetch(`${base}/clients`, { headers: { cookie } })).text();
  const clientId = /\/clients\/([0-9a-f-]{36})[^>]*>\s*Robert Kline/.exec(list)?.[1];
  const form = await (await fetch(`${base}/referrals/new?clientId=${clientId}`, { headers: { cookie } })).text();
  const recipientId = /<option value="([0-9a-f-]{36})"[^>]*>Arkansas Valley Community Food Bank</.exec(form)?.[1];
  if (!clientId || !recipientId) throw new Error("Robert Kline or the food bank not found in the demo");
  return { clientId, recipientId };
}
