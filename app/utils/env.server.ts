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
    /** Sign-in attempts allowed per IP address per 15 minutes. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Map tiles (no tile server is reachable on the build machines: tests never need tiles). */
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

export type Env = z.infer<typeof EnvSchema> & { dataDir: string; appOrigin: string };

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    appOrigin: env.APP_ORIGIN ?? `http://localhost:${env.PORT}`,
  };
}

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests and the boot script may replace the parsed env (e.g. a fresh DATA_DIR per run). */
export function setEnv(env: Env) {
  cached = env;
}
