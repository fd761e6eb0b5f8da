/**
 * The one error mapper (issue #13, ADR 060): everything a loader or action throws because the
 * input was bad becomes a 4xx a person or a partner system can act on, never a 500.
 *
 *   AppError                          → its status, its message, its fieldErrors (and its
 *                                       redirect and headers: a guard's sign-in or WWW-Authenticate)
 *   ZodError                          → 400 naming the field(s)
 *   Prisma "bad id" / "no such row"   → 400 / 404
 *   URIError (bad percent-encoding)   → 400
 *   a body that is not a form         → 415 (see `checkEdge`)
 *   the database not answering        → 503 with Retry-After (a restart or fail-over: try again
 *                                       shortly, nothing saved is lost; ADR 090)
 *
 * and renders it the way the caller needs: a JSON body for resource routes (/api/…), a thrown
 * Response for page loaders (the route's ErrorBoundary shows it; `.data` requests carry it), the
 * form's `FormErrors` for page actions. Anything else propagates: it is a bug, not bad input.
 *
 * `withHttpErrors(module)` applies it to a route module; server/index.ts applies it to every
 * route of the build, so a route added later is covered without anyone remembering to.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { data, redirect } from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";
import type { ZodError } from "zod";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { i18nServer } from "~/i18n/i18next.server";
import { translatorForLocale } from "~/i18n/translators";
import { isAppError } from "./app-error";
import { isDatabaseUnavailable } from "./db/unavailable.server";
import { CONTROL_CHARACTERS, uuid } from "./form-fields";
import type { FormErrors } from "./forms.server";
import { translateMessage, type Translate } from "./translatable";
import { humanIssueMessage } from "./zod-messages";

export type HttpError = { status: number; message: string; fieldErrors?: Record<string, string[]>; redirectTo?: string; headers?: Record<string, string> };

/** Bad input found before the route ran (body not a form, control characters, a malformed id). */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly field?: string,
  ) {
    super(key);
    this.name = "EdgeError";
  }
}

/** Prisma's "the value is malformed" (P2023 inconsistent column data, P2000 too long for the column) and "no such row" (P2025). */
const PRISMA_BAD_INPUT: Record<string, number> = { P2000: 400, P2023: 400, P2025: 404 };
/**
 * PostgreSQL refusing a value the client sent: invalid_text_representation (a uuid that is not
 * one), NUL in text, an invalid or out-of-range date/time. A safety net: reaching it means a
 * schema lacks a bound, so it is logged; numeric overflow (22003) is not here, as an aggregate
 * over stored rows raises it too, and that is a bug to see, not bad input.
 */
const POSTGRES_BAD_INPUT = ["22P02", "22021", "22007", "22008"];

function prismaStatus(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return null;
  const { code, meta } = error as Error & { code?: string; meta?: Record<string, unknown> };
  if (code && code in PRISMA_BAD_INPUT) return PRISMA_BAD_INPUT[code];
  const text = `${error.message} ${JSON.stringify(meta ?? {})}`;
  const sqlState = POSTGRES_BAD_INPUT.find((state) => text.includes(`\`${state}\``) || text.includes(`"${state}"`));
  if (!sqlState) return null;
  console.warn(`[http-errors] the database refused a value (SQLSTATE ${sqlState}); a schema is missing a bound:`, error.message.split("\n").filter(Boolean).pop());
  return 400;
}

/** What a 503 asks the client to wait: a PostgreSQL restart takes about a second, a fail-over longer. */
export const RETRY_AFTER_SECONDS = 5;

/** By name, not `instanceof`: the server entry and the build may load zod's ESM and CJS copies. */
function isZodError(error: unknown): error is ZodError {
  return error instanceof Error && error.name === "ZodError" && Array.isArray((error as ZodError).issues);
}

const translateAll = (fieldErrors: Record<string, string[]> | undefined, t: Translate) =>
  fieldErrors ? Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => translateMessage(m, t))])) : undefined;

