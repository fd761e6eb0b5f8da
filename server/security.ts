/**
 * HTTP hardening: security headers with a per-request CSP nonce, same-origin checks on every
 * state-changing request (CSRF). The sign-in limits live in the sign-in service (ADR 062).
 * See docs/decisions/004-csrf-origin-checks.md.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "~/utils/request.server";

export function requestContext(req: Request, res: Response, next: NextFunction) {
  // Never trust these from the client: they feed the audit trail.
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
  req.headers[REQUEST_ID_HEADER] = randomUUID();
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders({ dev, tileOrigin }: { dev: boolean; tileOrigin: string | null }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'", "'unsafe-inline'"], // Leaflet positions with inline styles
        "img-src": ["'self'", "data:", ...(tileOrigin ? [tileOrigin] : [])],
        "connect-src": dev ? ["'self'", "ws:", "wss:"] : ["'self'", "ws:", "wss:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: dev ? false : { maxAge: 15552000, includeSubDomains: true },
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request must come from our own pages. Browsers send Origin on every
 * cross-site POST and Sec-Fetch-Site on every request; a request whose Origin names another host,
 * or that the browser marks cross-site, is refused before it reaches any action. Together with
 * SameSite=Lax session cookies this is the defence SvelteKit and Next.js server actions ship.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const reason = crossSiteReason(req.headers);
  if (reason) return refuse(res, reason);
  next();
}

/**
 * The one rule for "this request comes from our own pages", used by the CSRF check above and by
 * the Socket.IO handshake (server/realtime.ts): Origin (or Referer) must name this host, and the
 * browser must not mark the request cross-site. No Origin at all is not a browser page of
 * another site (browsers always send it cross-origin), so it passes. Returns why not, or null.
 */
export function crossSiteReason(headers: IncomingHttpHeaders): string | null {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  if (header("sec-fetch-site") === "cross-site") return "cross-site request";
  const origin = header("origin") ?? refererOrigin(header("referer"));
  if (origin === "null") return "opaque Origin";
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return "malformed Origin";
    }
    if (originHost !== header("host")) return "Origin does not match this site";
  }
  return null;
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

function refuse(res: Response, reason: string) {
  res.status(403).type("text/plain").send(`Forbidden: ${reason}. Reload the page and try again.`);
}

/**
 * The app uses Remix single fetch (`/path.data`); the pre-single-fetch `?_data=routes/…` protocol
 * is still served by Remix 2 but crashes on a loader that returns null (a 500 the fuzz suite found
 * on /login and /settings/password) and logs a deprecation warning per request. No page of ours
 * sends it, so it is refused here, once, for every route.
 */
export function noLegacyDataRequests(req: Request, res: Response, next: NextFunction) {
  if (req.query._data === undefined) return next();
  res.status(400).set("Cache-Control", "no-store").json({ error: "The ?_data= protocol is not supported: use the route's .data URL." });
}
