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

/** A 390 px phone (touch), the width the issues name for small screens. */
export async function newPhonePage(browser: Browser, { locale = "en-US" }: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), locale, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  return page;
}

/** How far the page scrolls sideways (0 when nothing is wider than the screen). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

export const DEMO_PASSWORD = "coalition-demo";

/**
 * Signs in from the English sign-in page. Sign-in applies the account's stored language (#14), so
 * a test reading the app by its English names asks for English (`?lng=` sets the language cookie
 * without changing the account's preference); `language: "preferred"` keeps what sign-in chose.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { language = "en" }: { language?: "en" | "es" | "preferred" } = {}) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/home");
  if (language !== "preferred") {
    // Unconditionally: right after the client-side redirect the page may not show the chosen language yet.
    await page.goto(`/home?lng=${language}`);
    // The cookie now says so; leave the address clean (a later language choice redirects back to it).
    await page.goto("/home");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(language);
  } else {
    await page.goto("/home");
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** Signs the consent form's signature pad with a zigzag stroke, and waits for it to be taken. */
export async function drawSignature(page: Page) {
  const canvas = page.getByTestId("signature-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, box.y + box.height / 2 + (i % 2 ? -25 : 25), { steps: 3 });
  await page.mouse.up();
  await page.getByText("Signature captured.").waitFor();
}
