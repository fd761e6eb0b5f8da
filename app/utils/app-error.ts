/**
 * The one error family (ADR 074). Services and guards throw an AppError; they never build a
 * Response. The one mapper (http-errors.server.ts, ADR 060) turns it into what the caller needs:
 * a form's errors, a page's error boundary, JSON, a FHIR OperationOutcome, or a redirect.
 *
 * - `status` and a message a person can act on; `fieldErrors` for form input.
 * - `refusesRequest`: the request as a whole may not be answered (a guard said no: not signed in,
 *   no permission). An action answers it as its loader would (the error page, or the redirect),
 *   not as a form message next to the fields.
 * - `redirectTo`: answer with a redirect there (sign-in), `headers` going with the answer
 *   (a cleared cookie, `WWW-Authenticate`).
 */
import type services from "~/i18n/locales/services.en";
import { translatable } from "./translatable";

export class AppError extends Error {
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;
  readonly refusesRequest: boolean;
  readonly redirectTo?: string;
  readonly headers?: Record<string, string>;
  constructor({
    message,
    status = 400,
    cause,
    fieldErrors,
    refusesRequest = false,
    redirectTo,
    headers,
  }: {
    message: string;
    status?: number;
    cause?: unknown;
    fieldErrors?: Record<string, string[]>;
    refusesRequest?: boolean;
    redirectTo?: string;
    headers?: Record<string, string>;
  }) {
    super(message, { cause });
    this.name = "AppError";
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.refusesRequest = refusesRequest;
    this.redirectTo = redirectTo;
    this.headers = headers;
  }
}

export const notFound = (what = translatable("errors.services.notFound.default")) => new AppError({ message: what, status: 404 });
export const forbidden = (what = translatable("errors.services.access.forbidden")) => new AppError({ message: what, status: 403 });

/** The kinds of record a service answers 404 for: the keys of `errors.services.notFound` (the Spanish file has the same keys, by its type). */
export type MissingRecord = Exclude<keyof (typeof services)["notFound"], "default">;

/** 404: the record is not there or not the actor's to see, said in the reader's language (the mapper translates it). */
export const recordNotFound = (kind: MissingRecord) => notFound(translatable(`errors.services.notFound.${kind}`));

/** A guard refusing the whole request: 403 (signed in, not allowed here) or 401 (no usable credentials). */
export const accessDenied = (message: string, { status = 403, headers }: { status?: 401 | 403; headers?: Record<string, string> } = {}) =>
  new AppError({ message, status, refusesRequest: true, headers });

/** Not signed in: the person is sent to sign in and comes back to `redirectTo` afterwards. */
export const signInRequired = ({ redirectTo, headers }: { redirectTo: string; headers?: Record<string, string> }) =>
  new AppError({ message: translatable("errors.services.access.signIn"), status: 401, refusesRequest: true, redirectTo, headers });

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && "status" in error;
}
