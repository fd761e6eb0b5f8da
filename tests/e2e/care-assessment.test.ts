/**
 * The assessment, a goal's interventions and progress notes, and the care team in Chromium on a
 * 390 px phone (issue #15, ADR 100): a care manager enrolls a new client, fills one section of the
 * 30-day assessment (the plan shows 1 of 7 done and the days left), adds an intervention and a
 * progress note to a goal, adds a peer specialist to the care team and removes them after
 * confirming; the huddle list shows the assessment's progress. Nothing scrolls sideways; axe-core finds nothing. The same page in Spanish at desktop
 * width. CARE_ASSESSMENT_SCREENSHOTS=1 keeps screenshots in /tmp.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, newPhonePage, sidewaysScroll, signIn } from "./browser";

const shots = process.env.CARE_ASSESSMENT_SCREENSHOTS === "1";
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `/tmp/care-assessment-${name}.png`, fullPage: true });
};

describe.skipIf(!hasChromium())("the assessment, goal notes and the care team", () => {
  let browser: Browser;
  let planUrl = "";
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a care manager fills one assessment section, adds an intervention and a progress note, and a team member", async () => {
    const name = `Lucía Herrera ${Date.now().toString(36)}`;
    const page = await newPhonePage(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    await page.goto("/clients/new");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Date of birth").fill("1961-05-20");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1/);
    await page.getByRole("link", { name: "Care plan" }).click();
    await page.getByRole("button", { name: "Enroll" }).click();
    await page.getByRole("heading", { level: 2, name: "Assessment: first 30 days" }).waitFor();
    planUrl = new URL(page.url()).pathname;
    await page.getByText("0 of 7 sections done").waitFor();
    await page.getByText("30 days left", { exact: false }).waitFor();

    // One section, saved on its own.
    const needs = page.locator("li.assessment-section").filter({ hasText: "Needs: economic stability" });
    await needs.locator("summary").click();
    await needs.getByLabel("Food insecurity").check();
    await needs.getByLabel("Note (optional)").fill("Food runs out before the end of the month");
    await needs.getByRole("button", { name: "Save this section" }).click();
    await page.getByText("1 of 7 sections done").waitFor();
    await needs.locator("p.user-text", { hasText: "Food runs out before the end of the month" }).waitFor();
    expect(await needs.locator(".tag").allTextContents()).toEqual(["Food insecurity"]);

    // A goal, its intervention and a progress note.
    await page.getByLabel("The goal, in the client's words").fill("Get back to church on Sundays");
    await page.getByRole("button", { name: "Add a goal" }).click();
    const goal = page.locator("li.care-goal").filter({ hasText: "Get back to church on Sundays" });
    await goal.waitFor();
    await goal.locator("summary", { hasText: "Add an intervention" }).click();
    await goal.getByLabel("What will be done").fill("Arrange a ride with the parish volunteers");
    await goal.getByRole("button", { name: "Add an intervention" }).click();
    await goal.locator(".goal-entries", { hasText: "Arrange a ride with the parish volunteers" }).waitFor();
    await goal.locator("summary", { hasText: "Add a progress note" }).click();
    await goal.getByLabel("Progress note").fill("Went to Mass for the first time in a year");
    await goal.getByRole("button", { name: "Add a progress note" }).click();
    await goal.locator(".goal-entries", { hasText: "Went to Mass for the first time in a year" }).waitFor();
    await goal.getByText("Priya Raman", { exact: false }).first().waitFor();

    // A care-team member from the client's own organization.
    const team = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Care team" }) });
    await team.locator("summary", { hasText: "Add a team member" }).click();
    await team.getByLabel("Name").fill("Marcus Bell");
    await team.getByLabel("Role").fill("Peer specialist");
    await team.getByRole("button", { name: "Add to the team" }).click();
    await team.locator(".care-team__member", { hasText: "Marcus Bell" }).waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, "390-en");

    // Removing asks first.
    await team.getByRole("button", { name: "Remove Marcus Bell from the care team" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Remove from the team" }).click();
    await team.locator("summary", { hasText: "Earlier members" }).waitFor();
    expect(await team.locator(".care-team__member").count()).toBe(0);
    await expectNoAxeViolations(page);

    // The huddle list says where the assessment stands.
    await page.goto(`/caseload?q=${encodeURIComponent(name)}`);
    const row = page.locator("ul.care-caseload > li").filter({ hasText: name });
    await row.getByText("Assessment: 1 of 7 sections", { exact: false }).waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, "caseload-390-en");
  });

  it("the same plan reads in Spanish at desktop width", async () => {
    const page = await newPage(browser);
    await signIn(page, "care.manager@hospital.demo.test", undefined, { language: "es" });
    await page.goto(planUrl);
    await page.getByRole("heading", { level: 2, name: "Evaluación: primeros 30 días" }).waitFor();
    await page.getByText("1 de 7 secciones completas").waitFor();
    await page.getByText("Notas de progreso").first().waitFor();
    await page.getByRole("heading", { level: 2, name: "Equipo de atención" }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, "desktop-es");
  });
});
