/**
 * Referral pathways in Chromium (issue #16): the food bank's director publishes the Food Pantry's
 * pathway and issues a link to a practice off the hub; a clinician with no account opens it on a
 * 390 px phone, is refused without the client's agreement, submits, and sees only a reference
 * number; the food bank's care manager, watching the inbox, sees the external referral arrive
 * without a reload. axe-core on the public pages (English and Spanish) and on the new pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, newPhonePage, sidewaysScroll, signIn } from "./browser";

const DIRECTOR = "director@foodbank.demo.test";
const CARE_MANAGER = "care.manager@foodbank.demo.test";
const shots = process.env.PATHWAY_SCREENSHOTS === "1";
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `/tmp/pathway-${name}.png`, fullPage: true });
};

describe.skipIf(!hasChromium())("referral pathways in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a clinician with no account refers through the practice's link on a phone; the care manager sees it arrive live", async () => {
    const director = await newPage(browser);
    await signIn(director, DIRECTOR);
    await director.goto("/organization/pathways");
    await director.getByRole("heading", { level: 1, name: "Referral pathways" }).waitFor();
    await expectNoAxeViolations(director);
    await director.getByRole("link", { name: "Food Pantry" }).first().click();
    await director.getByRole("heading", { level: 1, name: /Referral pathway: Food Pantry/ }).waitFor();
    const group = (legend: string) => director.getByRole("group", { name: legend });
    await group("Who it is for").getByLabel("English").fill("Households in the valley who are short of food this month");
    await group("Who it is for").getByLabel("Spanish").fill("Hogares del valle a los que les falta comida este mes");
    await group("Who it is not for").getByLabel("English").fill("Anyone in a medical emergency: call 911");
    await group("Who it is not for").getByLabel("Spanish").fill("Emergencias médicas: llame al 911");
    await group("What to send").getByLabel("English").fill("Household size and the best time to call");
    await group("What to send").getByLabel("Spanish").fill("Tamaño del hogar y la mejor hora para llamar");
    await director.getByLabel("Contact for questions").fill("Pantry intake desk");
    await director.getByLabel("Contact phone").fill("719-555-0150");
    await director.getByRole("checkbox", { name: /^Published/ }).check();
    await director.getByRole("button", { name: "Save pathway" }).click();
    await director.getByText("Pathway saved.").waitFor();
    await director.getByLabel("Practice name").fill("Valley Family Medicine");
    await director.getByRole("button", { name: "Issue link" }).click();
    const url = (await director.getByTestId("practice-link").textContent())!.trim();
    expect(url).toMatch(/\/refer\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(director);
    await shot(director, "editor");
    const publicPath = await director.getByRole("link", { name: "Public page" }).getAttribute("href");

    // The care manager watches the inbox.
    const careManager = await newPage(browser);
    await signIn(careManager, CARE_MANAGER);
    await careManager.goto("/referrals");
    await careManager.getByRole("heading", { level: 1, name: "Referrals" }).waitFor();
    await careManager.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    // The public pathway page, no sign-in, on a phone, in English and Spanish.
    const phone = await newPhonePage(browser);
    await phone.goto(publicPath!);
    await phone.getByRole("heading", { level: 1, name: "Food Pantry" }).waitFor();
    await phone.getByText("Anyone in a medical emergency: call 911").waitFor();
    expect(await sidewaysScroll(phone)).toBe(0);
    await expectNoAxeViolations(phone);
    const phoneEs = await newPhonePage(browser, { locale: "es-MX" });
    await phoneEs.goto(publicPath!);
    await phoneEs.getByText("Emergencias médicas: llame al 911").waitFor();
    await expectNoAxeViolations(phoneEs);
    await shot(phoneEs, "public-es");

    // The referral form behind the link.
    await phone.goto(new URL(url).pathname);
    await phone.getByRole("heading", { level: 1, name: "Refer a client to Food Pantry" }).waitFor();
    expect(await sidewaysScroll(phone)).toBe(0);
    await expectNoAxeViolations(phone);
    await phone.getByLabel("Client's full name").fill("Teresa Montoya");
    await phone.getByLabel("Date of birth").fill("1958-09-30");
    await phone.getByLabel("Phone or email to reach the client").fill("719-555-0177");
    await phone.getByLabel("Main need").selectOption("food-insecurity");
    await phone.getByLabel("Reason for the referral").fill("Skipping meals to pay for insulin");
    await phone.getByLabel("Your name").fill("Dr. Ana Ruiz");
    await phone.getByLabel("Callback number").fill("719-555-0142");
    // A person takes more than the form's minimum fill time; wait it out rather than race it.
    await phone.waitForTimeout(3_200);
    await phone.getByRole("button", { name: "Send referral" }).click();
    // Without the client's agreement: refused, with the reason, nothing sent.
    await phone.getByText(/Confirm that the client agreed to this referral/).first().waitFor();
    await phone.getByRole("checkbox", { name: /The client agreed to this referral/ }).check();
    await phone.getByRole("button", { name: "Send referral" }).click();
    const reference = (await phone.getByTestId("reference").textContent())!;
    expect(reference).toMatch(/PW-[A-Z0-9]{8}/);
    expect(await phone.content()).not.toContain("Teresa");
    await expectNoAxeViolations(phone);
    await shot(phone, "sent");

    // It arrives in the care manager's inbox without a reload, marked external.
    const code = reference.match(/PW-[A-Z0-9]{8}/)![0];
    await careManager.getByRole("link", { name: code }).waitFor();
    expect(await careManager.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true)).toBe(true);
    await careManager.getByRole("row", { name: new RegExp(code) }).getByText("Valley Family Medicine").waitFor();
    await expectNoAxeViolations(careManager);
    await careManager.getByRole("link", { name: code }).click();
    await careManager.getByRole("heading", { level: 1, name: `External referral ${code}` }).waitFor();
    await careManager.getByText("Skipping meals to pay for insulin").waitFor();
    await expectNoAxeViolations(careManager);
    await shot(careManager, "intake");

    // A revoked link answers the same page as an unknown one.
    await director.getByRole("button", { name: /Revoke/ }).first().click();
    await director.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await director.getByRole("cell", { name: "Revoked" }).waitFor();
    await phone.goto(new URL(url).pathname);
    const revoked = await phone.getByRole("heading", { level: 1 }).textContent();
    await phone.goto(`/refer/${"A".repeat(43)}`);
    expect(await phone.getByRole("heading", { level: 1 }).textContent()).toBe(revoked);
    expect(revoked).toBe("This referral link is not active");
  });
});
