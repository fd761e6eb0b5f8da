/**
 * The client's written copy of the plan, on a 390 px phone (issue #15, ADR 102): from the demo
 * care manager's caseload to the Spanish-speaking client's copy, the "Download PDF" link there
 * gives a PDF whose text is in Spanish, accents intact — whatever language the screen is in; the
 * copy page has no sideways scroll and no axe-core violation, in English and in Spanish.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPhonePage, sidewaysScroll, signIn } from "./browser";
import { pdfTextLines } from "../pdf-text";

describe.skipIf(!hasChromium())("the written copy as a PDF", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["en", "Download PDF"],
    ["es", "Descargar PDF"],
  ] as const)("screen in %s: the copy page links the PDF, and the PDF is in the client's Spanish", async (language, download) => {
    const page = await newPhonePage(browser);
    await signIn(page, "care.manager@hospital.demo.test", undefined, { language });
    await page.goto("/caseload?q=Ortiz");
    await page.getByRole("link", { name: /María Elena Ortiz/ }).first().click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}/);
    const clientId = /\/clients\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.goto(`/clients/${clientId}/plan/copy`);
    await page.getByRole("heading", { level: 1, name: "Mi plan de cuidado" }).waitFor();
    const link = page.getByRole("link", { name: download });
    await link.waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `/tmp/cf-copy-page-${language}-390.png`, fullPage: true });

    const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(file.suggestedFilename()).toMatch(/^care-plan-es-[0-9a-f]{8}\.pdf$/);
    const lines = pdfTextLines(new Uint8Array(await readFile((await file.path())!)));
    expect(lines[0]).toBe("Mi plan de cuidado");
    expect(lines.join("\n")).toContain("Para María Elena Ortiz");
    expect(lines.join("\n")).toContain("Su gestor o gestora de casos");
    await page.context().close();
  });
});
