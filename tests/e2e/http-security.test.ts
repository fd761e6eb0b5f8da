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

describe("caching (finding 7)", () => {
  it("every signed-in page and its .data answer Cache-Control: no-store", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    for (const path of ["/home", "/home.data", "/clients", "/clients.data", "/referrals", "/referrals.data", "/conferences", "/partners.data", "/organization/people"]) {
      const res = await fetch(`${baseURL()}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const action = await fetch(`${baseURL()}/settings/language.data`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL(), cookie },
      body: new URLSearchParams({ locale: "en", redirectTo: "/home" }),
    });
    expect(action.headers.get("cache-control")).toBe("no-store");
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

  it("with the database down, /healthz is 503 and pages answer 503 with a friendly error", async () => {
    const secret = "db-down-test-secret-0123456789-abcdefghijklmn";
    const server = await startServer({ env: { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", SESSION_SECRET: secret, FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"), EXPECT_UNHEALTHY: "1" } });
    started.push(server);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable" });

    const cookie = await createCookie("hub_session", { secrets: [secret] }).serialize(crypto.randomUUID());
    const page = await fetch(`${server.url}/home`, { headers: { cookie: cookie.split(";")[0] } });
    // The database out of reach is a 503 with Retry-After and the "try again" page (ADR 090), not a 500.
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    const html = await page.text();
    expect(html).toContain("The hub cannot reach its database");
    expect(html).toContain("Everything already saved is safe");
    expect(html).not.toMatch(/ECONNREFUSED|PrismaClient|at .*\.js:\d+/);
  });

  it("sign-in limits hold on every path to the action: 15 wrong passwords, then the right one is refused like a wrong one", async () => {
    const server = await startServer({ env: { LOGIN_RATE_LIMIT: "10", LOGIN_RATE_LIMIT_PER_ADDRESS: "20" } });
    started.push(server);
    const attempt = async (path: string, email: string, password: string) => {
      const res = await fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: new URLSearchParams({ email, password }),
      });
      return { status: res.status, body: await res.text(), cookie: res.headers.getSetCookie().find((c) => c.startsWith("hub_session=")) };
    };
    // The page's own JavaScript posts to /login.data; the limit counts /login and its variants alike.
    const paths = ["/login.data", "/login.data?index", "/login", "/login?index"];
    const wrong: { status: number; body: string }[] = [];
    for (let i = 0; i < 15; i++) {
      const path = paths[i % paths.length];
      const result = await attempt(path, "convener@demo.test", `wrong ${i}`);
      if (path.startsWith("/login.data")) wrong.push({ status: result.status, body: result.body });
    }
    const right = await attempt("/login.data", "convener@demo.test", "coalition-demo");
    expect(right.cookie).toBeUndefined();
    // Indistinguishable from a wrong password: same status, same body.
    expect({ status: right.status, body: right.body }).toEqual(wrong[0]);
    expect(wrong[0].status).toBe(400);

    // Another account from the same address signs in.
    const colleague = await attempt("/login.data", "director@foodbank.demo.test", "coalition-demo");
    expect(colleague.cookie).toBeDefined();

    // The address itself: 16 failures so far; at 20 it is paused for every account (429).
    for (let i = 0; i < 4; i++) expect((await attempt("/login.data", `nobody.${i}@example.test`, "guess")).status).toBe(400);
    expect((await attempt("/login", "director@foodbank.demo.test", "coalition-demo")).status).toBe(429);
  });

});

describe("the legacy ?_data= protocol", () => {
  it("is refused with a 400 on every route (it made /login and /settings/password answer 500)", async () => {
    const cookie = await signInOverHttp(baseURL(), "convener@demo.test");
    for (const [path, headers] of [
      ["/login?_data=routes%2Flogin", {}],
      ["/settings/password?_data=routes%2F_app.settings.password", { cookie }],
      ["/home?_data=routes%2F_app.home", { cookie }],
    ] as const) {
      const res = await fetch(`${baseURL()}${path}`, { headers, redirect: "manual" });
      expect(res.status, path).toBe(400);
      expect((await res.json()).error).toMatch(/\.data URL/);
    }
    // The single-fetch protocol the app uses is untouched.
    expect((await fetch(`${baseURL()}/home.data`, { headers: { cookie } })).status).toBe(200);
  });
});
