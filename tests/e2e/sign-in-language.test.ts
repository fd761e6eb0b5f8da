/**
 * Issue #14 defect 3 in the browser: the food bank's care manager prefers Spanish; after a fresh
 * sign-in from the English sign-in page, the app is in Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("the stored language at sign-in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("care.manager@foodbank.demo.test lands on Spanish pages", async () => {
    // The seed stores Spanish for this account; other tests may have chosen English on it since, so choose Spanish first (stored on the account).
    const before = await newPage(browser);
    await signIn(before, "care.manager@foodbank.demo.test");
    await before.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => before.locator("html").getAttribute("lang")).toBe("es");
    await before.context().close();

    // A fresh browser (no language cookie), the sign-in page in English.
    const page = await newPage(browser);
    await signIn(page, "care.manager@foodbank.demo.test", undefined, { language: "preferred" });
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await expect.poll(() => page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Inicio" }).count()).toBe(1);
    await page.context().close();
  });
});
