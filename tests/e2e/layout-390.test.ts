/**
 * What a new user hit on a phone and in the navigation (issue 14): no sideways scrolling at 390 px
 * on /aims and /map/coverage (defect 10), inputs that carry the server's length limit (defect 5),
 * and no navigation entry that answers 403 (defect 8).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { EMAIL_MAX, PERSON_NAME_MAX } from "~/modules/org/schemas";
import { WinSchema } from "~/modules/aims/schemas";
import { InformalAssetSchema } from "~/modules/directory/schemas";
import { maxLengthOf } from "~/utils/form-fields";
import { baseURL, hasChromium, launch, newPage, signIn } from "./browser";

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: "en-US", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  return page;
}

/** scrollWidth vs clientWidth of the page, and the elements that stick out past the right edge. */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length > 0)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });

describe.skipIf(!hasChromium())("a 390 px wide phone, and the navigation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const path of ["/aims", "/map/coverage", "/partners/workspace"]) {
    it(`${path} does not scroll sideways at 390 px (convener)`, async () => {
      const page = await phone(browser);
      await signIn(page, "convener@demo.test");
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `/tmp/n14b-390${path.replaceAll("/", "-")}.png`, fullPage: true });
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, overflow.culprits.join("\n")).toBeLessThanOrEqual(overflow.clientWidth);
      await page.context().close();
    });
  }

  it("the referral flow page does not scroll sideways at 390 px (its not-a-good-fit table scrolls inside its card)", async () => {
    const page = await phone(browser);
    await signIn(page, "director@hospital.demo.test");
    await page.goto("/referrals/flow?days=365");
    await page.getByRole("region", { name: /^Table: “Not a good fit”/ }).waitFor();
    const overflow = await horizontalOverflow(page);
    await page.context().close();
    expect(overflow.scrollWidth, overflow.culprits.join("\n")).toBeLessThanOrEqual(overflow.clientWidth);
  });

  it("the referral inbox does not scroll sideways at 390 px (long organization names in its filter)", async () => {
    const page = await phone(browser);
    await signIn(page, "care.manager@foodbank.demo.test");
    await page.goto("/referrals");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    const overflow = await horizontalOverflow(page);
    // The table scrolls inside its own frame; the page itself must not.
    expect(overflow.scrollWidth, overflow.culprits.join("\n")).toBeLessThanOrEqual(overflow.clientWidth);
    await page.context().close();
  });

  it("the win form's inputs carry the schema's limits", async () => {
    const page = await phone(browser);
    await signIn(page, "director@foodbank.demo.test");
    await page.goto("/aims");
    expect(await page.getByLabel("Title").getAttribute("maxlength")).toBe(String(maxLengthOf(WinSchema.shape.title)));
    expect(await page.getByLabel("The story").getAttribute("maxlength")).toBe(String(maxLengthOf(WinSchema.shape.story)));
    await page.context().close();
  });

  it("the informal asset form's inputs carry the schema's limits", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@foodbank.demo.test");
    await page.goto("/map");
    await page.getByRole("button", { name: "Add an informal asset" }).click();
    const { shape } = InformalAssetSchema;
    for (const [label, field] of [["Name", shape.name], ["What it offers, and to whom", shape.description], ["Address or landmark", shape.address], ["Why your organization vouches for it", shape.vouchNote]] as const) {
      expect(await page.getByLabel(label, { exact: true }).getAttribute("maxlength"), label).toBe(String(maxLengthOf(field)));
    }
    await page.context().close();
  });

  it("a 300-character word in a user's text wraps instead of widening the page", async () => {
    const page = await phone(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/organization/people");
    const email = page.getByLabel("Email");
    expect(await email.getAttribute("maxlength")).toBe(String(EMAIL_MAX));
    // The browser stops typing at the limit.
    await email.fill("x".repeat(EMAIL_MAX + 50));
    expect((await email.inputValue()).length).toBe(EMAIL_MAX);
    await email.fill(`${"w".repeat(240)}@example.test`);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByTestId("invite-link").waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.culprits.join("\n")).toBeLessThanOrEqual(overflow.clientWidth);
    const link = await page.getByTestId("invite-link").textContent();
    await page.context().close();

    const invitee = await phone(browser);
    await invitee.goto(new URL(link!).pathname);
    expect(await invitee.getByLabel("Your name").getAttribute("maxlength")).toBe(String(PERSON_NAME_MAX));
    await invitee.context().close();
  });

  it("multi.org as the hospital's staff is not offered Clients, and every nav link opens", async () => {
    const page = await newPage(browser);
    await signIn(page, "multi.org@demo.test");
    await page.getByLabel("Switch organization").selectOption({ label: "Arkansas Valley General Hospital (Staff)" });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect.poll(() => page.locator(".whoami__org").textContent()).toBe("Arkansas Valley General Hospital · Staff");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    expect(hrefs).not.toContain("/clients");
    expect(hrefs).toContain("/referrals");
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    await page.context().close();
  });
});
