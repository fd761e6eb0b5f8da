/**
 * A throw-away PostgreSQL cluster of our own, for the faults suite's database restart: the shared
 * server on 127.0.0.1:5432 is used by other tests and must never be restarted. initdb into a
 * temporary directory, listen on a free loopback port (socket in the same directory), trust auth.
 * PostgreSQL refuses to run as root: under root the commands run as the `postgres` user (runuser).
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./server";

export type PrivatePostgres = { url: string; port: number; restart: () => Promise<{ ms: number }>; stop: () => void };

/** The newest installed server binaries (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const majors = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0], "bin") : null;
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

function run(bin: string, args: string[]) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The same, without blocking the event loop (the load keeps running while the server restarts). */
async function runAsync(bin: string, args: string[]) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  await promisify(execFile)(cmd, argv, { encoding: "utf8", timeout: 120_000 });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-faults-pg-"));
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  // fsync stays on: the suite checks that what was acknowledged survives the restart.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const pgCtl = (...args: string[]) => run(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", ...args]);
  pgCtl("-o", options, "start");
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    // pg_ctl restart = fast shutdown (sessions ended, in-flight transactions rolled back) and start.
    restart: async () => {
      const started = Date.now();
      await runAsync(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "-m", "fast", "-o", options, "restart"]);
      return { ms: Date.now() - started };
    },
    stop: () => {
      try {
        pgCtl("-m", "immediate", "stop");
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
