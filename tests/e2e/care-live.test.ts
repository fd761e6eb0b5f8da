/**
 * Issue #15's journey across two organizations, live (ADR 101), in two browser contexts: the
 * hospital's care manager registers a Spanish-speaking client, records the client's authorization
 * to share the care plan with the food bank, co-creates a plan with two goals and gives the food
 * bank a next step; the food bank's care manager, with its task list open on a 390 px phone, sees
 * the step arrive without reloading, marks it done with a note; the hospital's plan page shows it
 * done by the food bank without reloading; the written copy prints in Spanish. axe-core finds
 * nothing on the new pages; nothing scrolls sideways on the phone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { drawSignature, expectNoAxeViolations, hasChromium, launch, newPage, newPhonePage, sidewaysScroll, signIn } from "./browser";

const FOOD_BANK = "Arkansas Valley Community Food Bank";

describe.skipIf(!hasChromium())("a partner's next step, live across two organizations", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the hospital gives the food bank a step; the food bank sees it arrive, marks it done; the hospital sees it at once; the copy prints in Spanish", async () => {
    const suffix = Date.now().toString(36);
    const name = `Lucía Vargas ${suffix}`;
    const stepText = `Deliver a box of groceries ${suffix}`;

    // The hospital: register the client (Spanish), record the authorization covering the care plan.
    const hospital = await newPage(browser);
    await signIn(hospital, "care.manager@hospital.demo.test");
    await hospital.goto("/clients/new");
    await hospital.getByLabel("Full name").fill(name);
    await hospital.getByLabel("Date of birth").fill("1961-05-20");
    await hospital.getByLabel("Preferred language").selectOption("es");
    await hospital.getByRole("button", { name: "Register client" }).click();
    await hospital.waitForURL(/\/clients\/[0-9a-f-]{36}\?registered=1/);
    const clientPath = new URL(hospital.url()).pathname;
    await hospital.getByRole("link", { name: "Record an authorization" }).click();
    await hospital.getByLabel("Care plan and goals").check();
    await hospital.getByLabel("Contact information and demographics").check();
    await hospital.getByLabel(FOOD_BANK).check();
    await hospital.getByLabel("Purpose").fill("Coordinate food deliveries in the care plan");
    await hospital.getByLabel("Ends on").fill(`${new Date().getFullYear() + 1}-12-31`);
    await hospital.getByLabel("I explained the right to revoke and how.").check();
    await hospital.getByLabel("I explained that services do not depend on signing.").check();
    await hospital.getByLabel("I explained that the recipient may share it again.").check();
    await drawSignature(hospital);
    await hospital.getByRole("button", { name: "Record signed authorization" }).click();
    await hospital.waitForURL(/\?recorded=1/);

    // Co-create the plan: enroll, two goals in the client's words.
    await hospital.goto(`${clientPath}/plan`);
    await hospital.getByRole("button", { name: "Enroll" }).click();
    await hospital.getByText("Enrolled", { exact: true }).waitFor();
    const goalField = hospital.getByLabel("The goal, in the client's words");
    await goalField.fill("Volver a la iglesia los domingos");
    await hospital.getByRole("button", { name: "Add a goal" }).click();
    await hospital.locator("li.care-goal").filter({ hasText: "Volver a la iglesia" }).waitFor();
    await goalField.fill("Cocinar para mis nietos");
    await hospital.getByRole("button", { name: "Add a goal" }).click();
    await hospital.locator("li.care-goal").filter({ hasText: "Cocinar para mis nietos" }).waitFor();

    // The food bank, on a phone, has its task list open before the step exists.
    const foodBank = await newPhonePage(browser);
    await signIn(foodBank, "care.manager@foodbank.demo.test");
    await foodBank.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Our next steps" }).click();
    await foodBank.getByRole("heading", { level: 1, name: "Our next steps" }).waitFor();
    expect(await foodBank.getByText(stepText).count()).toBe(0);
    await expectNoAxeViolations(foodBank);
    expect(await sidewaysScroll(foodBank)).toBeLessThanOrEqual(0);

    // The hospital gives the food bank a next step toward the second goal.
    const goal = hospital.locator("li.care-goal").filter({ hasText: "Cocinar para mis nietos" });
    await goal.locator("summary", { hasText: "Add a next step" }).click();
    await goal.getByLabel("What happens next").fill(stepText);
    await goal.getByLabel("Who does it").selectOption({ label: "A partner organization" });
    await goal.getByLabel("Partner organization").selectOption({ label: FOOD_BANK });
    await goal.getByLabel("By when").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await goal.getByRole("button", { name: "Add a next step" }).click();
    await hospital.locator("li.care-step").filter({ hasText: stepText }).waitFor();

    // It arrives on the food bank's list without a reload, with the client's goal and name (both authorized).
    const task = foodBank.locator("li.care-task").filter({ hasText: stepText });
    await task.waitFor({ timeout: 15_000 });
    await foodBank.getByText("A new next step arrived.").waitFor();
    await task.getByText("Cocinar para mis nietos").waitFor();
    await task.getByText(name, { exact: false }).waitFor();
    expect(await sidewaysScroll(foodBank)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(foodBank);

    // The food bank marks it done with a note.
    await task.locator("summary", { hasText: "Mark done" }).click();
    await task.getByLabel("Note for the care team").fill("Left the box with her neighbour");
    await task.getByRole("button", { name: "Mark done" }).click();
    await foodBank.getByText("Marked done. The client's care team sees it now.").waitFor();
    await foodBank.getByRole("heading", { name: "Done in the last two weeks" }).waitFor();
    await expectNoAxeViolations(foodBank);

    // The hospital's plan page shows it done by the food bank, with the note, without a reload.
    const done = hospital.locator("li.care-step").filter({ hasText: stepText });
    await done.getByText(`Done by ${FOOD_BANK}`, { exact: false }).waitFor({ timeout: 15_000 });
    await done.getByText("Left the box with her neighbour").waitFor();
    await expectNoAxeViolations(hospital);

    // The written copy prints in the client's language.
    await hospital.goto(`${clientPath}/plan/copy`);
    await hospital.getByRole("heading", { level: 1, name: "Mi plan de cuidado" }).waitFor();
    expect(await hospital.locator("article.written-copy").getAttribute("lang")).toBe("es");
    await hospital.getByText("Cocinar para mis nietos").waitFor();
    await expectNoAxeViolations(hospital);

    // The food bank in Spanish: the same page, in Spanish, on the phone.
    await foodBank.goto("/care-steps?lng=es");
    await foodBank.getByRole("heading", { level: 1, name: "Nuestros próximos pasos" }).waitFor();
    expect(await sidewaysScroll(foodBank)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(foodBank);
    await hospital.context().close();
    await foodBank.context().close();
  }, 300_000);
});
