import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, newPage, signIn } from "./browser";

describe.skipIf(!hasChromium())("inviting a person", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a director invites a care manager, who joins through the link, and the director sees it live", async () => {
    const director = await newPage(browser);
    await signIn(director, "director@foodbank.demo.test");
    await director.getByRole("link", { name: "People" }).click();
    const email = `volunteer.${Date.now()}@foodbank.demo.test`;
    await director.getByLabel("Email").fill(email);
    await director.getByLabel("Role").selectOption("CARE_MANAGER");
    await director.getByRole("button", { name: "Send invitation" }).click();
    const link = await director.getByTestId("invite-link").textContent();
    expect(link).toMatch(/\/invites\//);
    await expect.poll(() => director.getByRole("cell", { name: email }).count()).toBe(1);

    // Bad input first: a short password is refused with a message on the field.
    const invitee = await newPage(browser);
    await invitee.goto(new URL(link!).pathname);
    await invitee.getByLabel("Your name").fill("Vera Volunteer");
    await invitee.getByLabel("Choose a password").fill("short");
    await invitee.getByLabel("Repeat the password").fill("short");
    await invitee.getByRole("button", { name: "Join" }).click();
    await expect.poll(() => invitee.getByText("Use at least 10 characters").count()).toBe(1);

    // Long enough but easy to guess: refused, and the person is told why (zxcvbn's feedback).
    await invitee.getByLabel("Choose a password").fill("aaaaaaaaaa");
    await invitee.getByLabel("Repeat the password").fill("aaaaaaaaaa");
    await invitee.getByRole("button", { name: "Join" }).click();
    await expect.poll(() => invitee.locator(".field-error").filter({ hasText: /easy to guess.*Repeated characters/ }).count(), { timeout: 10_000 }).toBe(1);

    await invitee.getByLabel("Choose a password").fill("a good long password");
    await invitee.getByLabel("Repeat the password").fill("a good long password");
    await invitee.getByRole("button", { name: "Join" }).click();
    await invitee.waitForURL("**/home");
    await expect.poll(() => invitee.getByRole("banner").textContent()).toContain("Signed in as Vera Volunteer");

    // Socket.IO: the director's open page announces the new member without a reload.
    await expect.poll(() => director.getByRole("status").filter({ hasText: "Vera Volunteer joined" }).count(), { timeout: 10_000 }).toBe(1);

    // The link works once.
    const again = await newPage(browser);
    await again.goto(new URL(link!).pathname);
    expect(await again.getByRole("heading", { level: 1 }).textContent()).toMatch(/no longer valid/);
    await Promise.all([director.context().close(), invitee.context().close(), again.context().close()]);
  });

  it("revoking an invitation asks for confirmation first", async () => {
    const director = await newPage(browser);
    await signIn(director, "director@hospital.demo.test");
    await director.goto("/organization/people");
    const email = `temp.${Date.now()}@hospital.demo.test`;
    await director.getByLabel("Email").fill(email);
    await director.getByRole("button", { name: "Send invitation" }).click();
    const row = director.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Revoke" }).click();
    const dialog = director.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole("button", { name: "Revoke" }).click();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => director.getByRole("row").filter({ hasText: email }).count()).toBe(0);
    await director.context().close();
  });
});
