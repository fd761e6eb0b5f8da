/** HTTP-level guarantees of the running server: headers, CSRF, rate limit, health, errors. */
import { afterAll, describe, expect, it } from "vitest";
import { createCookie } from "@remix-run/node";
import { baseURL } from "./browser";
import { signInOverHttp } from "./http";
import { startServer, type RunningServer } from "./server";

describe("security headers", () => {
  it("every page carries a CSP with a per-response script nonce, and the other hardening headers", async () => {
    const [a, b] = await Promise.all([fetch(`${baseURL()}/login`), fetch(`${baseURL()}/login`)]);
    const cspA = a.headers.get("content-security-policy")!;
    const cspB = b.headers.get("content-security-policy")!;
    expect(cspA).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(cspA).toContain("frame-ancestors 'none'");
    expect(cspA).not.toBe(cspB);
    const nonce = /'nonce-([^']+)'/.exec(cspA)![1];
    const html = await a.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("same-origin");
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("the session cookie is httpOnly and SameSite=Lax", async () => {
    const res = await fetch(`${baseURL()}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL() },
      body: new URLSearchParams({ email: "convener@demo.test", password: "coalition-demo" }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("hub_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe("CSRF", () => {
  it("refuses a form post from another site, even with a valid session", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const forged: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of forged) {
      const res = await fetch(`${baseURL()}/organization/people`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
        body: new URLSearchParams({ intent: "invite", email: `csrf.${Date.now()}@example.test`, role: "DIRECTOR" }),
      });
      expect(res.status).toBe(403);
    }
    const page = await fetch(`${baseURL()}/organization/people`, { headers: { cookie } });
    expect(await page.text()).not.toContain("csrf.");
  });
});

describe("health and failures", () => {
  it("/healthz answers ok while the database answers", async () => {
    const res = await fetch(`${baseURL()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  const started: RunningServer[] = [];
  afterAll(() => Promise.all(started.map((s) => s.stop())));

  it("with the database down, /healthz is 503 and pages show a friendly error", async () => {
    const secret = "db-down-test-secret-0123456789-abcdefghijklmn";
    const server = await startServer({ env: { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", SESSION_SECRET: secret, FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"), EXPECT_UNHEALTHY: "1" } });
    started.push(server);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable" });

    const cookie = await createCookie("hub_session", { secrets: [secret] }).serialize(crypto.randomUUID());
    const page = await fetch(`${server.url}/home`, { headers: { cookie: cookie.split(";")[0] } });
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain("Something went wrong");
    expect(html).toContain("Your data is safe");
    expect(html).not.toMatch(/ECONNREFUSED|PrismaClient|at .*\.js:\d+/);
  });

  it("sign-in is rate limited per address", async () => {
    const server = await startServer({ env: { LOGIN_RATE_LIMIT: "3" } });
    started.push(server);
    const attempt = () =>
      fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: new URLSearchParams({ email: "convener@demo.test", password: "wrong" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 3).every((s) => s === 400)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});
