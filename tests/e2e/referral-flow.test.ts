import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";

const shot = async (page: Page, name: string) => {
  if (process.env.REFERRAL_FLOW_SCREENSHOTS === "1") await page.screenshot({ path: `/tmp/referral-flow-${name}.png`, fullPage: true });
};

describe.skipIf(!hasChromium())("referral flow page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a director finds it from home, sees the grid and its table, and only their own not-a-good-fit explanation; axe finds nothing", async () => {
    const director = await newPage(browser);
    await signIn(director, "director@hospital.demo.test");
    await director.getByRole("link", { name: "Referral flow between partners" }).click();
    await director.waitForURL("**/referrals/flow");
    await expect.poll(() => director.getByRole("heading", { level: 1 }).textContent()).toBe("Referral flow between partners");
    await expect.poll(() => director.getByRole("img", { name: /Referrals sent from each partner/ }).count()).toBe(1);
    expect(await director.getByRole("table", { name: "Flow by pair of partners" }).count()).toBe(1);
    // The hospital's own decline (by the housing authority) shows its explanation; the FQHC's does not.
    expect(await director.getByText(/voucher waiting list/).count()).toBe(1);
    expect(await director.getByText(/diabetic-friendly/).count()).toBe(0);
    expect(await director.getByText("Shown only to the two organizations and the conveners").count()).toBe(1);
    await expectNoAxeViolations(director);
    await shot(director, "director");
    await director.getByRole("link", { name: "Last 365 days" }).click();
    await director.waitForURL("**/referrals/flow?days=365");
    await expect.poll(() => director.getByRole("link", { name: "Last 365 days" }).getAttribute("aria-current")).toBe("page");
    await director.context().close();
  });

  it("in Spanish for a convener, who reads both explanations; a care manager is refused", async () => {
    const convener = await newPage(browser);
    await signIn(convener, "convener@demo.test");
    await convener.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => convener.getByRole("link", { name: "Inicio" }).count()).toBe(1);
    await convener.goto("/referrals/flow");
    await expect.poll(() => convener.getByRole("heading", { level: 1 }).textContent()).toBe("Flujo de derivaciones entre socios");
    expect(await convener.getByText(/diabetic-friendly/).count()).toBe(1);
    expect(await convener.getByText(/voucher waiting list/).count()).toBe(1);
    await expectNoAxeViolations(convener);
    await shot(convener, "convener-es");
    // The choice is remembered for the account: leave it as other tests expect it.
    await convener.getByRole("button", { name: "English" }).click();
    await expect.poll(() => convener.getByRole("link", { name: "Home" }).count()).toBe(1);
    await convener.context().close();

    const careManager = await newPage(browser);
    await signIn(careManager, "care.manager@hospital.demo.test");
    const response = await careManager.goto("/referrals/flow");
    expect(response?.status()).toBe(403);
    await careManager.context().close();
  });
});
