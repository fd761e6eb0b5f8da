/**
 * Sends the fuzz suite's requests one at a time to a dedicated server, and keeps what a person
 * needs to reproduce a failure: the exact request and the server's own error line, matched from
 * its output (Remix's handleError logs `[error] METHOD /path: <stack>`).
 */
import type { RunningServer } from "../server";
import { signInOverHttp } from "../http";

/** Who sends a request: anonymous, a signed-in demo account (cookie), or an API key (Bearer). */
export type Role = { name: string; email: string | null; cookie: string | null; authorization?: string };

export type FuzzRequest = {
  routeId: string;
  method: "GET" | "POST";
  /** Path and search exactly as sent (already encoded). */
  path: string;
  role: Role;
  contentType?: string | null;
  body?: string;
  /** What this request breaks, e.g. "param conferenceId = not a uuid". */
  note: string;
};

export type Failure = { request: FuzzRequest; status: number | "no answer"; message: string; frame: string };

export type Outcome = { status: number; text: string; headers: Headers };

const REQUEST_TIMEOUT_MS = 30_000;
/** Remix logs this for every legacy `?_data=` request (the protocol still runs loaders, so it is fuzzed). */
export const LEGACY_DATA_NOTICE = /Single fetch-enabled apps should not be making \?_data requests/;

export class FuzzClient {
  requests = 0;
  readonly failures: Failure[] = [];
  /** Stack traces or "Unhandled" in the server's output that no 5xx accounts for. */
  readonly unhandled: string[] = [];
  readonly loggedWithout5xx = new Map<string, { count: number; example: string }>();
  readonly statuses = new Map<number, number>();
  private scanned = 0;
  private consumed: [number, number][] = [];

  constructor(readonly server: RunningServer) {
    this.scanned = server.output().length;
  }

  get baseURL() {
    return this.server.url;
  }

