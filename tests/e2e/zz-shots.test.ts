import { describe, it } from "vitest";
import { baseURL, launch, signIn } from "./browser";

describe("shots", () => {
  it("takes screenshots", async () => {
    const browser = await launch();
    for (const [w, tag] of [[390, "phone"], [1280, "desk"]] as const) {
      const context = await browser.newContext({ baseURL: baseURL(), locale: "es-ES", viewport: { width: w, height: 900 } });
      const page = await context.newPage();
      await signIn(page, "care.manager@hospital.demo.test");
      await page.goto("/caseload?lng=es");
      await page.screenshot({ path: `/tmp/shot-caseload-${tag}.png`, fullPage: true });
      await page.locator("ul.care-caseload > li").first().getByRole("link").first().click();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `/tmp/shot-plan-${tag}.png`, fullPage: true });
      const copy = page.getByRole("link", { name: /copia|copy/i }).first();
      if (await copy.count()) { await copy.click(); await page.waitForLoadState("networkidle"); await page.screenshot({ path: `/tmp/shot-copy-${tag}.png`, fullPage: true }); }
      await context.close();
      const c2 = await browser.newContext({ baseURL: baseURL(), locale: "es-ES", viewport: { width: w, height: 900 } });
      const p2 = await c2.newPage();
      await signIn(p2, "director@hospital.demo.test");
      await p2.goto("/caseload/supervision");
      await p2.screenshot({ path: `/tmp/shot-supervision-${tag}.png`, fullPage: true });
      await c2.close();
    }
    await browser.close();
  }, 300_000);
});
