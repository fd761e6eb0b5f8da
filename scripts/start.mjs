// `npm start`: build the app when the build is missing or older than the sources, then serve it
// in production mode on the embedded database (or DATABASE_URL).
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale.mjs";

try {
  buildIfStale();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
