// `npm test`: every test runner this repo has, in one vitest run, and one closing line
// "N passed, N failed" summed from vitest's own JSON report.
//   - pglite:   unit + integration tests on the embedded PostgreSQL (always)
//   - postgres: the same on a PostgreSQL server, when TEST_DATABASE_URL is set
//   - e2e:      Chromium + Playwright against the built server (skips with a message when no
//               Chromium is installed, except under CI=true where that is a failure)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const projects = ["pglite", "e2e"];
if (process.env.TEST_DATABASE_URL) projects.splice(1, 0, "postgres");
else console.info("TEST_DATABASE_URL is not set: the PostgreSQL-server run of the integration tests is skipped.");

const report = path.join(os.tmpdir(), `coalition-hub-vitest-${process.pid}.json`);
const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit", env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that failed to load counts as a failure even though it ran no test.
  const brokenFiles = (json.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  fs.rmSync(report, { force: true });
}
// The runner failed without a failing test (e.g. the e2e server did not start in global setup):
// that is a failure too, never "0 failed".
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
