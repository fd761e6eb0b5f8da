// `npm start`: build the app and the server when the build is missing or older than the sources,
// then serve the compiled server (build/node/index.js, plain JavaScript) in production mode on
// the embedded database (or DATABASE_URL).
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale.mjs";
import { SERVER_BUNDLE } from "./build-server.mjs";

try {
  await buildIfStale();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const server = spawn(process.execPath, ["--enable-source-maps", SERVER_BUNDLE], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
