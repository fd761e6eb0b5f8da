import { json } from "@remix-run/node";
import type { z } from "zod";
import { isAppError } from "./app-error";

export type FormErrors = { formError?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Parses a form with its zod schema; invalid input answers 400 with field messages, nothing written. */
export async function parseForm<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<z.infer<S>> {
  const formData = await request.formData();
  return parseFormData(formData, schema);
}

export function parseFormData<S extends z.ZodTypeAny>(formData: FormData, schema: S): z.infer<S> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key in values) {
      const current = values[key];
      values[key] = Array.isArray(current) ? [...current, value] : [current, value];
    } else values[key] = value;
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    const flat = result.error.flatten();
    throw json<FormErrors>(
      { formError: flat.formErrors[0] ?? "Please correct the highlighted fields.", fieldErrors: flat.fieldErrors },
      { status: 400 },
    );
  }
  return result.data;
}

/** Maps an AppError thrown by a service to the same JSON shape forms show. */
export function appErrorResponse(error: unknown) {
  if (isAppError(error)) {
    return json<FormErrors>({ formError: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
  }
  throw error;
}
