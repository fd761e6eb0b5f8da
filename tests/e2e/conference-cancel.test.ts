/**
 * Cancelling a conference in Chromium (issue #13): the host's "Cancel conference" asks first
 * (keeping it changes nothing), then the room says it was cancelled and by whom, and the
 * conference leaves the upcoming list for the past one, marked "Cancelled".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("cancelling a conference in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the host confirms before cancelling; the room and the lists then say it was cancelled", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@hospital.demo.test");
    await page.goto("/conferences");
    const title = `Housing review ${Date.now()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Date and time").fill("2030-06-01T10:00");
    await page.getByLabel("Arkansas Valley Community Food Bank").check();
    await page.getByRole("button", { name: "Schedule conference" }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);

    // The first click only asks; "Keep the conference" leaves it as it was.
    await page.getByRole("button", { name: "Cancel conference" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText(/Cancel this conference for everyone invited\?/).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Keep the conference" }).click();
    expect(await page.getByText(/This conference was cancelled/).count()).toBe(0);

    await page.getByRole("button", { name: "Cancel conference" }).click();
    await dialog.getByRole("button", { name: "Yes, cancel the conference" }).click();
    await expect.poll(() => page.getByText(/This conference was cancelled by .+ on /).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Cancel conference" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto("/conferences");
    const upcoming = page.getByRole("region", { name: "Upcoming and live" });
    const past = page.getByRole("region", { name: "Past conferences" });
    expect(await upcoming.getByText(title).count()).toBe(0);
    await expect.poll(() => past.getByRole("listitem").filter({ hasText: title }).getByText("Cancelled", { exact: true }).count()).toBe(1);
  });
});
