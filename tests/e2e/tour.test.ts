/**
 * The tour (issue #14): every demo account signs in, follows every link in the main navigation and
 * each page's in-page tabs, in English and Spanish, at 1280 and 390 px, and on every page checks:
 * no console error, no failed request (an expected 4xx aside), no serious or critical axe
 * violation, no sideways scroll, and no English UI string on a Spanish page. Every nav link must
 * answer 200. It prints how many pages, roles and languages it visited.
 *
 * Two sizes (a full walk took 35 minutes for 348 visits on a 2-core machine):
 *   - default (CI, `npm test`): each account checks that every nav and tab link answers 200 (a
 *     plain request), but renders and inspects each distinct page once per language, at one width
 *     per account and language (the two languages at different widths, alternating by account),
 *     in one browser context per account, axe on the Spanish render. Tiles are blocked.
 *   - TOUR_FULL=1 (`npm run tour`): every account renders every page in both languages at both widths.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { baseURL, DEMO_PASSWORD, hasChromium, launch } from "./browser";
import { demoUsers } from "../../prisma/seed-data/demo-coalition";
import en from "~/i18n/locales/en";
import es from "~/i18n/locales/es";

/**
 * English strings found on Spanish pages that this test does not fail on yet: they come from the
 * server-side Spanish work (issue #14 defect 2) going on on another branch. Each entry is an exact
 * English locale value; delete an entry when its page speaks Spanish. Anything else fails.
 */
export const KNOWN_ENGLISH_ON_SPANISH_PAGES: readonly string[] = [
  // /aims: the demo seed stores these measures' names in English (data), and they equal the
  // built-in measure labels, so they read as UI strings. A measure's name is data until the
  // measures catalogue translates stored names.
  "Referral loop closure rate",
  "Partner organizations in the coalition",
];

/** 4xx answers a page is expected to cause (path pattern and status); none today. */
const EXPECTED_4XX: readonly { path: RegExp; status: number }[] = [];

const FULL = process.env.TOUR_FULL === "1";
const WIDTHS = [1280, 390] as const;
const LANGUAGES = ["en", "es"] as const;
const TILES = /tile\.openstreetmap\.org|\{s\}|\/\d+\/\d+\/\d+\.png/;

type Problem = { account: string; language: string; width: number; url: string; what: string };
const problems: Problem[] = [];
const englishSeen = new Map<string, Set<string>>();
const rendered = new Set<string>(); // `${language} ${path}` rendered in the subset
const stats = { visits: 0, statusChecks: 0, pages: new Set<string>(), roles: new Set<string>(), languages: new Set<string>() };

/** English UI strings worth looking for: leaf values that Spanish translates differently, without placeholders. */
function englishStrings(): Set<string> {
  const out = new Set<string>();
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === "string") {
      if (a !== b && !a.includes("{{") && /[A-Za-z]{3}/.test(a) && a.length >= 4) out.add(a.trim());
      return;
    }
    if (a && typeof a === "object") for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown> | undefined)?.[k]);
  };
  walk(en, es);
  return out;
}
const ENGLISH = englishStrings();

const pathOf = (href: string) => {
  const url = new URL(href, baseURL());
  return url.origin === new URL(baseURL()).origin ? `${url.pathname}${url.search}` : null;
};

/** The in-page tabs of the rendered page (every in-page nav but the pager). */
async function tabLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("main nav:not(.pager) a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map(pathOf).filter((p): p is string => !!p))];
}

/** The main navigation as the server renders it for this account (no browser render needed). */
async function mainNav(context: BrowserContext): Promise<string[]> {
  const html = await (await context.request.get("/home")).text();
  const nav = html.match(/<nav[^>]*class="main-nav"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? "";
  const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => pathOf(m[1].replace(/&amp;/g, "&")));
  return [...new Set(hrefs.filter((p): p is string => !!p))];
}

