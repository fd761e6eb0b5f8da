/**
 * A closed-loop referral in Chromium with two organizations at once: the hospital's care manager
 * sends a referral for a client whose authorization names the food bank (Robert Kline in the demo
 * seed); the food bank's care manager sees it arrive in the inbox without a reload, opens it,
 * accepts and completes it with an outcome; the hospital's open referral page shows each change
 * and the closed loop without a reload. Double-clicking send makes one referral. axe-core on
 * every referral page, in English and in Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, expectNoAxeViolations, hasChromium, launch, newPage, newPhonePage, sidewaysScroll, signIn } from "./browser";

const HOSPITAL = "care.manager@hospital.demo.test";
const FOOD_BANK = "care.manager@foodbank.demo.test";
const FOOD_BANK_NAME = "Arkansas Valley Community Food Bank";
const CLIENT = "Robert Kline";

const shots = process.env.REFERRAL_SCREENSHOTS === "1";
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `/tmp/referral-${name}.png`, fullPage: true });
};

/** A mark that survives only while the page is not reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

const outboxRowsFor = async (page: Page, client: string) => {
  await page.goto("/referrals/sent");
  await page.getByRole("heading", { level: 1, name: "Referrals" }).waitFor();
  return page.locator("table.referral-table tbody tr", { hasText: client }).count();
};

async function openSendForm(page: Page) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Clients" }).click();
  await page.getByRole("link", { name: CLIENT }).click();
  await page.getByRole("heading", { level: 1, name: CLIENT }).waitFor();
  await page.getByRole("link", { name: "Refer", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Send a referral" }).waitFor();
  expect(await page.getByLabel("Client", { exact: true }).inputValue()).not.toBe("");
  await page.getByLabel("Refer to", { exact: true }).selectOption({ label: FOOD_BANK_NAME });
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Food Pantry" });
  await page.getByText(`An authorization in effect covers this organization for everything you chose about ${CLIENT}.`).waitFor();
  // The needs come from the service; the categories default to what the authorization covers.
  expect(await page.getByRole("checkbox", { name: "Food insecurity" }).isChecked()).toBe(true);
  expect(await page.getByRole("checkbox", { name: /^Contact information and demographics/ }).isChecked()).toBe(true);
  expect(await page.getByRole("checkbox", { name: /^Behavioral \(mental\) health/ }).isChecked()).toBe(false);
}

describe.skipIf(!hasChromium())("closed-loop referrals in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the hospital sends, the food bank accepts and completes live, and the hospital sees the loop close live", async () => {
    const hospital = await newPage(browser);
    const foodBank = await newPage(browser);
    await signIn(hospital, HOSPITAL);
    await signIn(foodBank, FOOD_BANK);

    // The food bank watches its inbox.
    await foodBank.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Referrals" }).click();
    await foodBank.getByRole("heading", { level: 1, name: "Referrals" }).waitFor();
    await expectNoAxeViolations(foodBank);
    await shot(foodBank, "inbox-before");
    await markPage(foodBank);

    const before = await outboxRowsFor(hospital, CLIENT);
    await expectNoAxeViolations(hospital);
    await openSendForm(hospital);

    // Asking for more than the authorization covers: the check says what is missing, sending is off.
    await hospital.getByRole("checkbox", { name: /^Behavioral \(mental\) health/ }).check();
    await hospital.getByText("The authorization in effect for Robert Kline does not cover this organization for:").waitFor();
    expect(await hospital.getByRole("button", { name: "Send referral" }).isDisabled()).toBe(true);
    const authorize = hospital.getByRole("link", { name: "Record an authorization" });
    expect(await authorize.getAttribute("href")).toMatch(/\/clients\/[0-9a-f-]{36}\/authorize\?recipient=[0-9a-f-]{36}&category=BEHAVIORAL_HEALTH/);
    await expectNoAxeViolations(hospital);
    await hospital.getByRole("checkbox", { name: /^Behavioral \(mental\) health/ }).uncheck();
    await hospital.getByText(`An authorization in effect covers this organization for everything you chose about ${CLIENT}.`).waitFor();

    await hospital.getByLabel("Priority", { exact: true }).selectOption({ label: "Urgent" });
    await hospital.getByLabel("Note for the recipient", { exact: true }).fill("Discharged today; needs groceries this week. Daughter Janet helps.");
    await expectNoAxeViolations(hospital);
    await shot(hospital, "new");
    await hospital.getByRole("button", { name: "Send referral" }).dblclick();
    await hospital.waitForURL(/\/referrals\/[0-9a-f-]{36}\?sent=1$/);
    const referralPath = new URL(hospital.url()).pathname;
    await hospital.getByText("Referral sent.", { exact: false }).waitFor();
    expect(await hospital.getByRole("heading", { level: 1 }).textContent()).toBe(`Referral to ${FOOD_BANK_NAME}`);
    await expectNoAxeViolations(hospital);
    await markPage(hospital);

    // The food bank's inbox shows it without a reload; the row names the client (the authorization covers contact details) and who sent it.
    const row = foodBank.locator(`table.referral-table a[href="${referralPath}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await stillSamePage(foodBank)).toBe(true);
    const inboxRow = foodBank.locator("table.referral-table tbody tr", { has: foodBank.locator(`a[href="${referralPath}"]`) });
    expect(await inboxRow.textContent()).toContain("Arkansas Valley General Hospital");
    expect(await inboxRow.textContent()).toContain(CLIENT);
    expect(await inboxRow.textContent()).toContain("Sent by Priya Raman");
    expect(await inboxRow.textContent()).toContain("Urgent");
    await foodBank.getByRole("status").filter({ hasText: "New referral from Arkansas Valley General Hospital" }).first().waitFor();
    await expectNoAxeViolations(foodBank);
    await shot(foodBank, "inbox");

    // Opening it shows the consented details and the sender's note.
    await row.click();
    await foodBank.getByRole("heading", { level: 1, name: "Referral from Arkansas Valley General Hospital" }).waitFor();
    await foodBank.getByText(CLIENT, { exact: true }).waitFor();
    await foodBank.getByText("Discharged today; needs groceries this week.", { exact: false }).waitFor();
    await expectNoAxeViolations(foodBank);
    await shot(foodBank, "detail-requested");

    await foodBank.getByRole("button", { name: "Accept", exact: true }).click();
    await foodBank.locator(".referral-header .referral-status").filter({ hasText: "Accepted" }).waitFor();
    // The hospital's open page follows without a reload.
    await hospital.locator(".referral-header .referral-status").filter({ hasText: "Accepted" }).waitFor({ timeout: 10_000 });
    expect(await stillSamePage(hospital)).toBe(true);

    // Complete with an outcome: a dialog asks what happened.
    await foodBank.getByRole("button", { name: "Complete", exact: true }).click();
    const dialog = foodBank.getByRole("dialog", { name: "Complete the referral" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Complete referral" }).click();
    await dialog.getByText("Say what happened for the client.").waitFor();
    await expectNoAxeViolations(foodBank);
    await dialog.getByLabel("What happened for the client", { exact: true }).selectOption({ label: "The client got help" });
    await dialog.getByLabel("Details (optional)", { exact: true }).fill("Enrolled in weekly pantry pick-up; first box delivered.");
    await dialog.getByRole("button", { name: "Complete referral" }).click();
    await foodBank.locator(".referral-header .referral-status").filter({ hasText: "Completed" }).waitFor();
    await shot(foodBank, "detail-completed");

    // The loop closes on the hospital's page, live: status, outcome and timeline.
    await hospital.locator(".referral-header .referral-status").filter({ hasText: "Completed" }).waitFor({ timeout: 10_000 });
    expect(await stillSamePage(hospital)).toBe(true);
    await hospital.getByText("The client got help").first().waitFor();
    const timeline = hospital.locator("ol.timeline");
    expect(await timeline.locator("li").count()).toBe(3);
    expect(await timeline.textContent()).toContain("Enrolled in weekly pantry pick-up");
    await hospital.getByRole("status").filter({ hasText: `${FOOD_BANK_NAME} completed a referral` }).first().waitFor();
    await expectNoAxeViolations(hospital);
    await shot(hospital, "detail-closed");

    // Double-click made one referral; the outbox shows the client and the closed status.
    expect(await outboxRowsFor(hospital, CLIENT)).toBe(before + 1);
    await expectNoAxeViolations(hospital);
    await shot(hospital, "outbox");
    await hospital.context().close();
    await foodBank.context().close();
  });

  it("the client is picked by typing a name, with the keyboard, on a 390 px phone (ADR 104)", async () => {
    const page = await newPhonePage(browser);
    await signIn(page, HOSPITAL);
    await page.goto("/referrals/new");
    await page.getByRole("heading", { level: 1, name: "Send a referral" }).waitFor();
    const picker = page.getByRole("combobox", { name: "Client" });
    await picker.pressSequentially("Kline", { delay: 30 });
    // The result count is announced; the list shows the match with its date of birth.
    await page.getByRole("status").filter({ hasText: "1 client found." }).waitFor();
    const option = page.getByRole("option", { name: /^Robert Kline/ });
    await option.waitFor();
    expect(await picker.getAttribute("aria-expanded")).toBe("true");
    await expectNoAxeViolations(page);
    await shot(page, "picker-open-phone");
    await picker.press("ArrowDown");
    expect(await picker.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe(CLIENT);
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator('input[type="hidden"][name="clientId"]').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    // The check runs for the chosen client.
    await page.getByLabel("Refer to", { exact: true }).selectOption({ label: FOOD_BANK_NAME });
    await page.getByText(`An authorization in effect covers this organization for everything you chose about ${CLIENT}.`).waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, "picker-chosen-phone");
    // Escape closes the list; a second Escape clears the choice.
    await picker.fill("");
    await picker.pressSequentially("Robert", { delay: 30 });
    await option.waitFor();
    await picker.press("Escape");
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    await picker.press("Escape");
    expect(await picker.inputValue()).toBe("");
    expect(await page.locator('input[type="hidden"][name="clientId"]').inputValue()).toBe("");
    await page.context().close();
  });

  it("without JavaScript the picker's Find button lists the matches to choose from", async () => {
    const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(HOSPITAL);
    await page.getByLabel("Password").fill("coalition-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/home");
    await page.goto("/referrals/new?lng=en");
    await page.getByLabel("Client", { exact: true }).fill("Kline");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.waitForURL(/clientQuery=Kline/);
    await page.getByRole("radio", { name: /^Robert Kline/ }).check();
    await shot(page, "picker-nojs");
    await context.close();
  });

  it("a form submitted twice at once still sends one referral", async () => {
    const page = await newPage(browser);
    await signIn(page, HOSPITAL);
    const before = await outboxRowsFor(page, CLIENT);
    await openSendForm(page);
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>("form.referral-form")!;
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}\?sent=1$/);
    expect(await outboxRowsFor(page, CLIENT)).toBe(before + 1);
    await page.context().close();
  });

  it("the referral pages in Spanish, without axe violations", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@foodbank.demo.test");
    await page.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Inicio" }).count()).toBe(1);
    await page.goto("/referrals");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Derivaciones");
    await expectNoAxeViolations(page);
    await shot(page, "inbox-es");
    await page.locator("table.referral-table tbody tr a").first().click();
    await page.getByRole("heading", { level: 1, name: "Derivación de Arkansas Valley General Hospital" }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, "detail-es");
    // The choice is remembered for the account: leave it as other tests expect it.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Home" }).count()).toBe(1);
    await page.context().close();
  });
});
