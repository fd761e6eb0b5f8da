/**
 * Forms: one zod schema per form, parsed on the server. Invalid input answers 400 with a message
 * per field and writes nothing; a service's AppError answers its status with its message (both
 * through the one mapper, ADR 074). The
 * messages are sentences in the request's language (zod's developer wording replaced, ADR 071).
 */
import type { z } from "zod";
import { AppError } from "./app-error";
import { currentTranslator } from "./http-errors.server";
import { humanFieldErrors } from "./zod-messages";

export type FormErrors = { formError?: string; fieldErrors?: Record<string, string[] | undefined>; intent?: string };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key in values) {
      const current = values[key];
      values[key] = Array.isArray(current) ? [...current, value] : [current, value];
    } else values[key] = value;
  }
  return values;
}

export function validateForm<S extends z.ZodTypeAny>(
  formData: FormData,
  schema: S,
): { success: true; data: z.infer<S> } | { success: false; errors: FormErrors } {
  const values = formDataToObject(formData);
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const t = currentTranslator();
  const { formErrors, fieldErrors } = humanFieldErrors(result.error.issues, t);
  return {
    success: false,
    errors: {
      formError: formErrors[0] ?? t("errors.fixFields"),
      fieldErrors,
      intent: typeof values.intent === "string" ? values.intent : undefined,
    },
  };
}

/**
 * The form parsed with `schema`, or an AppError (400, the form's message and a message per field)
 * that the one mapper answers as the form's `FormErrors` (ADR 074): an action reads
 * `const input = parseForm(await request.formData(), Schema)` and never catches.
 */
export function parseForm<S extends z.ZodTypeAny>(formData: FormData, schema: S): z.infer<S> {
  const parsed = validateForm(formData, schema);
  if (parsed.success) return parsed.data;
  const fieldErrors = Object.fromEntries(Object.entries(parsed.errors.fieldErrors ?? {}).filter((entry): entry is [string, string[]] => !!entry[1]));
  throw new AppError({ message: parsed.errors.formError ?? currentTranslator()("errors.fixFields"), status: 400, fieldErrors });
}

/**
 * A public form's body, read with a cap (bytes) before anything parses it: a larger body is a 413,
 * however it is sent (a Content-Length that says so, or a stream that runs past the cap).
 * URL-encoded forms only (the public forms have no files).
 */
export async function readSmallForm(request: Request, maxBytes: number, message: string): Promise<FormData> {
  const tooLarge = () => new AppError({ message, status: 413 });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const form = new FormData();
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) form.append(key, value);
  return form;
}