/** Opens `path` in `page` and records every problem the page shows. */
async function inspect(page: Page, path: string, where: Omit<Problem, "url" | "what">) {
  const found: string[] = [];
  const onConsole = (message: import("playwright-core").ConsoleMessage) => {
    if (message.type() !== "error") return;
    if (TILES.test(message.location().url ?? "") || TILES.test(message.text())) return;
    found.push(`console error: ${message.text()}`);
  };
  const onFailed = (request: import("playwright-core").Request) => {
    const failure = request.failure()?.errorText ?? "";
    // Tiles are blocked on purpose; a fetch the page aborts itself (the map re-querying) is not a failure.
    if (TILES.test(request.url()) || failure.includes("ERR_ABORTED")) return;
    found.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
  };
  const onResponse = (response: import("playwright-core").Response) => {
    const status = response.status();
    if (status < 400 || TILES.test(response.url())) return;
    const p = new URL(response.url()).pathname;
    if (status < 500 && EXPECTED_4XX.some((e) => e.status === status && e.path.test(p))) return;
    found.push(`${status} from ${response.request().method()} ${p}`);
  };
  page.on("console", onConsole);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  try {
    const response = await page.goto(path, { waitUntil: "load" });
    if (response?.status() !== 200) found.push(`page answered ${response?.status()}`);
    await page.locator("main h1").first().waitFor({ timeout: 10_000 }).catch(() => found.push("no h1 in main"));
    if (path.startsWith("/map") && (await page.locator(".map-panel").count())) await page.locator(".asset-map").waitFor({ timeout: 10_000 }).catch(() => undefined);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) found.push(`scrolls sideways by ${overflow} px`);

    // Axe is the slow part: the subset runs it on each page's Spanish render (same markup, longer words).
    if (FULL || where.language === "es") {
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) found.push(`axe ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }

    if (where.language === "es") {
      // Visible text (the <title> is exempt for now: server-side Spanish is another branch's work).
      const texts = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          const text = node.textContent?.trim();
          if (!parent || !text || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
          if (!parent.checkVisibility()) continue;
          // Text marked as another language (the "English" switch button) is correct as it is.
          if ((parent.closest("[lang]")?.getAttribute("lang") ?? "es") !== "es") continue;
          out.push(text);
        }
        for (const el of document.querySelectorAll<HTMLInputElement>("input[placeholder], textarea[placeholder]")) out.push(el.placeholder.trim());
        return out;
      });
      for (const text of new Set(texts)) {
        if (!ENGLISH.has(text)) continue;
        if (KNOWN_ENGLISH_ON_SPANISH_PAGES.includes(text)) (englishSeen.get(text) ?? englishSeen.set(text, new Set()).get(text)!).add(path.split("?")[0]);
        else found.push(`English on a Spanish page: "${text}"`);
      }
    }
  } finally {
    page.off("console", onConsole);
    page.off("requestfailed", onFailed);
    page.off("response", onResponse);
  }
  stats.visits++;
  stats.pages.add(path.split("?")[0]);
  for (const what of found) problems.push({ ...where, url: path, what });
}

describe.skipIf(!hasChromium())(`the tour: every account, page, language${FULL ? " and width" : ""}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    const known = [...englishSeen].map(([text, pages]) => `"${text}" on ${[...pages].join(", ")}`);
    // Straight to stdout: vitest keeps the console of passing tests quiet.
    process.stdout.write(
      `[tour] ${stats.pages.size} pages × ${stats.roles.size} roles × ${stats.languages.size} languages: ${stats.visits} pages rendered and inspected, ${stats.statusChecks} links answered 200${FULL ? " (full walk)" : " (subset; TOUR_FULL=1 for every width and page)"}` +
        (known.length ? `\n[tour] known English on Spanish pages (allow-list): ${known.join("; ")}` : "") +
        "\n",
    );
  });

  demoUsers.forEach((user, index) => {
    // The first accounts render most pages; later ones mostly check their links.
    it(`${user.email}`, { timeout: FULL ? 900_000 : 300_000 }, async () => {
      // The subset: one context per account, its two languages at different widths (alternating
      // by account), so a page seen by one role only is still seen at both widths.
      const widths = FULL ? WIDTHS : [WIDTHS[index % 2]];
      const before = problems.length;
      for (const width of widths) {
        const context: BrowserContext = await browser.newContext({ baseURL: baseURL(), viewport: { width, height: 860 } });
        // No tile server here (and none needed): answer at once instead of waiting on DNS.
        await context.route(TILES, (route) => route.abort("blockedbyclient"));
        const page = await context.newPage();
        try {
          // Signed in once per context, as a person would (the language then comes from the cookie).
          await page.goto("/login");
          await page.getByLabel("Email").fill(user.email);
          await page.getByLabel("Password").fill(DEMO_PASSWORD);
          await page.getByRole("button", { name: "Sign in" }).click();
          await page.waitForURL("**/home");
          stats.roles.add(user.email);
          for (const [n, language] of LANGUAGES.entries()) {
            // The language cookie, as the language switch sets it.
            await context.request.get(`/home?lng=${language}`);
            if (!FULL) await page.setViewportSize({ width: WIDTHS[(index + n) % 2], height: 860 });
            stats.languages.add(language);
            const where = { account: user.email, language, width: page.viewportSize()!.width };
            const nav = await mainNav(context);
            expect(nav, "the main navigation").toContain("/home");
            const queue = [...nav];
            const seen = new Set(queue);
            // Every nav link answers 200 for this account (once: the language does not change access).
            if (n === 0 || FULL) {
              const statuses = await Promise.all(nav.map(async (path) => [path, (await context.request.get(path, { maxRedirects: 5 })).status()] as const));
              stats.statusChecks += statuses.length;
              for (const [path, status] of statuses) if (status !== 200) problems.push({ ...where, url: path, what: `nav link answered ${status}` });
            }
            while (queue.length) {
              const path = queue.shift()!;
              const key = `${language} ${path}`;
              if (!FULL && rendered.has(key)) continue;
              rendered.add(key);
              await inspect(page, path, where);
              for (const tab of await tabLinks(page)) {
                if (seen.has(tab)) continue;
                seen.add(tab);
                queue.push(tab);
                // A tab link answers 200 too.
                const status = (await context.request.get(tab, { maxRedirects: 5 })).status();
                stats.statusChecks++;
                if (status !== 200) problems.push({ ...where, url: tab, what: `tab link answered ${status}` });
              }
            }
          }
        } finally {
          await context.close();
        }
      }
      const mine = problems.slice(before).map((p) => `${p.language} ${p.width}px ${p.url}: ${p.what}`);
      expect(mine).toEqual([]);
    });
  });
});
