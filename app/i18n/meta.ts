/**
 * Page titles in the page's language (#14 defect 2, ADR 081). A route's meta is one line:
 *
 *   export const meta = titleMeta("titles.home");
 *   export const meta = titleMeta<typeof loader>("titles.conference", ({ data }) => data?.conference.title);
 *
 * The language is the one the root loader resolved (its data carries `locale`); meta runs on the
 * server and in the browser, so it reads it from `matches`, not from a request. A title that names
 * a record gets it as `{{name}}`; without one (an error page) the key's `_unnamed` context is used.
 */
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { translatorForLocale } from "./translators";

type Loader = (...args: never[]) => unknown;

/** The language the root loader resolved for this page (English when the root has no data, e.g. an error). */
export function localeOfMatches(matches: MetaArgs["matches"]): Locale {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

export function titleMeta<L extends Loader = Loader>(key: string, name?: (args: MetaArgs<L>) => string | undefined | null) {
  return (args: MetaArgs<L>): MetaDescriptor[] => {
    const t = translatorForLocale(localeOfMatches(args.matches));
    const named = name?.(args);
    return [{ title: named ? t(key, { name: named }) : t(key, name ? { context: "unnamed" } : undefined) }];
  };
}
