/**
 * The one error mapper (ADR 060): what it maps and what it lets through. Route-level cases are in
 * tests/integration/edge-input.test.ts; these pin the table itself.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
import { httpErrorResponse, jsonErrorResponse, toHttpError } from "./http-errors.server";

const prismaError = (code: string, message = "", meta: Record<string, unknown> = {}) => Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta });

describe("toHttpError", () => {
  it("maps bad input to its 4xx and names the fields of a ZodError", () => {
    expect(toHttpError(new AppError({ message: "Gone", status: 409, fieldErrors: { a: ["x"] } }))).toEqual({ status: 409, message: "Gone", fieldErrors: { a: ["x"] } });
    const zod = z.object({ when: z.string().date(), seq: z.number() }).safeParse({ when: "9999-99-99", seq: "x" });
    const mapped = toHttpError(!zod.success && zod.error);
    expect(mapped?.status).toBe(400);
    expect(Object.keys(mapped!.fieldErrors!)).toEqual(["when", "seq"]);
    expect(mapped!.message).toBe("Check these fields: when, seq.");
    expect(toHttpError(new URIError("URI malformed"))?.status).toBe(400);
    expect(toHttpError(prismaError("P2025"))?.status).toBe(404);
    expect(toHttpError(prismaError("P2023"))?.status).toBe(400);
    expect(toHttpError(prismaError("P2010", "Database error. Code: `22008`. Message: `date/time field value out of range`"))?.status).toBe(400);
  });

  it("lets bugs through: unknown errors, numeric overflow in an aggregate, other Prisma codes", () => {
    expect(toHttpError(new Error("boom"))).toBeNull();
    expect(toHttpError(new TypeError("x is undefined"))).toBeNull();
    expect(toHttpError(prismaError("P2010", "Database error. Code: `22003`. Message: `numeric field overflow`"))).toBeNull();
    expect(toHttpError(prismaError("P2002"))).toBeNull();
    const bug = new Error("boom");
    expect(() => jsonErrorResponse(bug)).toThrow(bug);
    expect(() => httpErrorResponse(bug)).toThrow(bug);
  });

  it("answers FHIR routes with an OperationOutcome and other APIs with { error, fieldErrors }", async () => {
    const fhir = httpErrorResponse(new AppError({ message: "No", status: 404 }), undefined, new Request("http://localhost/api/fhir/r4/Task/x"));
    expect(fhir.headers.get("content-type")).toMatch(/fhir\+json/);
    expect(await fhir.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found", diagnostics: "No" }] });
    const json = jsonErrorResponse(new AppError({ message: "Bad", status: 400, fieldErrors: { q: ["bad"] } }));
    expect(await json.json()).toEqual({ error: "Bad", fieldErrors: { q: ["bad"] } });
  });
});
