import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, hasChromium, launch, newPage, signIn } from "./browser";
import { HSDS_AVAILABLE, HSDS_DIR } from "../hsds-schemas";

describe.skipIf(!hasChromium())("the asset map in Chromium (no map tiles reachable)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a care manager filters the map to food, opens an asset from the list and sees what it offers", async () => {
    const page = await newPage(browser);
    await signIn(page, "care.manager@hospital.demo.test");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Map", exact: true }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toMatch(/\d+ assets in view/);
    const all = Number((await page.getByRole("status").first().textContent())!.match(/(\d+) assets/)![1]);
    expect(all).toBeGreaterThan(100);
    expect(await page.locator(".asset-cluster, .asset-marker").count()).toBeGreaterThan(0);

    await page.getByLabel("Need (SDOH)").selectOption("food-insecurity");
    await page.waitForURL(/sdoh=food-insecurity/);
    await expect.poll(async () => Number((await page.getByRole("status").first().textContent())?.match(/(\d+) assets/)?.[1] ?? all)).toBeLessThan(all);
    const items = page.getByRole("list", { name: "Assets in view" }).getByRole("button");
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    for (const text of await items.allTextContents()) expect(text).toContain("Food insecurity");

    const first = items.first();
    const name = (await first.locator(".asset-list__name").textContent())!;
    await first.click();
    const detail = page.getByRole("article");
    await expect.poll(() => detail.getByRole("heading", { level: 2 }).textContent()).toBe(name);
    expect(await detail.textContent()).toMatch(/Helps with.*Food insecurity/);
    expect(await detail.textContent()).toMatch(/Hours/);
    expect(await detail.textContent()).toMatch(/Last confirmed/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Back to the list" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-asset-id"))).toBeTruthy();
    await page.context().close();
  });

  it("without map tiles the map draws state and county outlines and says the street map is unavailable (#14 defect 15)", async () => {
    const page = await newPage(browser);
    // Tiles fail as they do with no internet (here, answered at once so the test does not wait on DNS).
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort("internetdisconnected"));
    await signIn(page, "care.manager@hospital.demo.test");
    await page.goto("/map");
    await expect.poll(() => page.locator(".asset-map").getByRole("note").textContent(), { timeout: 15_000 }).toBe("Street map unavailable: showing state and county lines.");
    // The outlines are drawn on a canvas in the overlay pane, under the markers, which stay clickable.
    await expect.poll(() => page.locator(".asset-map .leaflet-overlay-pane canvas").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const painted = await page.locator(".asset-map .leaflet-overlay-pane canvas").first().evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    // The markers come from /api/assets, after the outlines (packaged): on a busy machine a moment later.
    await expect.poll(() => page.locator(".asset-cluster, .asset-marker").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a partner adds an informal asset by clicking the map; it is coalition-only and shows who vouched", async () => {
    const page = await newPage(browser);
    await signIn(page, "care.manager@foodbank.demo.test");
    await page.goto("/map");
    await expect.poll(() => page.locator(".asset-map").count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole("button", { name: "Add an informal asset" }).click();
    await page.locator(".asset-map").click({ position: { x: 560, y: 60 } });
    await expect.poll(() => page.getByLabel("Latitude").inputValue()).toMatch(/^38\.\d+/);
    expect(await page.getByLabel("Longitude").inputValue()).toMatch(/^-104\.\d+/);
    await page.getByLabel("Kind of asset").selectOption("INFORMAL_GROUP");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Thursday knitting and talk circle");
    await page.getByLabel("What it offers, and to whom").fill("Older neighbours meet, knit and look out for each other.");
    await page.getByRole("checkbox", { name: "Social connection" }).check();
    await page.getByLabel("Why your organization vouches for it").fill("Our volunteers attend every week.");
    await page.getByRole("button", { name: "Add to the map" }).click();
    const detail = page.getByRole("article");
    await expect.poll(() => detail.getByRole("heading", { level: 2 }).textContent(), { timeout: 10_000 }).toBe("Thursday knitting and talk circle");
    const text = await detail.textContent();
    expect(text).toContain("Coalition only");
    expect(text).toMatch(/Vouched for by.*\(Arkansas Valley Community Food Bank\)/);
    await page.context().close();
  });

  it("a director colours the rainbow with the keyboard and saves it; the text alternative says the same", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@foodbank.demo.test");
    await page.goto("/map/rainbow");
    const band = page.getByRole("button", { name: /^Social and Community Context: \d+ of 7/ });
    await band.focus();
    await page.keyboard.press("Enter");
    expect(await band.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("social-connection");
    await page.keyboard.press("Space");
    expect(await page.locator('path[data-code="social-connection"]').getAttribute("data-selected")).toBe("true");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Save our rainbow" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Saved/);
    await page.reload();
    expect(await page.getByRole("checkbox", { name: "Social connection" }).isChecked()).toBe(true);
    expect(await page.locator(".rainbow__legend").textContent()).toMatch(/Social and Community Context:\s*Social connection/);
    await expect.poll(() => page.getByRole("button", { name: /^Social and Community Context: 1 of 7/ }).count()).toBe(1);
    await page.context().close();
  });

  it.skipIf(!HSDS_AVAILABLE)("a convener checks the official HSDS CSV package (dry run), imports it on confirmation, and checking it again finds it unchanged", async () => {
    const dir = path.join(HSDS_DIR, "examples", "csv");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => path.join(dir, f));
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/map");
    await page.getByRole("link", { name: "Import & export" }).click();
    await page.waitForURL("**/map/data");
    await page.getByLabel("HSDS JSON file or CSV files").setInputFiles(files);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toMatch(/^Would create 1, update 0, leave 0 unchanged; 0 rejected\./);
    expect(await page.getByRole("table").textContent()).toMatch(/Community Counselling.*Would be created/);
    expect(await page.getByRole("table").textContent()).toMatch(/out-of-range coordinates/);
    await page.getByRole("button", { name: "Import 1 record" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toMatch(/^1 created, 0 updated, 0 unchanged, 0 rejected\./);
    const progress = page.locator("progress#import-progress");
    expect(await progress.count()).toBe(0);
    expect(await page.getByText(/Finished: 1 of 1 rows/).count()).toBe(1);

    await page.getByLabel("HSDS JSON file or CSV files").setInputFiles(files);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toMatch(/^Would create 0, update 0, leave 1 unchanged; 0 rejected\./);
    expect(await page.getByRole("button", { name: "Import 0 records" }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a convener imports an HSDS 1.x package without coordinates: approximate pins on the map, the unplaced location in the review list, placed by typing coordinates or dragging the pin (#21)", async () => {
    const dir = path.resolve(__dirname, "../fixtures/hsds/v1");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => path.join(dir, f));
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    await page.goto("/map/data");
    await page.getByLabel("HSDS JSON file or CSV files").setInputFiles(files);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toMatch(/^Would create 3, update 0, leave 0 unchanged; 0 rejected\. Locations without coordinates: 2 placed approximately .*1 not on the map/);
    expect(await page.getByText("Read as: HSDS 1.x package.").count()).toBe(1);
    await page.getByText("8 tables and columns the hub does not keep").click();
    expect(await page.getByText(/Ignored \(not imported\):.*holiday_schedules \(1\)/).count()).toBe(1);
    await page.getByRole("button", { name: "Import 3 records" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toMatch(/^3 created, 0 updated, 0 unchanged, 0 rejected\./);

    await page.reload();
    const review = page.getByRole("region", { name: "Locations to review" });
    const mobile = review.getByRole("listitem").filter({ hasText: "Mobile Stop" });
    expect(await mobile.textContent()).toMatch(/Not on the map/);
    expect(await review.getByRole("listitem").filter({ hasText: "Westside Kitchen" }).textContent()).toMatch(/Approximate \(ZIP or city\)/);
    await mobile.getByLabel("Latitude").fill("38.29");
    await mobile.getByLabel("Longitude").fill("-104.62");
    await mobile.getByRole("button", { name: "Place here" }).click();
    await expect.poll(() => review.getByRole("listitem").filter({ hasText: "Mobile Stop" }).count(), { timeout: 15_000 }).toBe(0);

    // The approximate kitchen, placed by dragging its pin on a small map: the fields follow the pin.
    const kitchen = review.getByRole("listitem").filter({ hasText: "Westside Kitchen" });
    const latitudeBefore = await kitchen.getByLabel("Latitude").inputValue();
    await kitchen.getByRole("button", { name: "Place on a map" }).click();
    const pin = kitchen.getByTitle("Where Westside Kitchen is");
    await pin.waitFor();
    await pin.scrollIntoViewIfNeeded();
    const box = (await pin.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 - 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => kitchen.getByLabel("Latitude").inputValue()).not.toBe(latitudeBefore);
    expect(Number(await kitchen.getByLabel("Latitude").inputValue())).toBeGreaterThan(Number(latitudeBefore)); // dragged north
    await expectNoAxeViolations(page);
    await kitchen.getByRole("button", { name: "Place here" }).click();
    await expect.poll(() => review.getByRole("listitem").filter({ hasText: "Westside Kitchen" }).count(), { timeout: 15_000 }).toBe(0);

    await page.goto("/map?q=westside");
    // The list's entry (the approximate pin is a button of the same name too: "… (Approximate location)").
    const item = page.getByRole("list", { name: "Assets in view" }).getByRole("button", { name: /Hot Meals — Westside Kitchen/ });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    // Placed by a person: no longer approximate, in the list or on its pin.
    expect(await item.textContent()).not.toMatch(/Approximate location/);
    expect(await page.getByRole("button", { name: "Hot Meals — Westside Kitchen (Approximate location)" }).count()).toBe(0);
    await page.goto("/map?q=rocky");
    const hall = page.getByRole("list", { name: "Assets in view" }).getByRole("button", { name: /Food Pantry — Rocky Ford Hall/ });
    await expect.poll(() => hall.count(), { timeout: 15_000 }).toBe(1);
    expect(await hall.textContent()).toMatch(/Approximate location/);
    expect(await page.getByRole("button", { name: "Food Pantry — Rocky Ford Hall (Approximate location)" }).count()).toBe(1);
    expect(await page.locator(".asset-marker--approximate").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("a director edits the second location of a service; the first keeps its place", async () => {
    const page = await newPage(browser);
    await signIn(page, "director@foodbank.demo.test");
    await page.goto("/map/services");
    // A service offered at several places (the demo seed gives pantries and meal sites many).
    await page.locator("li.card").filter({ hasText: /\b([2-9]|\d\d+) locations/ }).first().getByRole("link", { name: /^Edit/ }).click();
    const locations = page.getByRole("navigation", { name: "Locations of this service" }).getByRole("link");
    await expect.poll(() => locations.count()).toBeGreaterThan(2); // every location, then "Add another location"
    const firstLatitude = await page.getByLabel("Latitude", { exact: true }).inputValue();
    await locations.nth(1).click();
    await expect.poll(() => locations.nth(1).getAttribute("aria-current")).toBe("page");
    const secondName = (await locations.nth(1).textContent())!;
    expect(await page.getByLabel("Location name", { exact: true }).inputValue()).toBe(secondName);
    await page.getByLabel("Latitude", { exact: true }).fill("38.2999");
    await page.getByRole("button", { name: "Save service" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Saved/);
    await expectNoAxeViolations(page);
    await page.reload();
    expect(await page.getByLabel("Latitude", { exact: true }).inputValue()).toBe("38.2999");
    await locations.first().click();
    await expect.poll(() => page.getByLabel("Latitude", { exact: true }).inputValue()).toBe(firstLatitude);
    await page.context().close();
  });

  it("axe-core finds no violations on the map, rainbow, coverage and services pages, in English and Spanish", async () => {
    const page = await newPage(browser);
    await signIn(page, "convener@demo.test");
    for (const url of ["/map", "/map/rainbow", "/map/coverage", "/map/services", "/map/data"]) {
      await page.goto(url);
      if (url === "/map") await expect.poll(() => page.locator(".asset-map").count(), { timeout: 15_000 }).toBe(1);
      await expectNoAxeViolations(page);
    }
    await page.getByRole("button", { name: "Español" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
    await page.goto("/map");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Mapa de recursos comunitarios");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
