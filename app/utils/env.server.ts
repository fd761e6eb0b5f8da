/**
 * Environment, parsed once with zod. Nothing else in the app reads process.env.
 * Every variable is documented in .env.example.
 */
import path from "node:path";
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Public origin used in links (invites). Defaults to http://localhost:PORT. */
    APP_ORIGIN: z.string().url().optional(),
    /** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default("./data"),
    /** Comma-separated; the first signs new cookies, all are accepted (rotation). */
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
    /**
     * Key(s) encrypting client identifiers at rest: 32 random bytes as base64 (or 64 hex), comma-
     * separated, newest first (rotation: `npm run keys:rotate`). Unset: DATA_DIR/field-encryption-key.
     */
    FIELD_ENCRYPTION_KEY: z.string().min(1).optional(),
    /** Seed the demo coalition when the embedded database is created (default true). */
    SEED_DEMO: z.enum(["true", "false"]).default("true"),
    /** Mail: "outbox" records messages in the database only; "smtp" also sends them. */
    MAIL_TRANSPORT: z.enum(["outbox", "smtp"]).default("outbox"),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Coalition Hub <no-reply@coalition-hub.invalid>"),
    /** Failed sign-in attempts allowed per account in 15 minutes (and, times five, per client address). */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Failed sign-in attempts allowed per client address in 15 minutes. Default: 5 × LOGIN_RATE_LIMIT. */
    LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).optional(),
    /**
     * Session cookie without `Secure` (plain http). Unset: only when the app's origin is http on a
     * loopback name (localhost, 127.0.0.1, [::1]) and, without APP_ORIGIN, the server listens on
     * loopback only. See docs/decisions/063-secure-session-cookie.md.
     */
    INSECURE_COOKIES: z.enum(["true", "false"]).optional(),
    /**
     * Map tiles (no tile server is reachable on the build machines: tests never need tiles).
     * "none": run without tiles; the map draws state and county outlines instead (ADR 083), as it
     * also does when tiles fail to load.
     */
    MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    MAP_TILE_ATTRIBUTION: z.string().default("© OpenStreetMap contributors"),
    /**
     * Optional address search for the service editor: a Nominatim-compatible JSON search URL
     * (e.g. https://nominatim.example.org/search). Unset: place locations on the map or by coordinates.
     */
    GEOCODER_URL: z.string().url("GEOCODER_URL must be a URL such as https://nominatim.example.org/search").optional(),
    /** Serve through Vite's dev server (HMR) instead of the production build. */
    DEV_SERVER: booleanish,
    LOG_REQUESTS: booleanish,
    /** Log level of the JSON logs (pino): fatal, error, warn, info, debug, trace, silent. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Bearer token for /metrics from other machines (loopback callers need none). Unset: loopback only. */
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    /** Longest a graceful shutdown (SIGTERM) may take before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET && env.DATABASE_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET is required in production on a PostgreSQL server",
      });
    }
    if (env.NODE_ENV === "production" && !env.FIELD_ENCRYPTION_KEY && env.DATABASE_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["FIELD_ENCRYPTION_KEY"],
        message: "FIELD_ENCRYPTION_KEY is required in production on a PostgreSQL server (generate one with: openssl rand -base64 32)",
      });
    }
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["SMTP_URL"], message: "SMTP_URL is required when MAIL_TRANSPORT=smtp" });
    }
  });

export type Env = z.infer<typeof EnvSchema> & { dataDir: string; appOrigin: string; loginAddressLimit: number; secureCookies: boolean };

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = result.data;
  const appOrigin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    appOrigin,
    loginAddressLimit: env.LOGIN_RATE_LIMIT_PER_ADDRESS ?? env.LOGIN_RATE_LIMIT * 5,
    secureCookies: secureCookies(env, appOrigin),
  };
}

const LOOPBACK_HOSTS = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Secure by default in production. Plain http only when asked (INSECURE_COOKIES=true) or when the
 * hub can only be used on this machine: `npm start` on a fresh machine (http://localhost:3000,
 * listening on 127.0.0.1) keeps working with no configuration.
 */
function secureCookies(env: z.infer<typeof EnvSchema>, appOrigin: string) {
  if (env.INSECURE_COOKIES) return env.INSECURE_COOKIES === "false";
  if (env.NODE_ENV !== "production") return false; // npm run dev and tests: plain http
  const origin = new URL(appOrigin);
  const localOrigin = origin.protocol === "http:" && LOOPBACK_HOSTS.test(origin.hostname);
  const localListener = env.APP_ORIGIN !== undefined || LOOPBACK_HOSTS.test(env.HOST) || env.HOST === "::1";
  return !(localOrigin && localListener);
}

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests and the boot script may replace the parsed env (e.g. a fresh DATA_DIR per run). */
export function setEnv(env: Env) {
  cached = env;
}
