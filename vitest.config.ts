import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects (scripts/test.mjs picks them):
//   pglite    unit + integration tests on the embedded PostgreSQL (always)
//   postgres  the same tests on a PostgreSQL server (when TEST_DATABASE_URL is set)
//   e2e       the built server driven in Chromium with Playwright, and multi-process tests
// The Remix Vite plugin is not loaded here: tests import modules directly.
const integration = {
  include: ["app/**/*.test.ts", "server/**/*.test.ts", "tests/integration/**/*.test.ts"],
  setupFiles: ["tests/setup/database.ts"],
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    pool: "forks",
    silent: "passed-only",
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: { ...integration, name: "pglite", globalSetup: ["tests/setup/pglite-template.ts"], env: { TEST_DB_KIND: "pglite" } },
      },
      {
        plugins: [tsconfigPaths()],
        test: { ...integration, name: "postgres", globalSetup: ["tests/setup/postgres-template.ts"], env: { TEST_DB_KIND: "postgres" } },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/e2e-server.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
