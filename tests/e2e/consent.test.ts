/**
 * Clients and consent in Chromium, as a care manager and a partner would use them: register a
 * client, record and sign an authorization naming the food bank, print the client's copy, see
 * the food bank's view and the accounting, revoke, and see the change. axe-core on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { drawSignature, expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("clients and consent", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("register, sign, print, share, revoke — and the disclosure view follows", async () => {
    const name = `Lucía Fernández ${Date.now().toString(36)}`;
    const page = await newPage(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Clients" }).click();
    await page.getByRole("heading", { level: 1, name: "Clients" }).waitFor();
    await expectNoAxeViolations(page);

    // Register: a same-name-and-birth-date client is offered first (the seed has María Elena Ortiz).
    await page.getByRole("link", { name: "Register a client" }).first().click();
    await page.getByLabel("Full name").fill("maria elena ortiz");
    await page.getByLabel("Date of birth").fill("1971-03-14");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.getByRole("heading", { name: "This may be someone already registered" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Date of birth").fill("1988-08-08");
    await page.getByLabel("Phone or email").fill("719-555-0188");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1/);
    const clientUrl = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByTestId("nobody-else").count()).toBe(1);
    await expectNoAxeViolations(page);

    // Record the authorization; first without anything: clear errors, nothing recorded.
    await page.getByRole("link", { name: "Record an authorization" }).click();
    await page.getByRole("button", { name: "Record signed authorization" }).click();
    await page.getByText("Choose at least one kind of information").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Contact information and demographics").check();
    await page.getByLabel("Social needs (food, housing, transportation…)").check();
    await page.getByLabel("Arkansas Valley Community Food Bank").check();
    await page.getByLabel("Purpose").fill("Food boxes and SNAP application help");
    await page.getByLabel("Ends on").fill(`${new Date().getFullYear() + 1}-12-31`);
    await page.getByLabel("I explained the right to revoke and how.").check();
    await page.getByLabel("I explained that services do not depend on signing.").check();
    await page.getByLabel("I explained that the recipient may share it again.").check();
    await drawSignature(page);
    await page.getByRole("button", { name: "Record signed authorization" }).click();
    await page.waitForURL(/\?recorded=1/);
    const today = page.getByTestId("who-can-see");
    await expect.poll(() => today.textContent()).toContain("Arkansas Valley Community Food Bank");
    expect(await today.textContent()).toContain("Social needs");
    await expectNoAxeViolations(page);

    // The client's copy: print-ready (the app's header disappears in print), with the signature.
    await page.getByRole("link", { name: /Client's copy/ }).click();
    await page.getByRole("heading", { level: 1, name: "Authorization to share information" }).waitFor();
    expect(await page.getByRole("img", { name: /Signature: / }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Authorization to share information" }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    const pdf = await page.request.get(await page.getByRole("link", { name: "Download PDF" }).getAttribute("href").then((h) => h!));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The food bank opens the client: only what was consented, and it is accounted for.
    const partner = await newPage(browser);
    await signIn(partner, "director@foodbank.demo.test");
    await partner.goto("/clients");
    await partner.getByRole("heading", { name: "Shared with Arkansas Valley Community Food Bank" }).waitFor();
    await expectNoAxeViolations(partner);
    expect(await partner.getByRole("main").textContent()).not.toContain(name); // the list names nobody
    await partner.locator(`a[href="${clientUrl}"]`).click();
    await partner.getByRole("heading", { level: 1, name }).waitFor();
    expect(await partner.getByText("719-555-0188").count()).toBe(1);
    await expectNoAxeViolations(partner);

    await page.goto(`${clientUrl}/disclosures`);
    await page.getByRole("cell", { name: "Arkansas Valley Community Food Bank" }).waitFor();
    await expectNoAxeViolations(page);

    // Revoke (with confirmation): the view changes at once, and the food bank gets a 404.
    await page.goto(clientUrl);
    await page.getByRole("button", { name: /^Revoke/ }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this authorization" });
    await dialog.getByLabel("How was the revocation received?").selectOption("MAIL");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Authorization revoked. Nothing more will be shared under it.").waitFor();
    await expect.poll(() => page.getByTestId("nobody-else").count()).toBe(1);
    expect(await page.getByText("Revoked", { exact: true }).count()).toBeGreaterThan(0);

    const response = await partner.goto(clientUrl);
    expect(response?.status()).toBe(404);
    await partner.context().close();
    await page.context().close();
  });

  it("the hospital director sees the audit trail, filters it and verifies the chain", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@hospital.demo.test");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Audit" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await page.getByLabel("Action").selectOption("client.registered");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=client.registered/);
    const actions = await page.locator(".audit-table tbody td:nth-child(4)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["client.registered"]));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Verify audit chain" }).click();
    await page.getByText(/The audit chain is intact: \d+ events verified/).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a care manager has no Audit link and the page is refused", async () => {
    const page = await newPage(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    expect(await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Audit" }).count()).toBe(0);
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});
