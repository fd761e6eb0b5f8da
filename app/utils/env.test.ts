import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("has working defaults for the embedded demo", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", MAIL_TRANSPORT: "outbox", SEED_DEMO: "true", appOrigin: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/data$/);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL is required/);
  });

  it("requires a session secret and a field key in production on a PostgreSQL server", () => {
    const server = { NODE_ENV: "production", DATABASE_URL: "postgresql://x@localhost/db" };
    expect(() => parseEnv(server)).toThrow(/SESSION_SECRET is required/);
    expect(() => parseEnv({ ...server, SESSION_SECRET: "x".repeat(40) })).toThrow(/FIELD_ENCRYPTION_KEY is required/);
    expect(parseEnv({ ...server, SESSION_SECRET: "x".repeat(40), FIELD_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") }).SESSION_SECRET).toHaveLength(40);
  });
});
