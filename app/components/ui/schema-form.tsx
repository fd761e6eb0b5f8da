/**
 * A form driven by its one zod schema on both sides (ADR 077). The pattern to copy:
 *
 *   const { form, fields } = useSchemaForm({ schema: WinSchema, result: actionData });
 *   <Form method="post" {...form.props}>
 *     <FormError message={form.error} />
 *     <TextField label={t("…")} {...schemaField(fields.title)} />
 *
 * - In the browser, Conform parses the FormData with the schema on blur and on submit and stops
 *   an invalid submit before any request (the field says why, in the words the server would use).
 * - The action still calls `parseForm(formData, Schema)`; its answer (`FormErrors`, or `{ ok }`)
 *   is shown through the same fields, so a rule only the server knows (a conflict, a duplicate)
 *   lands next to its field too.
 * - Without JavaScript the form posts as plain HTML: `required`/`maxLength` come from the schema
 *   (Conform's `getZodConstraint`), never typed as numbers in JSX; the server answers the rest.
 */
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { formConstraint, parseInBrowser, toSubmissionResult, type FormResult } from "~/utils/schema-form";

export type { FormResult } from "~/utils/schema-form";

export function useSchemaForm<S extends z.ZodTypeAny>({
  schema,
  result,
  intent,
  id,
  fieldsSchema,
}: {
  schema: S;
  /** Where the limits are read when `schema` is not a plain object (a record checked across fields). */
  fieldsSchema?: z.ZodTypeAny;
  /** The action's last answer for this form (actionData or fetcher.data). */
  result?: FormResult;
  /** Several forms on one page: only an answer naming this intent is this form's. */
  intent?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const mine = result && (intent === undefined || !result.intent || result.intent === intent) ? result : undefined;
  const lastResult = useMemo(() => toSubmissionResult(mine), [mine]);
  const constraint = useMemo(() => formConstraint(fieldsSchema ?? schema), [fieldsSchema, schema]);
  const [form, fields] = useForm<Record<string, unknown>>({
    id,
    lastResult,
    constraint,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseInBrowser(formData, schema, t),
  });
  return {
    form: {
      ...form,
      props: getFormProps(form),
      /** The message for the whole form. */
      error: form.errors?.[0],
      /** Messages by field name, the shape `FormErrors.fieldErrors` has (for markup not built from `schemaField`). */
      fieldErrors: form.allErrors as Record<string, string[] | undefined>,
      /** Check a field again now, for a value set by code rather than typed (the map's click sets the coordinates). Conform's metadata is a Proxy, so the spread above does not carry its methods. */
      validate: (name: string) => form.validate({ name }),
    },
    fields,
  };
}

/**
 * The props a `TextField`/`TextAreaField`/`SelectField` takes from its schema field: name, the
 * messages to show, and the limits the browser enforces without JavaScript.
 */
export function schemaField(field: FieldMetadata<unknown>) {
  return {
    name: field.name,
    errors: field.errors,
    required: field.required,
    maxLength: field.maxLength,
    minLength: field.minLength,
    min: field.min,
    max: field.max,
    step: field.step,
  };
}
