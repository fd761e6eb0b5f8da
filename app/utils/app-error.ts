/**
 * The one error type services throw. Routes turn it into a response: status and a message a
 * person can act on; `fieldErrors` for form input.
 */
export class AppError extends Error {
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;
  constructor({ message, status = 400, cause, fieldErrors }: { message: string; status?: number; cause?: unknown; fieldErrors?: Record<string, string[]> }) {
    super(message, { cause });
    this.name = "AppError";
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = (what = "Not found") => new AppError({ message: what, status: 404 });
export const forbidden = (what = "You do not have permission to do that") => new AppError({ message: what, status: 403 });

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && "status" in error;
}
