/**
 * Starts the real server as a child process, for end-to-end tests: the compiled production server
 * (build/node/index.js, as `npm run serve` and `npm start` run it; the e2e setup builds it when stale).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type RunningServer = { url: string; port: number; dataDir: string | null; pid: number; exited: Promise<number | null>; stop: () => Promise<void>; output: () => string };

export async function startServer({ env = {}, timeoutMs = 120_000 }: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), "coalition-hub-e2e-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", "build/node/index.js"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      LOGIN_RATE_LIMIT: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout?.on("data", (d) => (output += d.toString()));
  child.stderr?.on("data", (d) => (output += d.toString()));
  const url = `http://localhost:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200 || (env.EXPECT_UNHEALTHY && res.status === 503)) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /healthz within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    dataDir,
    pid: child.pid!,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TwoNodes = { nodeA: RunningServer; nodeB: RunningServer; databaseUrl: string; stop: () => Promise<void> };

/**
 * Two server processes on one fresh PostgreSQL database, set up the documented way: migrate, seed
 * on request, start. Production mode needs SESSION_SECRET and FIELD_ENCRYPTION_KEY, shared by the
 * scripts and both processes.
 */
export async function startTwoNodes(postgresUrl: string, name: string): Promise<TwoNodes> {
  const { default: pg } = await import("pg");
  const { execFileSync } = await import("node:child_process");
  const dbName = `hub_${name}_${process.pid}`;
  // A short-lived connection per admin step: a long-lived one would die (and, without a listener,
  // crash the test) when the faults suite restarts its private server.
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    client.on("error", () => {});
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${dbName}`;
  const env = { DATABASE_URL: url.toString(), SESSION_SECRET: `two-node-${name}-secret-0123456789-abcdefghij`, FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
  const servers: RunningServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };
  try {
    for (const command of ["migrate", "seed"]) execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", command], { env: { ...process.env, ...env }, stdio: "pipe" });
    const [nodeA, nodeB] = await Promise.all([startServer({ env }), startServer({ env })]);
    servers.push(nodeA, nodeB);
    return { nodeA, nodeB, databaseUrl: env.DATABASE_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
