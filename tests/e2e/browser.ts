/** Playwright (playwright-core) driving Debian's Chromium, as a person would: by role and label. */
import { chromium, type Browser, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { inject, expect } from "vitest";

export const baseURL = () => inject("baseURL");
export const hasChromium = () => inject("chromiumPath") !== null;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromiumPath")!,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export async function newPage(browser: Browser, { locale = "en-US" }: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), locale, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  return page;
}

export const DEMO_PASSWORD = "coalition-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/home");
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
