/**
 * Password strength, judged on the server wherever a password is set (invitation, change): the
 * zxcvbn-ts estimator with its common-password, English and Spanish dictionaries and keyboard
 * graphs. Length alone let `aaaaaaaaaa` through (issue #13, finding 9). The dictionaries take
 * most of a second to index, so the estimator is built once, on first use, and kept.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as es from "@zxcvbn-ts/language-es-es";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { AppError } from "~/utils/app-error";

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^10 guesses), the usual bar for an online service. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function getEstimator() {
  // Without `translations` the feedback comes back as keys, translated per person below.
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
  });
  return estimator;
}

export type PasswordStrength = { score: number; strong: boolean; warning: string | null; suggestions: string[] };

/** `userInputs`: what the person's password must not lean on (their email, name, organization). */
export function assessPassword(password: string, userInputs: string[] = []): PasswordStrength {
  const inputs = userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3);
  const result = getEstimator().check(password, inputs);
  return { score: result.score, strong: result.score >= MIN_PASSWORD_SCORE, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}

const FEEDBACK = { en: en.translations, es: es.translations } as const;

/** The password screens' words in the person's language (service messages are shown as they are). */
export function passwordText(locale: string) {
  return resources[isLocale(locale) ? locale : DEFAULT_LOCALE].common.password;
}

/** Why a password is too weak, in the person's language: our lead sentence, then zxcvbn's warning and suggestions. */
export function describeWeakPassword(strength: PasswordStrength, locale: string): string {
  const lang: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const warnings = FEEDBACK[lang].warnings as Record<string, string>;
  const suggestions = FEEDBACK[lang].suggestions as Record<string, string>;
  const parts = [
    passwordText(lang).tooWeak,
    strength.warning ? warnings[strength.warning] : null,
    ...strength.suggestions.map((key) => suggestions[key]),
  ];
  return parts.filter(Boolean).join(" ");
}

/** Throws a 400 naming the field, with the reason, when the password is too easy to guess. */
export function assertStrongPassword({ password, userInputs, locale, field = "password" }: { password: string; userInputs: string[]; locale: string; field?: string }) {
  const strength = assessPassword(password, userInputs);
  if (strength.strong) return;
  // The form's summary says what is wrong; the field says why and what would help.
  throw new AppError({ message: passwordText(locale).tooWeak, status: 400, fieldErrors: { [field]: [describeWeakPassword(strength, locale)] } });
}
