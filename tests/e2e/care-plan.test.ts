/**
 * The care journey's first slice in Chromium on a 390 px phone (issue #15): a care manager
 * registers a client, enrolls them, co-creates a plan with two goals in the client's words,
 * puts the second first, and gives a next step to the food bank; the plan and the caseload show
 * it, nothing scrolls sideways, axe-core finds nothing. Setting a goal aside asks first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPhonePage, sidewaysScroll, signIn } from "./browser";

const phone = (browser: Browser) => newPhonePage(browser);
const sideways = sidewaysScroll;

describe.skipIf(!hasChromium())("the care plan", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a care manager creates a plan with two goals and a next step for a partner", async () => {
    const name = `Rosa Delgado ${Date.now().toString(36)}`;
    const page = await phone(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    await page.goto("/clients/new");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Date of birth").fill("1958-02-11");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1/);
    await page.getByRole("link", { name: "Care plan" }).click();
    await page.getByRole("heading", { level: 1, name: `Care plan: ${name}` }).waitFor();
    expect(await page.getByText("No enrollment decision yet.").count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Enroll" }).click();
    await page.getByText("Enrolled", { exact: true }).waitFor();
    await page.getByText("No goals yet.", { exact: false }).waitFor();

    const goalField = page.getByLabel("The goal, in the client's words");
    await goalField.fill("Get back to church on Sundays");
    await page.getByRole("button", { name: "Add a goal" }).click();
    await page.locator("li.care-goal").filter({ hasText: "Get back to church on Sundays" }).waitFor();
    await goalField.fill("Cook dinner for my grandchildren");
    await page.getByRole("button", { name: "Add a goal" }).click();
    await page.locator("li.care-goal").filter({ hasText: "Cook dinner for my grandchildren" }).waitFor();

    // The client's order: the second goal goes first.
    await page.getByRole("button", { name: "Move up: Cook dinner for my grandchildren" }).click();
    await expect.poll(() => page.locator("li.care-goal .care-goal-text").first().textContent()).toContain("Cook dinner");

    const goal = page.locator("li.care-goal").filter({ hasText: "Cook dinner for my grandchildren" });
    await goal.locator("summary", { hasText: "Add a next step" }).click();
    await goal.getByLabel("What happens next").fill("Deliver a box of groceries");
    await goal.getByLabel("Who does it").selectOption({ label: "A partner organization" });
    await goal.getByLabel("Partner organization").selectOption({ label: "Arkansas Valley Community Food Bank" });
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await goal.getByLabel("By when").fill(due);
    await goal.getByRole("button", { name: "Add a next step" }).click();
    await page.locator("li.care-goal").filter({ hasText: "Deliver a box of groceries" }).locator("span").getByText("Arkansas Valley Community Food Bank", { exact: false }).first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    // Setting a goal aside asks first; keeping it changes nothing.
    const church = page.locator("li.care-goal").filter({ hasText: "Get back to church on Sundays" });
    await church.getByRole("button", { name: "Set aside" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/Set this goal aside\?/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator("li.care-goal").count()).toBe(2);

    // The caseload lists the client, with the step due and the review not done yet.
    await page.goto(`/caseload?q=${encodeURIComponent(name.split(" ")[2])}`);
    await page.getByRole("heading", { level: 1, name: "My caseload" }).waitFor();
    const row = page.getByRole("listitem").filter({ hasText: name });
    await row.getByText("Review due").waitFor();
    await row.getByText(/1 next step due by/).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
