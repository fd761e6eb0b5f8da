import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, newPage, newPhonePage, signIn } from "./browser";

describe.skipIf(!hasChromium())("screens", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  it("takes screenshots", async () => {
    const suffix = Date.now().toString(36);
    const hospital = await newPage(browser);
    await signIn(hospital, "care.manager@hospital.demo.test");
    await hospital.goto("/clients/new");
    await hospital.getByLabel("Full name").fill(`Screen Client ${suffix}`);
    await hospital.getByLabel("Date of birth").fill("1961-05-20");
    await hospital.getByLabel("Preferred language").selectOption("es");
    await hospital.getByRole("button", { name: "Register client" }).click();
    await hospital.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1/);
    const clientPath = new URL(hospital.url()).pathname;
    await hospital.goto(`${clientPath}/plan`);
    await hospital.getByRole("button", { name: "Enroll" }).click();
    await hospital.getByText("Enrolled", { exact: true }).waitFor();
    await hospital.getByLabel("The goal, in the client's words").fill("Salir más de casa");
    await hospital.getByRole("button", { name: "Add a goal" }).click();
    await hospital.locator("li.care-goal").filter({ hasText: "Salir más" }).waitFor();
    const goal = hospital.locator("li.care-goal");
    await goal.locator("summary", { hasText: "Add a next step" }).click();
    await goal.getByLabel("What happens next").fill("Deliver groceries");
    await goal.getByLabel("Who does it").selectOption({ label: "A partner organization" });
    await goal.getByLabel("Partner organization").selectOption({ label: "Arkansas Valley Community Food Bank" });
    await goal.getByLabel("By when").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await goal.getByRole("button", { name: "Add a next step" }).click();
    await hospital.locator("li.care-step").first().waitFor();
    await hospital.locator("summary", { hasText: "Connect to peer support" }).click();
    await hospital.getByLabel("Find a group by name or place").fill("walk");
    await hospital.waitForTimeout(1500);
    await hospital.locator("#peer-title").scrollIntoViewIfNeeded();
    await hospital.screenshot({ path: "/tmp/care-live-peer-en.png", fullPage: true });
    const radio = hospital.locator('input[name="assetId"]').first();
    if (await radio.count()) {
      await radio.check();
      await hospital.getByRole("button", { name: "Connect" }).click();
      await hospital.getByText("Saved", { exact: false }).first().waitFor().catch(() => undefined);
    }
    await hospital.screenshot({ path: "/tmp/care-live-plan-en.png", fullPage: true });
    await hospital.goto(`${clientPath}/plan?lng=es`);
    await hospital.screenshot({ path: "/tmp/care-live-plan-es.png", fullPage: true });
    await hospital.goto(`${clientPath}/plan/copy`);
    await hospital.screenshot({ path: "/tmp/care-live-copy-es.png", fullPage: true });

    const fb = await newPhonePage(browser);
    await signIn(fb, "care.manager@foodbank.demo.test");
    await fb.goto("/care-steps");
    await fb.screenshot({ path: "/tmp/care-live-tasks-en-390.png", fullPage: true });
    await fb.goto("/care-steps?lng=es");
    await fb.screenshot({ path: "/tmp/care-live-tasks-es-390.png", fullPage: true });
    const fbd = await newPage(browser);
    await signIn(fbd, "care.manager@foodbank.demo.test");
    await fbd.goto("/care-steps");
    await fbd.screenshot({ path: "/tmp/care-live-tasks-en.png", fullPage: true });
    const hp = await newPhonePage(browser, { locale: "es-ES" });
    await signIn(hp, "care.manager@hospital.demo.test", undefined, { language: "es" });
    await hp.goto(`${clientPath}/plan`);
    await hp.locator("summary", { hasText: "Conectar con apoyo entre pares" }).click();
    await hp.screenshot({ path: "/tmp/care-live-plan-es-390.png", fullPage: true });
  }, 300_000);
});