  async send(req: FuzzRequest, { readBody = false }: { readBody?: boolean } = {}): Promise<Outcome | null> {
    const before = this.server.output().length;
    this.requests++;
    const headers: Record<string, string> = { origin: this.baseURL, accept: "text/html,application/json;q=0.9,*/*;q=0.8" };
    if (req.role.cookie) headers.cookie = req.role.cookie;
    if (req.role.authorization) headers.authorization = req.role.authorization;
    if (req.contentType) headers["content-type"] = req.contentType;
    let res: Response | null = null;
    let text = "";
    let failure = "";
    // A connection the server closed between two requests is retried once; twice is a failure.
    for (let attempt = 0; attempt < 2 && !res; attempt++) {
      try {
        res = await fetch(this.baseURL + req.path, { method: req.method, headers, body: req.body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        if (readBody || res.status >= 500) text = await res.text();
        else await res.arrayBuffer();
      } catch (error) {
        res = null;
        const cause = error instanceof Error && error.cause instanceof Error ? ` (${(error.cause as Error & { code?: string }).code ?? error.cause.message})` : "";
        failure = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
      }
    }
    if (!res) {
      this.failures.push({ request: req, status: "no answer", message: failure, frame: "" });
      return null;
    }
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) {
      const { message, frame } = await this.serverErrorAfter(before, text);
      this.failures.push({ request: req, status: res.status, message, frame });
    }
    return { status: res.status, text, headers: res.headers };
  }

  /**
   * The first error the server logged after `offset` (waits briefly: its output arrives through a
   * pipe). Remix's deprecation notice for `?_data` requests is logged first and is not the cause.
   */
  private async serverErrorAfter(offset: number, body: string): Promise<{ message: string; frame: string }> {
    for (let waited = 0; waited <= 400; waited += 25) {
      const out = this.server.output();
      const re = /^(?:\[error\] .*|\S*Error\b.*)$/gm;
      re.lastIndex = offset;
      for (let m = re.exec(out); m; m = re.exec(out)) {
        const block = blockAt(out, m.index);
        re.lastIndex = m.index + Math.max(block.length, 1);
        if (LEGACY_DATA_NOTICE.test(block)) {
          this.consumed.push([m.index, m.index + block.length]);
          continue;
        }
        this.consumed.push([m.index, m.index + block.length]);
        return summarize(block);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return { message: `(nothing in the server log) response: ${body.replace(/\s+/g, " ").slice(0, 160)}`, frame: "" };
  }

  /**
   * Reads the server output since the last scan: "Unhandled"/"uncaught" anywhere is a failure;
   * error stacks that no 5xx accounts for are kept (grouped) for the report.
   */
  async scanOutput() {
    await new Promise((r) => setTimeout(r, 60));
    const out = this.server.output();
    const end = out.length;
    let i = this.scanned;
    const re = /^(?:\[error\] .*|.*\b(?:Unhandled|uncaught)\b.*|Node\.js v\d.*|\S*Error\b.*)$/gim;
    re.lastIndex = i;
    for (let m = re.exec(out); m && m.index < end; m = re.exec(out)) {
      const start = m.index;
      const block = blockAt(out, start);
      re.lastIndex = start + Math.max(block.length, 1);
      if (this.consumed.some(([a, b]) => start >= a && start < b)) continue;
      if (/\b(?:Unhandled|uncaught)\b|^Node\.js v\d/i.test(block)) {
        this.unhandled.push(block.split("\n").slice(0, 4).join(" | "));
        continue;
      }
      const { message, frame } = summarize(block);
      const key = normalize(message);
      const entry = this.loggedWithout5xx.get(key);
      if (entry) entry.count++;
      else this.loggedWithout5xx.set(key, { count: 1, example: frame ? `${message} (at ${frame})` : message });
    }
    i = end;
    this.scanned = i;
    this.consumed = this.consumed.filter(([, b]) => b > i);
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseURL}/healthz`, { signal: AbortSignal.timeout(10_000) });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /** Signs the role in again when fuzzing ended its session (sign-out, a revoked membership…). */
  async ensureSession(role: Role): Promise<boolean> {
    if (!role.email) return true;
    if (role.cookie) {
      // /login sends a signed-in visitor home: a cheap session check that no stored data can break.
      const res = await fetch(`${this.baseURL}/login`, { headers: { cookie: role.cookie }, redirect: "manual" }).catch(() => null);
      await res?.arrayBuffer();
      if (res && res.status >= 300 && res.status < 400 && res.headers.get("location")?.endsWith("/home")) return true;
    }
    try {
      role.cookie = await signInOverHttp(this.baseURL, role.email);
      return true;
    } catch {
      role.cookie = null;
      return false;
    }
  }
}

/** One logged error: its first line, the message lines up to the stack, and the stack. */
function blockAt(out: string, start: number): string {
  const lines = out.slice(start).split("\n");
  const taken = [lines[0]];
  let inStack = false;
  for (let k = 1; k < lines.length && k < 80; k++) {
    const line = lines[k];
    if (/^\s+at /.test(line)) {
      inStack = true;
      taken.push(line);
    } else if (inStack || /^\[\w+\]|^Coalition Hub|^SIG|^Node\.js v|^\S*Error\b/.test(line)) break;
    else taken.push(line);
  }
  // A message with no stack: only its first line (what follows is other output).
  return inStack ? taken.join("\n") : lines[0];
}

/** First message line(s) of a logged error (whitespace collapsed) and the first app stack frames. */
export function summarize(block: string): { message: string; frame: string } {
  const lines = block.split("\n");
  const stackAt = lines.findIndex((l) => /^\s+at /.test(l));
  const head = (stackAt < 0 ? lines : lines.slice(0, stackAt)).join(" ").replace(/^\[error\] \S+ \S+: /, "").replace(/\s+/g, " ").trim();
  const frames = lines
    .filter((l) => /^\s+at /.test(l) && /build\/server\/index\.js/.test(l))
    .map((l) => /at (?:async )?([^\s(]+) \(/.exec(l)?.[1] ?? "")
    .filter(Boolean)
    .slice(0, 3);
  return { message: head.slice(0, 400), frame: frames.join(" < ") };
}

/** Groups messages that differ only in the values they quote (ids, numbers, user input). */
export function normalize(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\d+/g, "N")
    .slice(0, 200);
}

/** The request as a person would retype it: method, path, role, content type and a body excerpt. */
export function describe(req: FuzzRequest): string {
  const path = req.path.length > 200 ? `${req.path.slice(0, 200)}…(${req.path.length} chars)` : req.path;
  const parts = [`${req.method} ${path}`, `as ${req.role.name}`];
  if (req.method !== "GET") {
    parts.push(`content-type: ${req.contentType ?? "(none)"}`);
    if (req.body !== undefined) {
      const text = req.body;
      const bytes = Buffer.byteLength(req.body);
      parts.push(`body: ${JSON.stringify(text.slice(0, 220))}${bytes > 220 ? ` …(${bytes} bytes)` : ""}`);
    } else parts.push("body: (none)");
  }
  return `${parts.join(" | ")}  [${req.note}]`;
}
