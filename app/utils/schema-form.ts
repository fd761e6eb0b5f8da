/**
 * The browser's half of "one zod schema per form" (ADR 077). The form parses its own FormData
 * with the same schema the action gives `parseForm`, through Conform's `parseWithZod`, and words
 * every issue with the same `humanIssueMessage` the server's mapper uses (ADR 071): a field says
 * the same sentence whether the browser or the server caught it. Browser-safe: no server import.
 */
import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { z, type ZodIssue } from "zod";
import type { Translate } from "./translatable";
import { humanIssueMessage } from "./zod-messages";

/** What an action answers for a form (the one mapper's `FormErrors`, plus `ok` on success). */
export type FormResult = { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[] | undefined>; intent?: string } | null | undefined;

/**
 * The form parsed in the browser. Two choices keep it identical to `validateForm` on the server:
 * no auto-coercion (the server's schemas read the raw strings a form posts, "" included), and
 * errors grouped by their top field, as `humanFieldErrors` groups them ("categories[1]" →
 * "categories"; a whole-form issue under "", Conform's name for the form).
 */
export function parseInBrowser<S extends z.ZodTypeAny>(formData: FormData, schema: S, t: Translate) {
  const submission = parseWithZod(formData, {
    schema,
    disableAutoCoercion: true,
    formatError: (issues: ZodIssue[]) => issues.map((issue) => humanIssueMessage(issue, t)),
  });
  if (submission.status !== "error" || !submission.error) return submission;
  const grouped: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(submission.error)) {
    if (!messages) continue;
    const top = name.split(/[.[]/, 1)[0];
    const list = (grouped[top] ??= []);
    // One sentence once, as humanFieldErrors on the server (two bad choices, one message).
    for (const message of messages) if (!list.includes(message)) list.push(message);
  }
  // The submission's error is read by Conform's reply/report; regrouping keeps its other fields.
  return Object.assign(submission, { error: grouped });
}

/**
 * The action's answer as Conform's last result: the form's message under "" and a message per
 * field. `initialValue` stays undefined so the values the person typed are kept (a form that
 * should empty after a success resets its element; Conform follows the reset event).
 */
export function toSubmissionResult(result: FormResult): SubmissionResult<string[]> | undefined {
  if (!result) return undefined;
  if (result.ok) return { status: "success", error: {} };
  const error: Record<string, string[]> = {};
  if (result.formError) error[""] = [result.formError];
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) if (messages?.length) error[name] = messages;
  return { status: "error", error };
}

/**
 * The HTML limits (`required`, `maxLength`, `min`, `max`, `step`) a form's inputs take from its
 * schema, for the browser to enforce before JavaScript (and to show). Conform reads them; one
 * correction keeps them no stricter than the server: a field is `required` only if its schema
 * refuses the blank a form posts ("" and nothing), so `z.string().max(2000)` — which accepts ""
 * on the server — does not block an empty textarea without JavaScript. A schema Conform cannot
 * read (not an object at its root) implies no limits.
 */
export function formConstraint(schema: z.ZodTypeAny) {
  let constraint: ReturnType<typeof getZodConstraint>;
  try {
    constraint = getZodConstraint(schema);
  } catch {
    return {};
  }
  const shape = objectShape(schema);
  for (const [name, field] of Object.entries(shape ?? {})) {
    const c = constraint[name];
    if (c?.required && (field.safeParse("").success || field.safeParse(undefined).success)) c.required = false;
  }
  return constraint;
}

function objectShape(schema: z.ZodTypeAny): z.ZodRawShape | undefined {
  let current: z.ZodTypeAny = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (current instanceof z.ZodObject) return current.shape as z.ZodRawShape;
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else return undefined;
  }
  return undefined;
}
