/**
 * The 503 for "the database is not answering" (ADR 090), on real errors: a PostgreSQL client
 * pointed at a port where nothing listens fails the way a restarting server does (ECONNREFUSED),
 * and the one mapper answers 503 with Retry-After and the translated "try again" message, not a 500.
 * The full restart (57P01 / 57P03 / broken pooled connections) is tests/e2e/faults.test.ts.
 */
import net from "node:net";
import { describe, expect, it } from "vitest";
import { openPostgres } from "./connect.server";
import { isDatabaseUnavailable } from "./unavailable.server";
import { httpErrorResponse, toHttpError } from "../http-errors.server";

async function closedPort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("a database that does not answer", () => {
  it("is a 503 with Retry-After, for raw queries, model queries and transactions alike", async () => {
    const database = await openPostgres(`postgresql://postgres@127.0.0.1:${await closedPort()}/hub`, { max: 2 });
    try {
      const failures = await Promise.all([
        database.prisma.$queryRaw`SELECT 1`.catch((e: unknown) => e),
        database.prisma.user.count().catch((e: unknown) => e),
        database.prisma.$transaction(async (tx) => tx.user.count()).catch((e: unknown) => e),
      ]);
      for (const error of failures) {
        expect(error).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(error)).toBe(true);
        const response = httpErrorResponse(error);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.json()).toMatchObject({ error: expect.stringMatching(/try again in a few seconds/) });
      }
      expect(toHttpError(failures[0], (key) => (key === "errors.unavailableBody" ? "inténtelo de nuevo" : key))?.message).toBe("inténtelo de nuevo");
    } finally {
      await database.close();
    }
  });

  it("is not every database error: a constraint violation or a bug stays what it is", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), { name: "PrismaClientKnownRequestError", code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    const shutdown = Object.assign(new Error("Raw query failed. Code: `57P01`."), { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } });
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
  });
});
