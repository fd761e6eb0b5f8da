/**
 * Issue #14 defect 2 in the browser: for the food bank's care manager on Spanish pages, the
 * window titles are Spanish, a server validation message is Spanish, numbers are written the
 * Spanish way, and the map's zoom buttons speak Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import es from "../../app/i18n/locales/es";
import en from "../../app/i18n/locales/en";
import { hasChromium, launch, newPage, signIn } from "./browser";

const text = (page: Page) => page.locator("main").innerText().then((s) => s.replace(/[\u00A0\u202F]/g, " "));

describe.skipIf(!hasChromium())("Spanish pages, titles and messages included", () => {
  let browser: Browser;
  let page: Page | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  /** Signed in once, inside a test (the helper polls with expect). The sign-in page is English (the helper finds its fields by their English names); sign-in then chooses Spanish. */
  async function spanishPage(): Promise<Page> {
    if (page) return page;
    const fresh = await newPage(browser);
    await signIn(fresh, "care.manager@foodbank.demo.test", undefined, { language: "es" });
    return (page = fresh);
  }
  afterAll(async () => {
    await browser?.close();
  });

  it("window titles are Spanish", async () => {
    const page = await spanishPage();
    for (const [path, title] of [["/home", es.titles.home], ["/referrals", es.titles.referrals], ["/aims", es.titles.aims], ["/clients/new", es.titles.newClient], ["/conferences", es.titles.conferences]]) {
      await page.goto(path);
      expect(await page.title(), path).toBe(title);
    }
    expect(es.titles.home).toBe("Inicio · Coalition Hub");
  });

  it("a server validation message is Spanish", async () => {
    const page = await spanishPage();
    await page.goto("/clients/new");
    await page.getByRole("button", { name: es.consent.register.submit }).click();
    // The form checks with its schema in the browser first (ADR 077), in the page's language, worded as the server words it.
    await expect.poll(() => page.getByText(es.errors.fields.enterTheClientsFullName).count(), { timeout: 15_000 }).toBeGreaterThan(0).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nAt ${page.url()}:\n${(await text(page)).slice(0, 1500)}`);
    });
    const body = await text(page);
    expect(body).toContain("Escriba la fecha de nacimiento");
    expect(body).not.toContain("Enter the date of birth");
    expect(body).not.toContain(en.errors.fixFields);
  });

  it("a service's refusal the form shows is Spanish on the built server (the send form's check)", async () => {
    const page = await spanishPage();
    await page.goto("/referrals/new");
    const ask = (query: string) => page.evaluate(async (q) => {
      const response = await fetch(`/api/referrals/check?${q}`);
      return { status: response.status, error: ((await response.json()) as { error?: string }).error };
    }, query);
    expect(await ask(`clientId=${crypto.randomUUID()}`)).toEqual({ status: 400, error: es.errors.services.referral.chooseClientAndOrg });
    expect(await ask(`clientId=${crypto.randomUUID()}&recipientOrganizationId=${crypto.randomUUID()}`)).toEqual({ status: 404, error: es.errors.services.notFound.client });
  });

  it("numbers are written the Spanish way", async () => {
    const page = await spanishPage();
    await page.goto("/aims");
    // The loop-closure aim's target, 90 (its unit is "%"): "90 %" in Spanish, where it was a bare "90".
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain("90 %");
    expect(await text(page)).not.toMatch(/shared vignette\(s\)|\(s\)/);
  });

  it("the map's zoom buttons say Acercar and Alejar", async () => {
    const page = await spanishPage();
    await page.goto("/map");
    await expect.poll(() => page.getByRole("button", { name: "Acercar" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole("button", { name: "Alejar" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Zoom in" }).count()).toBe(0);
  });
});
