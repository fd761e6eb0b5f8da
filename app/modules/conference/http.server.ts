import { isAppError } from "~/utils/app-error";

/** Runs a loader's service calls; an AppError (404 for another organization's conference, 403 …) becomes that HTTP response. */
export async function orHttpError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error)) throw new Response(error.message, { status: error.status });
    throw error;
  }
}
