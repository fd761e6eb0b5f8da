/** Changing one's password in the browser (finding 9): reachable from the header, says why a password is too easy, ends other sessions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { baseURL, expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";
import { acceptOverHttp, inviteOverHttp, signInOverHttp } from "./http";

describe.skipIf(!hasChromium())("changing one's password", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("from the header: an easy password is refused with the reason, a strong one ends the other sessions", async () => {
    // A person of their own, so the demo accounts keep their password for the other tests.
    const director = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const email = `changer.${Date.now()}@foodbank.demo.test`;
    const first = "lantern orchard bicycle";
    await acceptOverHttp(baseURL(), await inviteOverHttp(baseURL(), director, email), "Pat Changer", first);
    const otherSession = await signInOverHttp(baseURL(), email, first);

    const page = await newPage(browser);
    await signIn(page, email, first);
    await page.getByRole("link", { name: "Change password" }).click();
    await page.waitForURL("**/settings/password");
    await expectNoAxeViolations(page);

    await page.getByLabel("Current password", { exact: true }).fill(first);
    await page.getByLabel("New password", { exact: true }).fill("aaaaaaaaaa");
    await page.getByLabel("Repeat the new password").fill("aaaaaaaaaa");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.locator(".field-error").filter({ hasText: /easy to guess.*Repeated characters/ }).count(), { timeout: 10_000 }).toBe(1);

    const second = "copper kettle meadow";
    await page.getByLabel("Current password", { exact: true }).fill(first);
    await page.getByLabel("New password", { exact: true }).fill(second);
    await page.getByLabel("Repeat the new password").fill(second);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Your password is changed" }).count(), { timeout: 10_000 }).toBe(1);

    // This tab stays signed in; the other session is over.
    await page.goto("/home");
    expect(new URL(page.url()).pathname).toBe("/home");
    const other = await fetch(`${baseURL()}/home`, { headers: { cookie: otherSession }, redirect: "manual" });
    expect(other.status).toBe(302);
    expect(other.headers.get("location")).toMatch(/^\/login/);
    await page.context().close();
  });
});
