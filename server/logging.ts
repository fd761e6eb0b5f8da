/**
 * Structured logs: one JSON object per line (pino) on stdout, so a log shipper can index them.
 * Every HTTP request gets one line with its request id (the same id the audit trail records),
 * method, route path, status and duration. What is never logged: query strings (searches may
 * hold a client's name), bodies, cookies, headers other than the user agent's absence/presence.
 * In production the console's methods are routed here too, so every line the app prints is JSON.
 * See docs/decisions/085-production-server.md.
 */
import { format } from "node:util";
import type { NextFunction, Request, Response } from "express";
import pino, { type Logger } from "pino";
import { REQUEST_ID_HEADER } from "~/utils/request.server";

export function createLogger({ level = "info", pretty = false }: { level?: string; pretty?: boolean } = {}): Logger {
  // pretty: a plain line per message for development (no worker thread, no extra package).
  if (pretty) return pino({ level, base: undefined, timestamp: false, formatters: { level: () => ({}) } }, { write: (line: string) => process.stdout.write(prettyLine(line)) });
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });
}

function prettyLine(line: string) {
  try {
    const { msg, ...rest } = JSON.parse(line) as { msg?: string };
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
    return `${msg ?? ""}${extra}\n`;
  } catch {
    return line;
  }
}

/** console.log/info/warn/error/debug → the logger (the app's existing messages become JSON lines). */
export function routeConsoleTo(logger: Logger) {
  const to = (write: (msg: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = to((m) => logger.info(m));
  console.info = to((m) => logger.info(m));
  console.debug = to((m) => logger.debug(m));
  console.warn = to((m) => logger.warn(m));
  console.error = to((m) => logger.error(m));
}

/**
 * The route path with ids replaced, so logs and metrics group by page, never by record, and never
 * carry a query string: /referrals/3f2a…/accept → /referrals/:id/accept.
 */
export function routePattern(path: string) {
  return (
    path
      .split("?")[0]
      .split("/")
      .map((part) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.data)?$/i.test(part) ? `:id${part.endsWith(".data") ? ".data" : ""}` : /^\d+$/.test(part) ? ":n" : part.length > 64 ? ":long" : part))
      .join("/") || "/"
  );
}

/** One line per finished (or aborted) request. Skips the probes, which would drown everything else. */
export function requestLogger(logger: Logger, { skip = ["/healthz", "/readyz", "/metrics"] }: { skip?: string[] } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (skip.includes(req.path)) return next();
    const started = process.hrtime.bigint();
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { reqId: req.headers[REQUEST_ID_HEADER], method: req.method, path: routePattern(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10, ...(aborted ? { aborted: true } : {}) };
      if (res.statusCode >= 500) logger.error(line, "request failed");
      else logger.info(line, "request");
    };
    res.on("finish", () => finish(false));
    res.on("close", () => finish(!res.writableFinished));
    next();
  };
}
