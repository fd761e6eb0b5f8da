/**
 * The one error mapper (ADR 060): what it maps and what it lets through. Route-level cases are in
 * tests/integration/edge-input.test.ts; these pin the table itself.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accessDenied, AppError, signInRequired } from "./app-error";
import { httpErrorResponse, toHttpError, withHttpErrors } from "./http-errors.server";

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
    expect(() => httpErrorResponse(bug)).toThrow(bug);
  });

  it("answers FHIR routes with an OperationOutcome and other APIs with { error, fieldErrors }", async () => {
    const fhir = httpErrorResponse(new AppError({ message: "No", status: 404 }), undefined, new Request("http://localhost/api/fhir/r4/Task/x"));
    expect(fhir.headers.get("content-type")).toMatch(/fhir\+json/);
    expect(await fhir.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found", diagnostics: "No" }] });
    const json = httpErrorResponse(new AppError({ message: "Bad", status: 400, fieldErrors: { q: ["bad"] } }));
    expect(await json.json()).toEqual({ error: "Bad", fieldErrors: { q: ["bad"] } });
  });
});

describe("a guard's refusals (ADR 074)", () => {
  type Handler = (args: never) => Promise<unknown>;
  const page = (handler: () => Promise<unknown>) => withHttpErrors<{ default: () => null; loader: Handler; action: Handler }>({ default: () => null, loader: handler, action: handler });
  const form = (path: string) => new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "intent=save" });
  const thrown = async (run: () => Promise<unknown>) => run().then((value) => ({ value }), (error: unknown) => error);

  it("sign-in required is a redirect with its headers, from a loader, an action or an API alike", async () => {
    const error = signInRequired({ redirectTo: "/login?redirectTo=%2Fclients", headers: { "Set-Cookie": "hub_session=; Max-Age=0" } });
    const fromApi = httpErrorResponse(error, undefined, new Request("http://localhost/api/assets"));
    expect(fromApi.status).toBe(302);
    expect(fromApi.headers.get("location")).toBe("/login?redirectTo=%2Fclients");
    expect(fromApi.headers.get("set-cookie")).toMatch(/hub_session=;/);
    const route = page(() => Promise.reject(error));
    const fromLoader = await thrown(() => route.loader({ request: new Request("http://localhost/clients"), params: {} } as never));
    const fromAction = await thrown(() => route.action({ request: form("/clients"), params: {} } as never));
    for (const answer of [fromLoader, fromAction]) {
      expect(answer).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(302);
    }
  });

  it("a 403 from the guard in a page action is the page's error, not a message beside the form", async () => {
    const route = page(() => Promise.reject(accessDenied("You do not have permission to open this page.")));
    const answer = await thrown(() => route.action({ request: form("/people"), params: {} } as never));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(403);
    // A service's 403 is still the form's message (the person can act on it there).
    const service = page(() => Promise.reject(new AppError({ message: "Only the owner can do that", status: 403 })));
    const formAnswer = await thrown(() => service.action({ request: form("/people"), params: {} } as never));
    expect(formAnswer).toMatchObject({ value: { data: { formError: "Only the owner can do that", intent: "save" }, init: { status: 403 } } });
  });

  it("no API key under /api/fhir/ is a FHIR 401: OperationOutcome \"login\" and WWW-Authenticate", async () => {
    const error = accessDenied('Send an organization API key as "Authorization: Bearer <key>".', { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="coalition-hub"' } });
    const response = httpErrorResponse(error, undefined, new Request("http://localhost/api/fhir/r4/Task"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="coalition-hub"');
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
  });
});
