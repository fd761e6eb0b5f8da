/**
 * End-to-end setup: build the app if needed, start it on a fresh embedded database with the demo
 * seed, and hand its URL to the tests. Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH);
 * without it the browser tests skip with a message, except under CI=true, where that fails.
 */
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { buildIfStale } from "../../scripts/build-if-stale.mjs";
import { startServer } from "../e2e/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p)) ?? null;
  if (!chromiumPath) {
    const message = "No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH): browser tests are skipped.";
    if (process.env.CI === "true") throw new Error(`${message} CI must run them.`);
    console.warn(message);
  }
  await buildIfStale({ log: (m: string) => console.info(`[e2e] ${m}`) });
  // A loaded machine may take longer than two minutes to migrate and seed (ADR 096 saw it): E2E_SERVER_TIMEOUT_MS widens the wait.
  const server = await startServer({ timeoutMs: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 120_000) });
  project.provide("baseURL", server.url);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    await server.stop();
  };
}
