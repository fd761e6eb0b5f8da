/**
 * Word lists the detector looks names and places up in, built once per process from maintained
 * packages (no network at run time): person names from @faker-js/faker's English, Spanish and
 * Mexican-Spanish locales; US city names from the zipcodes package; country names from the
 * platform's Intl.DisplayNames. See docs/decisions/030-identifier-detector.md.
 */
import { en, es, es_MX } from "@faker-js/faker";
import zipcodes from "zipcodes";

type NameList = string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;

function flatten(list: NameList): string[] {
  if (!list) return [];
  if (Array.isArray(list)) return list;
  return [...(list.generic ?? []), ...(list.female ?? []), ...(list.male ?? [])];
}

function words(values: string[]) {
  const out = new Set<string>();
  for (const value of values) for (const part of value.split(/[\s-]+/)) if (part.length > 1) out.add(fold(part));
  return out;
}

/** Lower case without accents: "Ramírez" and "Ramirez" are the same entry. */
export function fold(word: string) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Words that are also ordinary English: a name only with more evidence than the word itself. */
export const AMBIGUOUS_NAMES = new Set(
  "will may grace faith hope mark june rose joy summer dawn art bill pat sue april august christian chance earl king young long brown white green black gray grey rice park lane hill wood woods bell case price rich ray page hunter carter cook miles major golden sky star honor justice trinity unique precious angel bishop dean deacon pastor mercy patience sage river storm lucky lovely dollar penny buck guy jack frank sunny early love free day man mayo camp field fields ford house holiday ware stone waters west north south east ross rock banks cross doctor pierce nurse judge chase hall power powers sharp strong little small best".split(" "),
);

let cache: Lexicon | undefined;

export interface Lexicon {
  firstNames: Set<string>;
  lastNames: Set<string>;
  cities: Set<string>;
  countries: Set<string>;
}

export function lexicon(): Lexicon {
  if (cache) return cache;
  const locales = [en, es, es_MX];
  const firstNames = words(locales.flatMap((l) => [...flatten(l.person?.first_name as NameList), ...flatten(l.person?.middle_name as NameList)]));
  const lastNames = words(locales.flatMap((l) => flatten(l.person?.last_name as NameList)));
  const cities = new Set<string>();
  for (const code of Object.values(zipcodes.codes as Record<string, { city: string }>)) cities.add(fold(code.city));
  const countries = new Set<string>();
  const regionNames = ["en", "es"].map((locale) => new Intl.DisplayNames([locale], { type: "region" }));
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      for (const names of regionNames) {
        const name = names.of(code);
        if (name && name !== code) countries.add(fold(name));
      }
    }
  cache = { firstNames, lastNames, cities, countries };
  return cache;
}
