import { afterEach, describe, expect, it } from "vitest";
import { getEnv, parseEnv, setEnv } from "~/utils/env.server";
import { commitSessionId } from "./cookie.server";

const original = getEnv();
afterEach(() => setEnv(original));

async function sessionCookieFor(source: Record<string, string>) {
  setEnv({ ...parseEnv(source), dataDir: original.dataDir });
  return commitSessionId("00000000-0000-4000-8000-000000000000");
}

describe("session cookie (finding 10)", () => {
  it.each([
    ["an https origin", { APP_ORIGIN: "https://hub.example.org" }],
    ["an http origin on another host (only INSECURE_COOKIES may allow that)", { APP_ORIGIN: "http://hub.example.org" }],
    ["no origin while listening on every interface", { HOST: "0.0.0.0" }],
    ["a loopback origin with INSECURE_COOKIES=false", { APP_ORIGIN: "http://localhost:3000", INSECURE_COOKIES: "false" }],
  ])("is Secure in production with %s", async (_label, env) => {
    expect(await sessionCookieFor({ NODE_ENV: "production", ...env })).toMatch(/;\s*Secure/i);
  });

  it.each([
    ["npm start on a fresh machine (no configuration)", {}],
    ["an explicit http://localhost origin", { APP_ORIGIN: "http://localhost:8080" }],
    ["an explicit http://127.0.0.1 origin", { APP_ORIGIN: "http://127.0.0.1:3000" }],
    ["INSECURE_COOKIES=true", { APP_ORIGIN: "http://hub.lan:3000", HOST: "0.0.0.0", INSECURE_COOKIES: "true" }],
  ])("is plain http in production only for local use: %s", async (_label, env) => {
    const cookie = await sessionCookieFor({ NODE_ENV: "production", ...env });
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("INSECURE_COOKIES accepts only true or false", () => {
    expect(() => parseEnv({ INSECURE_COOKIES: "yes" })).toThrow(/INSECURE_COOKIES/);
  });
});