/** The 4xx this error means, or null when it is not bad input (then it is a bug: let it propagate). */
export function toHttpError(error: unknown, t: Translate = currentTranslator()): HttpError | null {
  if (isAppError(error)) return { status: error.status, message: translateMessage(error.message, t), fieldErrors: translateAll(error.fieldErrors, t), redirectTo: error.redirectTo, headers: error.headers };
  if (error instanceof EdgeError) {
    return { status: error.status, message: t(`errors.edge.${error.key}`, { field: error.field }), fieldErrors: error.field ? { [error.field]: [t(`errors.edge.${error.key}`, { field: error.field })] } : undefined };
  }
  if (isZodError(error)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const field = issue.path.length ? issue.path.join(".") : "form";
      (fieldErrors[field] ??= []).push(humanIssueMessage(issue, t));
    }
    return { status: 400, message: t("errors.edge.invalidFields", { fields: Object.keys(fieldErrors).join(", ") }), fieldErrors };
  }
  if (error instanceof URIError) return { status: 400, message: t("errors.edge.badEncoding") };
  const status = prismaStatus(error);
  if (status) return { status, message: t(status === 404 ? "errors.edge.notFound" : "errors.edge.invalidInput") };
  if (isDatabaseUnavailable(error)) {
    console.warn(`[http-errors] the database did not answer: ${error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error)}`);
    return { status: 503, message: t("errors.unavailableBody"), headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } };
  }
  return null;
}

/** Used where no request (so no language) is at hand: English, from the same strings as the pages. */
const englishOnly = translatorForLocale(DEFAULT_LOCALE);

/**
 * The language of the request being answered, for code that is handed no Request: `parseForm`
 * and `validateForm` get only the form, yet their messages must be in the person's language.
 * `withHttpErrors` sets it around every action (ADR 071); elsewhere (a test calling an action
 * directly, a job) it is English.
 */
// One store per process, shared by name: the production server entry (which wraps every route) and
// the Remix build (whose parseForm reads it) each bundle their own copy of this module, and two
// AsyncLocalStorage instances would leave the build's copy always English (#14, found by
// tests/e2e/spanish-pages.test.ts).
const STORE_KEY = Symbol.for("coalition-hub.request-translator");
const requestTranslator = ((globalThis as Record<symbol, unknown>)[STORE_KEY] ??= new AsyncLocalStorage<Translate>()) as AsyncLocalStorage<Translate>;
export function currentTranslator(): Translate {
  return requestTranslator.getStore() ?? englishOnly;
}

/** The request's language (the same detection as pages: ?lng, cookie, Accept-Language). */
export async function translatorFor(request: Request): Promise<Translate> {
  try {
    return translatorForLocale(await i18nServer.getLocale(request));
  } catch {
    return englishOnly;
  }
}

/** JSON `{ error, fieldErrors }`; under /api/fhir/ the FHIR dialect of the same thing, an OperationOutcome. */
const FHIR_ISSUE_CODES: Record<number, string> = { 401: "login", 403: "forbidden", 404: "not-found", 415: "not-supported" };

