/**
 * zod's own messages are for developers ("String must contain at most 120 character(s)"). Every
 * issue that still carries zod's default message gets a sentence a person can act on, in the
 * request's language; a message the schema wrote itself is kept (and translated when it is a
 * `translatable`). Used by the one error mapper, so every form and every API answer gets it
 * without each schema spelling out its limits (ADR 071).
 */
import { z, type ZodIssue, type ZodIssueOptionalMessage } from "zod";
import { translateMessage, type Translate } from "./translatable";

/** zod's default words for this issue (what a schema that said nothing produces). */
function zodDefault(issue: ZodIssue) {
  return z.defaultErrorMap(issue as ZodIssueOptionalMessage, { defaultError: "Invalid input", data: undefined }).message;
}

/** The key and values of the human sentence for an issue zod described in its own words. */
function humanKey(issue: ZodIssue): [string, Record<string, unknown>?] {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined" || issue.received === "null") return ["required"];
      if (issue.expected === "integer") return ["wholeNumber"];
      if (issue.expected === "number" || issue.expected === "bigint") return ["number"];
      if (issue.expected === "date") return ["date"];
      return ["invalid"];
    case "too_big": {
      const limit = Number(issue.maximum);
      if (issue.type === "string") return [issue.exact ? "exactLength" : "tooLong", { count: limit }];
      if (issue.type === "array" || issue.type === "set") return ["tooMany", { count: limit }];
      if (issue.type === "date") return ["dateTooLate", { date: new Date(limit).toISOString().slice(0, 10) }];
      return [issue.inclusive ? "numberAtMost" : "numberBelow", { max: limit }];
    }
    case "too_small": {
      const limit = Number(issue.minimum);
      if (issue.type === "string") return issue.exact ? ["exactLength", { count: limit }] : limit <= 1 ? ["required"] : ["tooShort", { count: limit }];
      if (issue.type === "array" || issue.type === "set") return limit <= 1 ? ["chooseOne"] : ["tooFew", { count: limit }];
      if (issue.type === "date") return ["dateTooEarly", { date: new Date(limit).toISOString().slice(0, 10) }];
      return [issue.inclusive ? "numberAtLeast" : "numberAbove", { min: limit }];
    }
    case "invalid_string":
      if (issue.validation === "email") return ["email"];
      if (issue.validation === "url") return ["url"];
      if (issue.validation === "uuid" || issue.validation === "cuid" || issue.validation === "cuid2" || issue.validation === "ulid") return ["choice"];
      if (issue.validation === "datetime" || issue.validation === "date") return ["date"];
      return ["format"];
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union_discriminator":
      return ["choice"];
    case "invalid_date":
      return ["date"];
    case "not_multiple_of":
      return ["multipleOf", { step: Number(issue.multipleOf) }];
    case "not_finite":
      return ["number"];
    default:
      return ["invalid"];
  }
}

/** The sentence a person reads for this issue, in the language of `t`. */
export function humanIssueMessage(issue: ZodIssue, t: Translate): string {
  if (issue.message !== zodDefault(issue)) return translateMessage(issue.message, t);
  const [key, values] = humanKey(issue);
  return t(`errors.form.${key}`, values);
}

/** Issues grouped by their top field (`form` for the whole object), as forms show them. */
export function humanFieldErrors(issues: readonly ZodIssue[], t: Translate) {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const message = humanIssueMessage(issue, t);
    const list = issue.path.length === 0 ? formErrors : (fieldErrors[String(issue.path[0])] ??= []);
    // One sentence once: a format check and a refinement of one field may say the same thing.
    if (!list.includes(message)) list.push(message);
  }
  return { formErrors, fieldErrors };
}
