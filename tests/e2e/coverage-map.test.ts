/**
 * "Show on the map" from the coverage page lands on a map that counts what the coverage counted
 * (issue 14, defect 14: coverage 9 housing-instability assets, the map 8).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("coverage and map", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the convener follows Housing instability from the coverage to the map and sees the same number", async () => {
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/map/coverage");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Housing instability/ }) });
    const assets = Number((await row.getByRole("cell").nth(1).textContent())!.trim().split(/\s/)[0]);
    expect(assets).toBeGreaterThan(0);
    await row.getByRole("link", { name: /Show on the map/ }).click();
    await page.waitForURL("**/map?sdoh=housing-instability");
    const status = page.locator(".map-status");
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/assets? in view/);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => status.textContent()).toBe(`${assets} assets in view.`);
    await page.context().close();
  });
});
