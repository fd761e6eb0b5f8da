/**
 * Forms: one zod schema per form, parsed on the server. Invalid input answers 400 with a message
 * per field and writes nothing; a service's AppError answers its status with its message. The
 * messages are sentences in the request's language (zod's developer wording replaced, ADR 071).
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import { currentTranslator, formErrorResponse } from "./http-errors.server";
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
 * Validates `formData` with `schema`, runs `handler` with the parsed value, and turns validation
 * failures and AppErrors into 400/4xx responses the form displays (through the one mapper, ADR 060).
 */
export async function handleForm<S extends z.ZodTypeAny, R>(formData: FormData, schema: S, handler: (value: z.infer<S>) => Promise<R>) {
  const parsed = validateForm(formData, schema);
  if (!parsed.success) return data<FormErrors>(parsed.errors, { status: 400 });
  try {
    return await handler(parsed.data);
  } catch (error) {
    return formErrorResponse(error, formData.get("intent"));
  }
}