function errorBody({ status, message, fieldErrors, redirectTo, headers = {} }: HttpError, request?: Request): Response {
  if (redirectTo) return redirect(redirectTo, { headers });
  if (request && new URL(request.url).pathname.startsWith("/api/fhir/")) {
    const issue = { severity: "error", code: FHIR_ISSUE_CODES[status] ?? "invalid", diagnostics: message, expression: fieldErrors ? Object.keys(fieldErrors) : undefined };
    return new Response(JSON.stringify({ resourceType: "OperationOutcome", issue: [issue] }), { status, headers: { "Content-Type": "application/fhir+json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
  }
  return Response.json({ error: message, fieldErrors }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Page loaders and resource routes: the Response for this error, JSON `{ error, fieldErrors }` (an OperationOutcome under /api/fhir/), a redirect (sign-in), or rethrows when it is not bad input. */
export function httpErrorResponse(error: unknown, t?: Translate, request?: Request): Response {
  if (error instanceof Response) return error;
  const mapped = toHttpError(error, t);
  if (!mapped) throw error;
  return errorBody(mapped, request);
}

/** Page actions: the `FormErrors` the form shows, with the error's status (rethrows when it is not bad input). */
export function formErrorResponse(error: unknown, intent: unknown, t: Translate = currentTranslator()) {
  const mapped = toHttpError(error, t);
  if (!mapped) throw error;
  return data<FormErrors>({ formError: mapped.message, fieldErrors: mapped.fieldErrors, intent: typeof intent === "string" ? intent : undefined }, { status: mapped.status });
}

/*
 * The edge checks every request gets before its route runs: the parts of a request no route
 * should have to think about. Each answers 4xx naming the part.
 */

/** Route params named `id` or `…Id` are record ids, and every record id is a UUID: anything else names nothing (404). */
const RECORD_ID_PARAM = /^(id|\w+Id)$/;
const RecordId = uuid();
/** The safe-redirect helper judges `redirectTo` itself (anything odd goes home, not a 400). */
const JUDGED_BY_ROUTE = new Set(["redirectTo"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function checkUrl(request: Request, params: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || name === "*") continue;
    if (CONTROL_CHARACTERS.test(value) || (RECORD_ID_PARAM.test(name) && !RecordId.safeParse(value).success)) throw new EdgeError(404, "notFound");
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!JUDGED_BY_ROUTE.has(name) && CONTROL_CHARACTERS.test(value)) throw new EdgeError(400, "controlCharacters", name);
  }
}

/**
 * Every action outside /api/ takes a form: the body must be one, and no field may carry control
 * characters. A POST with no body at all (a bare sign-out) is read as an empty form. Returns the
 * request the action gets and the form's intent.
 */
async function checkForm(request: Request): Promise<{ request: Request; intent?: string }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!type && (await request.clone().text()) === "") {
    const headers = new Headers(request.headers);
    headers.set("content-type", "application/x-www-form-urlencoded");
    return { request: new Request(request.url, { method: request.method, headers, body: "", signal: request.signal }) };
  }
  if (!FORM_TYPES.includes(type)) throw new EdgeError(415, "notAForm");
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    throw new EdgeError(400, "badForm");
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !JUDGED_BY_ROUTE.has(name) && (CONTROL_CHARACTERS.test(value) || CONTROL_CHARACTERS.test(name))) throw new EdgeError(400, "controlCharacters", name.replace(CONTROL_CHARACTERS, "?"));
  }
  const intent = form.get("intent");
  return { request, intent: typeof intent === "string" ? intent : undefined };
}

const takesForm = (request: Request) => !new URL(request.url).pathname.startsWith("/api/");

type Args = { request: Request; params: Record<string, string | undefined>; context?: unknown };
/** Any loader or action (each names its own args type; `never` accepts them all). */
type Handler = (args: never) => unknown;
type RouteModule = { default?: unknown; loader?: Handler; action?: Handler; [key: string]: unknown };

/**
 * The route module with its loader and action behind the edge checks and the mapper. Pages
 * (modules with a default export) get thrown Responses from loaders and FormErrors from actions;
 * resource routes get JSON. Actions outside /api/ take forms (checkForm).
 */
export function withHttpErrors<M extends RouteModule>(module: M): M {
  const resource = module.default == null;
  const wrapped: RouteModule = { ...module };
  if (module.loader) {
    const loader = module.loader;
    wrapped.loader = async (args: Args) => {
      try {
        checkUrl(args.request, args.params);
        return await loader(args as never);
      } catch (error) {
        if (error instanceof Response) throw error;
        const response = httpErrorResponse(error, await translatorFor(args.request), args.request);
        if (resource) return response;
        throw response;
      }
    };
  }
  if (module.action) {
    const action = module.action;
    wrapped.action = async (args: Args) => {
      let intent: string | undefined;
      const t = await translatorFor(args.request);
      try {
        checkUrl(args.request, args.params);
        let request = args.request;
        if (takesForm(request)) ({ request, intent } = await checkForm(request));
        return await requestTranslator.run(t, () => action({ ...args, request } as never));
      } catch (error) {
        if (error instanceof Response) throw error;
        if (resource) return httpErrorResponse(error, t, args.request);
        // A guard refusing the request (sign-in, no permission) is not a message for the form: the page answers it as its loader would.
        if (isAppError(error) && error.refusesRequest) throw httpErrorResponse(error, t, args.request);
        return formErrorResponse(error, intent, t);
      }
    };
  }
  return wrapped as M;
}

const wrappedBuilds = new WeakMap<ServerBuild, ServerBuild>();

/** Every route of a Remix server build behind `withHttpErrors` (server/index.ts: production build and the dev build function). */
export function withHttpErrorsBuild(build: ServerBuild): ServerBuild {
  const known = wrappedBuilds.get(build);
  if (known) return known;
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: withHttpErrors(route.module as unknown as RouteModule) as unknown as typeof route.module }]),
  );
  const wrapped = { ...build, routes };
  wrappedBuilds.set(build, wrapped);
  return wrapped;
}
