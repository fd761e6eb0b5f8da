/**
 * Levels of care and contacts in Chromium on a 390 px phone (issue #15, ADR 097): the care manager's
 * huddle list puts Robert Kline (high level, last reached ten days ago) first, flagged overdue; on
 * his plan she records today's call and the flag clears; the director's supervision view shows the
 * caseload side by side. Nothing scrolls sideways; axe-core finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPhonePage, sidewaysScroll, signIn } from "./browser";

const phone = (browser: Browser) => newPhonePage(browser);
const sideways = sidewaysScroll;

describe.skipIf(!hasChromium())("levels of care and contacts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the overdue client tops the huddle list; a recorded contact clears the flag", async () => {
    const page = await phone(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    await page.goto("/caseload");
    const first = page.locator("ul.care-caseload > li").first();
    await expect(first.textContent()).resolves.toContain("Robert Kline");
    await expect(first.textContent()).resolves.toContain("Contact overdue");
    expect(await sideways(page)).toBe(0);
    await expectNoAxeViolations(page);

    await first.getByRole("link", { name: "Robert Kline" }).click();
    await page.getByRole("heading", { level: 2, name: "Level of care and contacts" }).waitFor();
    await page.getByText("Contact overdue", { exact: true }).first().waitFor();
    await page.getByText("Record a contact").click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save the contact" }) });
    await form.getByLabel("How").selectOption("CALL");
    await form.getByLabel("Note (optional)").fill("Feeling steadier; groceries arrived Friday.");
    await form.getByRole("button", { name: "Save the contact" }).click();
    await page.getByText("Feeling steadier; groceries arrived Friday.").waitFor();
    expect(await page.getByText("Contact overdue", { exact: true }).count()).toBe(0);
    expect(await sideways(page)).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("the director's supervision view fits a phone", async () => {
    const page = await phone(browser);
    await signIn(page, "director@hospital.demo.test");
    await page.goto("/caseload/supervision");
    await page.getByRole("heading", { level: 1, name: "Supervision" }).waitFor();
    await page.getByRole("rowheader", { name: "Priya Raman" }).waitFor();
    // Only "Supervision" is the current page in the nav, not "My caseload" above it as well.
    expect(await page.locator('nav.main-nav a[aria-current="page"]').allTextContents()).toEqual(["Supervision"]);
    expect(await page.getByRole("columnheader", { name: "Ready to graduate" }).count()).toBe(1);
    expect(await sideways(page)).toBe(0);
    await expectNoAxeViolations(page);
  });
});
