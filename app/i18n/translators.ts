/**
 * One i18next instance per process holding every language's strings, and a fixed translator per
 * language taken from it (`getFixedT` never changes the instance's language, so two requests in
 * different languages answered at once cannot mix). Server messages (the error mapper, actions)
 * and page titles (`meta`, which runs on the server and in the browser) use it; React rendering
 * keeps its own per-request instance in entry.server.tsx. Browser-safe: the strings are bundled
 * TypeScript objects (ADR 005, ADR 081).
 */
import i18next from "i18next";
import { DEFAULT_LOCALE, i18nConfig, isLocale, SUPPORTED_LOCALES, type Locale } from "./config";
import { resources } from "./resources";
import type { Translate } from "~/utils/translatable";

const instance = i18next.createInstance();
void instance.init({ ...i18nConfig, resources, lng: DEFAULT_LOCALE, preload: [...SUPPORTED_LOCALES], initImmediate: false });

const translators = Object.fromEntries(
  SUPPORTED_LOCALES.map((lng) => {
    const fixed = instance.getFixedT(lng);
    return [lng, ((key, options) => fixed(key, options as never) as unknown as string) satisfies Translate];
  }),
) as Record<Locale, Translate>;

/** The translator for a language; an unknown or missing language gets English. */
export function translatorForLocale(locale: unknown): Translate {
  return isLocale(locale) ? translators[locale] : translators[DEFAULT_LOCALE];
}
