import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("shared aims and measures", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the convener creates a measure and an aim, a director enters values, the chart shows median, target and a shift", async () => {
    const convener = await newPage(browser);
    await signIn(convener, "convener@demo.test");
    await convener.goto("/aims");
    await convener.getByRole("link", { name: "New measure" }).click();
    const name = `Seniors with a ride to appointments ${Date.now()}`;
    // Bad input first: nothing chosen, the form says what to fix.
    await convener.getByRole("button", { name: "Create measure" }).click();
    await expect.poll(() => convener.getByText("Name the measure").count()).toBe(1);
    await convener.getByLabel("Name", { exact: true }).fill(name);
    await convener.getByLabel("Type", { exact: true }).selectOption("OUTCOME");
    await convener.getByLabel("Unit", { exact: true }).fill("rides");
    await convener.getByLabel("Which direction is better", { exact: true }).selectOption("HIGHER_IS_BETTER");
    await convener.getByLabel("Points in the baseline period", { exact: true }).fill("6");
    await convener.getByLabel("Arkansas Valley Community Food Bank", { exact: true }).check();
    await convener.getByRole("button", { name: "Create measure" }).click();
    await expect.poll(() => convener.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    const measureUrl = convener.url();

    await convener.goto("/aims/new");
    await convener.getByLabel("Aim statement", { exact: true }).fill("By next year, give 200 seniors a month a ride to their appointments.");
    await convener.getByLabel("For whom", { exact: true }).fill("Seniors without a car");
    await convener.getByLabel("Measure", { exact: true }).selectOption({ label: `${name} (rides)` });
    await convener.getByLabel("Baseline value", { exact: true }).fill("100");
    await convener.getByLabel("Baseline date", { exact: true }).fill("2026-01-01");
    await convener.getByLabel("Target value", { exact: true }).fill("200");
    await convener.getByLabel("Target date", { exact: true }).fill("2025-01-01");
    await convener.getByRole("button", { name: "Create aim" }).click();
    await expect.poll(() => convener.getByText("The target date must come after the baseline date").count()).toBeGreaterThan(0);
    await convener.getByLabel("Target date", { exact: true }).fill("2027-12-01");
    await convener.getByRole("button", { name: "Create aim" }).click();
    await convener.waitForURL("**/aims");
    await expect.poll(() => convener.getByRole("heading", { name: /200 seniors a month/ }).count()).toBe(1);
    await expectNoAxeViolations(convener);

    const director = await newPage(browser);
    await signIn(director, "director@foodbank.demo.test");
    await director.goto(new URL(measureUrl).pathname);
    const periods = await director.getByLabel("Period", { exact: true }).first().locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const values = [100, 104, 98, 102, 99, 101, 130, 135, 133, 138, 140, 142];
    for (const [i, period] of periods.slice(-values.length).entries()) {
      await director.getByLabel("Period", { exact: true }).first().selectOption(period);
      await director.getByLabel("Value (rides)").fill(String(values[i]));
      await director.getByRole("button", { name: "Save value" }).click();
      await expect.poll(() => director.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);
    }
    await expect.poll(() => director.getByText(/^Shift: \d+ points in a row above the median/).count()).toBe(1);
    expect(await director.getByText("The median (100.5) is taken from the first 6 points").count()).toBe(1);
    await expect.poll(() => director.locator(".run-chart svg").count()).toBeGreaterThan(0);
    expect(await director.locator(".recharts-reference-line").count()).toBeGreaterThanOrEqual(2); // median + target
    await expectNoAxeViolations(director);

    // Convener's aims page now tracks the aim on its straight line.
    await convener.reload();
    const card = convener.getByRole("article").filter({ hasText: "200 seniors a month" });
    expect(await card.getByText("142").count()).toBe(1);
    await Promise.all([convener.context().close(), director.context().close()]);
  });

  it("a director imports values from a CSV file and sees a per-row report", async () => {
    const director = await newPage(browser);
    await signIn(director, "director@hospital.demo.test");
    await director.goto("/aims");
    await director.getByRole("link", { name: "Staff hours on referral paperwork" }).click();
    await director.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from("period,value\n2025-01,12\n2025-02,eleven\n2025-02,10\n") });
    await director.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => director.getByText(/Import report: 2 created, 0 updated, 1 rejected/).count()).toBe(1);
    expect(await director.getByText(/"eleven" is not a number/).count()).toBe(1);
    await director.context().close();
  });
});

describe.skipIf(!hasChromium())("the partnership workspace", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the convener sees renewals due and the change in support, and records a decision", async () => {
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/partners");
    await page.getByRole("link", { name: "Partnership workspace" }).click();
    await expect.poll(() => page.getByText("Renewal due soon").count()).toBeGreaterThan(0);
    expect(await page.getByRole("row").filter({ hasText: "Hospital leadership" }).getByText("More support (+2)").count()).toBe(1);
    await page.getByLabel("Decision", { exact: true }).fill("Meet every second Tuesday.");
    await page.getByLabel("How it was decided").selectOption("VOTE");
    await page.getByLabel("Who was present", { exact: true }).fill("Steering group");
    await page.getByRole("button", { name: "Record a decision" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Meet every second Tuesday." }).count()).toBe(1);
    // Next steps from conferences and from the workspace, together per owner.
    await page.getByLabel("What", { exact: true }).fill("Send the renewed BAA for signature");
    await page.getByLabel("Owner (person)", { exact: true }).fill("Maria");
    await page.getByLabel("Owner's organization", { exact: true }).selectOption({ label: "Arkansas Valley General Hospital" });
    await page.getByLabel("Due date", { exact: true }).fill("2030-01-15");
    await page.getByRole("button", { name: "Add a next step" }).click();
    const hospitalSteps = page.getByRole("region", { name: "Arkansas Valley General Hospital" });
    await expect.poll(() => hospitalSteps.getByText("Send the renewed BAA for signature", { exact: true }).count()).toBe(1);
    expect(await hospitalSteps.getByText(/From the conference/).count()).toBeGreaterThan(0); // the demo conference's step
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a director cannot open it", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@hospital.demo.test");
    const response = await page.goto("/partners/workspace");
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});
