/**
 * One zod schema per form on both sides (#18 seam 4, ADR 077), seen in Chromium on the register-a-
 * client form: with JavaScript the browser refuses bad input with the schema's sentences and sends
 * nothing; without JavaScript the same form still posts, the server answers with the same
 * sentence, and a corrected form registers the client.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, hasChromium, launch, newPage, signIn } from "./browser";

const CARE_MANAGER = "care.manager@hospital.demo.test";
const IN_FUTURE = "The date of birth cannot be in the future";

/** POSTs the page sends to this path (a form submission, with or without JavaScript). */
function countPosts(page: Page, path: string) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith(path)) posts.push(request.url());
  });
  return posts;
}

describe.skipIf(!hasChromium())("forms driven by their schema", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("validates in the browser before submitting: the schema's sentences, and no request", async () => {
    const page = await newPage(browser);
    await signIn(page, CARE_MANAGER);
    await page.goto("/clients/new");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Register client" }) });
    // Conform turns the browser's own checks off once it has hydrated: from then on the schema speaks.
    await expect.poll(() => form.getAttribute("novalidate")).not.toBeNull();
    const posts = countPosts(page, "/clients/new");

    await page.getByLabel("Full name").fill("R");
    await page.getByLabel("Date of birth").fill("2099-01-01");
    await page.getByRole("button", { name: "Register client" }).click();

    await expect.poll(() => page.locator(".field-error").allTextContents()).toEqual(["Enter the client's full name", IN_FUTURE]);
    expect(await page.getByLabel("Full name").getAttribute("aria-invalid")).toBe("true");
    // The limit the browser enforces is the schema's, not a number copied into the page.
    expect(await page.getByLabel("Full name").getAttribute("maxlength")).toBe("160");
    expect(posts).toEqual([]);

    // Fixing a field clears its message as the person types (revalidated on input).
    await page.getByLabel("Full name").fill("Rosa Formtest");
    await expect.poll(() => page.locator(".field-error").allTextContents()).toEqual([IN_FUTURE]);
    expect(posts).toEqual([]);
    await page.context().close();
  });

  it("still works without JavaScript: the server checks with the same schema and registers the client", async () => {
    const context = await browser.newContext({ baseURL: baseURL(), locale: "en-US", javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signIn(page, CARE_MANAGER);
    await page.goto("/clients/new");
    const posts = countPosts(page, "/clients/new");
    const name = `Noscript Formtest ${Date.now()}`;

    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Date of birth").fill("2099-01-01");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.locator(".field-error", { hasText: IN_FUTURE }).waitFor();
    expect(posts).toHaveLength(1);

    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Date of birth").fill("1980-05-06");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1$/);
    await page.getByText("Client registered.").waitFor();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(posts).toHaveLength(2);
    await context.close();
  });

  it("a schema that was server-only (web hooks) checks the URL in the browser, in the server's words", async () => {
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/organization/webhooks");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add a web hook" }) });
    await expect.poll(() => form.getAttribute("novalidate")).not.toBeNull();
    const posts = countPosts(page, "/organization/webhooks");

    await page.getByLabel("URL").fill("http://hooks.example.org/referrals");
    await page.getByLabel("Description").fill("Case system");
    await page.getByRole("button", { name: "Add a web hook" }).click();
    await expect.poll(() => page.locator(".field-error").allTextContents()).toEqual(["Use an https:// URL: notifications are only sent encrypted."]);
    expect(await page.getByLabel("Description").getAttribute("maxlength")).toBe("200");
    expect(posts).toEqual([]);
    await page.context().close();
  });
});
