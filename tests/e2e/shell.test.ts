import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("the hub in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const roles = [
    { email: "convener@demo.test", org: "Coalition Office", people: true, coalitionSettings: true },
    { email: "director@hospital.demo.test", org: "Hospital", people: true, coalitionSettings: false },
    { email: "care.manager@hospital.demo.test", org: "Hospital", people: false, coalitionSettings: false },
    { email: "director@foodbank.demo.test", org: "Food Bank", people: true, coalitionSettings: false },
  ];

  for (const role of roles) {
    it(`${role.email} signs in, sees who they are and the right navigation, and signs out`, async () => {
      const page = await newPage(browser);
      await signIn(page, role.email);
      const header = page.getByRole("banner");
      await expect.poll(() => header.textContent()).toMatch(/Signed in as/);
      expect(await header.textContent()).toContain(role.org);
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      for (const area of ["Home", "Map", "Referrals", "Clients", "Conferences", "Aims", "Partners"]) {
        await expect.poll(() => nav.getByRole("link", { name: area, exact: true }).count()).toBe(1);
      }
      expect(await nav.getByRole("link", { name: "People" }).count()).toBe(role.people ? 1 : 0);
      expect(await nav.getByRole("link", { name: "Coalition settings" }).count()).toBe(role.coalitionSettings ? 1 : 0);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/login?signedOut=1");
      await page.goto("/home");
      await page.waitForURL(/\/login\?redirectTo=%2Fhome/);
      await page.context().close();
    });
  }

  it("the care manager of the food bank (Spanish preference) can switch the language, and it sticks", async () => {
    const page = await newPage(browser);
    await signIn(page, "care.manager@foodbank.demo.test");
    await page.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Inicio" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByRole("link", { name: "Socios" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Socios");
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Home" }).count()).toBe(1);
    await page.context().close();
  });

  it("Accept-Language: es serves the sign-in page in Spanish", async () => {
    const page = await newPage(browser, { locale: "es-MX" });
    await page.goto("/login");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Iniciar sesión");
    await page.context().close();
  });

  it("a wrong password shows an error and stays on sign-in", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await page.getByLabel("Email").fill("convener@demo.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/do not match/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.context().close();
  });

  it("an anonymous visit to a signed-in page goes to sign-in and comes back afterwards", async () => {
    const page = await newPage(browser);
    await page.goto("/partners");
    await page.waitForURL(/\/login\?redirectTo=%2Fpartners/);
    await page.getByLabel("Email").fill("director@hospital.demo.test");
    await page.getByLabel("Password").fill("coalition-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/partners");
    await expect.poll(() => page.getByRole("listitem").count()).toBeGreaterThanOrEqual(20);
    await page.context().close();
  });

  it("a person in two organizations switches between them from the header", async () => {
    const page = await newPage(browser);
    await signIn(page, "multi.org@demo.test");
    const select = page.getByLabel("Switch organization");
    await expect.poll(() => select.locator("option").count()).toBe(2);
    const before = await page.locator(".whoami__org").textContent();
    const other = await select.locator("option:not(:checked)").getAttribute("value");
    await select.selectOption(other!);
    await page.getByRole("button", { name: "Switch", exact: true }).click();
    await expect.poll(() => page.locator(".whoami__org").textContent()).not.toBe(before);
    await page.context().close();
  });

  it("an unknown URL shows the 404 page", async () => {
    const page = await newPage(browser);
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await page.context().close();
  });

  it("axe-core finds no violations on the sign-in page and the signed-in pages, in English and Spanish", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await expectNoAxeViolations(page);
    await signIn(page, "convener@demo.test");
    for (const path of ["/home", "/partners", "/organization/people", "/organization/api-keys", "/organization/webhooks", "/coalition/settings", "/map"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    await page.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
    await page.goto("/home");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
