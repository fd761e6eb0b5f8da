/**
 * Word lists the detector looks names and places up in, built once per process from maintained
 * packages and generated files (no network at run time): person names from @faker-js/faker's
 * English, Spanish and Mexican-Spanish locales (trusted as they are) and from every other locale
 * written in Latin letters, plus Ukrainian and Russian transliterated and Korean surnames in their
 * usual spellings (these only where the word is not an ordinary English or Spanish word); US city
 * names from the zipcodes package; country names from the platform's Intl.DisplayNames; ordinary
 * English and Spanish words from wordlists/ (SCOWL and wspanish, see scripts/deid-wordlists.ts);
 * hand-curated names of origins faker lacks in Latin letters (wordlists/curated-names.ts), the
 * humannames package's names and faker's Chinese and Korean names in Latin letters
 * (wordlists/names.generated.ts, scripts/deid-names.ts), and capitalised words of the domain that
 * are not identifiers — insurers, medicines, agencies, languages, tribes (wordlists/non-identifiers.ts).
 * See docs/decisions/030-identifier-detector.md.
 */
import { allLocales, en, es, es_MX } from "@faker-js/faker";
import zipcodes from "zipcodes";
import { CURATED_GIVEN_NAMES, CURATED_SURNAMES } from "./wordlists/curated-names";
import { ENGLISH_WORDS } from "./wordlists/english.generated";
import { CHINESE_NAMES, KOREAN_NAMES, WORLD_NAMES } from "./wordlists/names.generated";
import { AGENCIES_AND_PROGRAMS, HOLIDAY_NAMES, INSURERS, LANGUAGES_AND_GROUPS, MEDICINES, OTHER_LANGUAGE_WORDS, PORTUGUESE_WORDS, REGIONS, TRIBES, VEHICLE_MODELS, EVERYDAY_WORDS } from "./wordlists/non-identifiers";
import { SPANISH_WORDS } from "./wordlists/spanish.generated";

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
  /** Surnames, and the humannames list's first and last names (searched in place, see SortedLines). */
  lastNames: { has(word: string): boolean };
  cities: Set<string>;
  countries: Set<string>;
  english: Set<string>;
  spanish: Set<string>;
  /** Insurers, medicines, agencies and programs, languages and groups, tribes: not identifiers by themselves. */
  nonIdentifiers: Set<string>;
  /** The same as whole phrases ("aunt bertha", "meals on wheels"), folded. */
  nonIdentifierPhrases: Set<string>;
}

/**
 * A sorted "\nword\nword\n" string searched in place: building a Set of the 177,000 world names
 * took a quarter of a second at first call; a binary search over line offsets takes none.
 */
class SortedLines {
  private offsets: Uint32Array;
  constructor(private readonly source: string) {
    let count = 0;
    for (let i = source.indexOf("\n"); i >= 0 && i < source.length - 1; i = source.indexOf("\n", i + 1)) count++;
    this.offsets = new Uint32Array(count);
    let n = 0;
    for (let i = source.indexOf("\n"); i >= 0 && i < source.length - 1; i = source.indexOf("\n", i + 1)) this.offsets[n++] = i + 1;
  }
  has(word: string) {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = this.compare(word, this.offsets[mid]);
      if (cmp === 0) return true;
      if (cmp < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  }
  private compare(word: string, at: number) {
    for (let i = 0; ; i++) {
      const a = i < word.length ? word.charCodeAt(i) : 10;
      const b = this.source.charCodeAt(at + i);
      if (a !== b) return a < b ? -1 : 1;
      if (a === 10) return 0;
    }
  }
}

function decodeFrontCoded(source: string) {
  const out = new Set<string>();
  let previous = "";
  for (const line of source.split("\n")) {
    previous = previous.slice(0, parseInt(line[0], 36)) + line.slice(1);
    out.add(previous);
  }
  return out;
}

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ye", ж: "zh", з: "z", и: "y", і: "i", ї: "yi", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "yu", я: "ya", ы: "y", э: "e", ё: "e", ъ: "", "'": "", "’": "",
};

/** Ukrainian (national system) and Russian spellings of a Cyrillic name. */
function transliterate(word: string) {
  const lower = word.toLowerCase();
  const ukrainian = [...lower].map((c) => CYRILLIC[c] ?? c).join("");
  const russian = [...lower].map((c) => (c === "г" ? "g" : c === "и" ? "i" : c === "х" ? "kh" : CYRILLIC[c] ?? c)).join("");
  return [ukrainian, russian];
}

// Korean surnames in the spellings people use in English (faker's Korean locale has them in Hangul).
const KOREAN_SURNAMES =
  "kim gim lee yi rhee park pak bak choi choe jung chung jeong cho jo yoon yun jang chang lim im han oh seo suh shin kwon hwang ahn an song ryu yoo yu jeon jun hong ko koh moon mun yang son sohn bae baek paik heo huh noh roh nam ha kwak sung seong cha joo ju woo koo ku min jin ji um eom chae won chun cheon bang kong hyun ham byun byeon yeom yeo choo do seok sun seol ma gil yeon pyo myung ki ban wang keum ok yuk maeng tak kook eun pyun yong kyung bong boo bok tae mok hyung doo kam dong ho bum seung kang";

const ENGLISH_ENDINGS = ["s", "es", "ed", "d", "ing", "ly", "er", "ers", "ies", "ization", "isation", "ation", "ations", "ness", "ment", "ments", "ity", "able", "ible", "al", "ally", "ful", "less", "ism", "ist", "ists", "ize", "ized", "izing", "ise"];
const ENGLISH_STEM_ENDS = ["", "e", "y", "ize", "ate"];
// Spanish verb endings (present, preterite, imperfect, gerund, participle) and the stem changes "tiene" → tener, "pidió" → pedir.
const SPANISH_VERB_ENDINGS = ["o", "as", "a", "amos", "an", "es", "e", "emos", "imos", "en", "é", "aste", "ó", "aron", "í", "iste", "ió", "ieron", "aba", "abas", "aban", "ía", "ías", "ían", "ando", "iendo", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ará", "erá", "irá", "aría", "ería", "iría"].map(fold);
const STEM_CHANGES: [RegExp, string][] = [[/ie(\p{L}*)$/u, "e$1"], [/ue(\p{L}*)$/u, "o$1"], [/i(\p{L}*)$/u, "e$1"], [/u(\p{L}*)$/u, "o$1"]];

/** An ordinary English or Spanish word (also in a simple inflected form): "reported", "viven", "fortalezas". */
const ordinaryCache = new Map<string, boolean>();

export function isOrdinaryWord(w: string, lists?: Pick<Lexicon, "english" | "spanish">) {
  const cached = ordinaryCache.get(w);
  if (cached !== undefined) return cached;
  const result = checkOrdinary(w, lists ?? lexicon());
  if (ordinaryCache.size > 50_000) ordinaryCache.clear();
  ordinaryCache.set(w, result);
  return result;
}

function checkOrdinary(w: string, lists: Pick<Lexicon, "english" | "spanish">) {
  const { english, spanish } = lists;
  w = w.replace(/['’]s?$/, "");
  if (english.has(w) || spanish.has(w) || spanishWithPronouns(w, spanish)) return true;
  for (const e of ENGLISH_ENDINGS) {
    if (w.length - e.length < 3 || !w.endsWith(e)) continue;
    const stem = w.slice(0, -e.length);
    if (ENGLISH_STEM_ENDS.some((end) => english.has(stem + end)) || (/(.)\1$/.test(stem) && english.has(stem.slice(0, -1)))) return true;
  }
  // Spanish plurals ("fortalezas", "necesidades") and verb forms ("viven", "tiene", "pidió").
  if (w.length > 4 && ((w.endsWith("s") && spanish.has(w.slice(0, -1))) || (w.endsWith("es") && spanish.has(w.slice(0, -2))))) return true;
  return spanishVerbForm(w, spanish);
}

/** A conjugated Spanish verb ("viven", "tiene", "pidió"). */
function spanishVerbForm(w: string, spanish: Set<string>) {
  for (const e of SPANISH_VERB_ENDINGS) {
    if (w.length - e.length < 2 || !w.endsWith(e)) continue;
    const stem = w.slice(0, -e.length);
    // Spelling changes before -e/-é keep the sound of the stem: "expliqué" (explicar), "llegué" (llegar), "empecé" (empezar).
    const spelled = /e$/.test(e) ? [stem.replace(/qu$/, "c"), stem.replace(/gu$/, "g"), stem.replace(/c$/, "z")] : [];
    const stems = [stem, ...spelled, ...STEM_CHANGES.map(([from, to]) => stem.replace(from, to))].filter((s, i, all) => all.indexOf(s) === i);
    for (const s of stems) if (spanish.has(s + "ar") || spanish.has(s + "er") || spanish.has(s + "ir")) return true;
  }
  return false;
}

/**
 * A word as the dictionaries write it, or a regular English plural or verb form of one ("reports",
 * "reported", "cities"), a Spanish plural or verb form ("viven", "subirle") — without the English
 * derivations of isOrdinaryWord, which also read short names as words ("Sagal" as sag + -al,
 * "Bilal" as bile + -al).
 */
export function isDictionaryWord(w: string, lists?: Pick<Lexicon, "english" | "spanish">) {
  const { english, spanish } = lists ?? lexicon();
  w = w.replace(/['’]s?$/, "");
  if (english.has(w) || spanish.has(w)) return true;
  for (const [end, stems] of [["s", [""]], ["es", [""]], ["ies", ["y"]], ["ed", ["", "e"]], ["d", [""]], ["ing", ["", "e"]]] as const) {
    if (w.length - end.length < 3 || !w.endsWith(end)) continue;
    const stem = w.slice(0, -end.length);
    if (stems.some((s) => english.has(stem + s)) || (/(.)\1$/.test(stem) && english.has(stem.slice(0, -1)))) return true;
  }
  if (w.length > 4 && w.endsWith("s") && spanish.has(w.slice(0, -1))) return true;
  return spanish.size > 0 && (spanishVerbForm(w, spanish) || spanishWithPronouns(w, spanish));
}

/** A Spanish infinitive, gerund or command with its pronouns attached: "subirle", "dándole", "llamarla", "dígale". */
function spanishWithPronouns(w: string, spanish: Set<string>) {
  const m = /^(\p{L}{3,}?)(?:se|me|te|le|la|lo|nos|les|las|los)(?:la|lo|las|los)?$/u.exec(w);
  if (!m) return false;
  const stem = m[1];
  if (/(?:ar|er|ir)$/.test(stem) && spanish.has(stem)) return true;
  // A command with its pronoun: "acuérdate" (acordar), "llámale", "dígale".
  if (/[aei]$/.test(stem) && spanishVerbForm(stem, spanish)) return true;
  const gerund = /^(\p{L}+?)(?:ando|iendo|yendo)$/u.exec(stem);
  return !!gerund && ["ar", "er", "ir"].some((end) => spanish.has(gerund[1] + end));
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const PLACE_ENDINGS = /^(?:wood|woods|dale|field|fields|view|brook|crest|ridge|haven|ville|town|ton|burg|mont|land|lands|side|vale|glen|hurst|moor|gate|shire|ford|port|meadow|meadows|creek|park|hills|hill|springs|lake|lakes|point|pointe|grove|hollow|heights|bend|acres|gardens|village|court|manor|terrace|oaks|pines|cove|bluff|bluffs|wick|stead)$/;

/**
 * Two English words written as one ("callback", "homebound", "maplewood"): "word" when it reads as a
 * common compound, "place" when its second part is a place-name ending ("briarwood", "maplewood",
 * "cedarcrest"), false otherwise.
 */
export function compoundKind(w: string): "word" | "place" | false {
  const { english } = lexicon();
  for (let i = 3; i <= w.length - 3; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (english.has(head) && (english.has(tail) || PLACE_ENDINGS.test(tail))) return PLACE_ENDINGS.test(tail) ? "place" : "word";
  }
  return false;
}

/**
 * A misspelling of an English word, as typed in texts: one letter dropped, added, changed or two
 * swapped ("agian", "deliverry", "hospitol", "apointment") from a word of four or more letters, or
 * a letter repeated for effect ("hiii", "heyy"). Only for words of five or more letters.
 */
export function isTypoOfWord(w: string) {
  const { english } = lexicon();
  const known = (c: string) => c.length >= 4 && (english.has(c) || (c.endsWith("s") && english.has(c.slice(0, -1))));
  const squeezed = w.replace(/(.)\1{2,}/g, "$1");
  if (squeezed !== w && (isDictionaryWord(squeezed) || isDictionaryWord(squeezed.replace(/(.)\1/g, "$1")))) return true;
  if (/(.)\1$/.test(w) && isDictionaryWord(w.slice(0, -1))) return true;
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return false;
  for (let i = 0; i <= w.length; i++) {
    if (i < w.length && known(w.slice(0, i) + w.slice(i + 1))) return true;
    if (i < w.length - 1 && known(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))) return true;
    for (const c of LETTERS) {
      if (i < w.length && c !== w[i] && known(w.slice(0, i) + c + w.slice(i + 1))) return true;
      if (known(w.slice(0, i) + c + w.slice(i))) return true;
    }
  }
  return false;
}

export function lexicon(): Lexicon {
  if (cache) return cache;
  const locales = [en, es, es_MX];
  const firstNames = words(locales.flatMap((l) => [...flatten(l.person?.first_name as NameList), ...flatten(l.person?.middle_name as NameList)]));
  const lastNames = words(locales.flatMap((l) => flatten(l.person?.last_name as NameList)));
  const english = decodeFrontCoded(ENGLISH_WORDS);
  const spanish = decodeFrontCoded(SPANISH_WORDS);
  // Names from the other locales count only where they are not also ordinary words ("Long", "Bach" …).
  const addNames = (target: Set<string>, values: string[]) => {
    for (const w of words(values)) if (w.length > 2 && !isDictionaryWord(w, { english, spanish }) && !/[^\p{Script=Latin}'’]/u.test(w)) target.add(w);
  };
  for (const [code, locale] of Object.entries(allLocales)) {
    if (locales.includes(locale) || !locale.person) continue;
    const first = [...flatten(locale.person.first_name as NameList), ...flatten(locale.person.middle_name as NameList)];
    const last = flatten(locale.person.last_name as NameList);
    const latin = (values: string[]) => (code === "uk" || code === "ru" ? values.flatMap((v) => v.split(/\s+/).flatMap(transliterate)) : values);
    addNames(firstNames, latin(first));
    addNames(lastNames, latin(last));
  }
  addNames(lastNames, KOREAN_SURNAMES.split(" "));
  // Curated names by origin (hand-written lists; "arabic: …" lines).
  const curated = (source: string) => source.split("\n").flatMap((line) => line.replace(/^[a-z-]+:\s*/, "").split(/\s+/)).filter(Boolean);
  addNames(firstNames, curated(CURATED_GIVEN_NAMES));
  addNames(lastNames, curated(CURATED_SURNAMES));
  // Hyphenated given names ("Hye-jin", "Wei-chen") are looked up whole as well.
  for (const w of curated(CURATED_GIVEN_NAMES)) if (w.includes("-")) firstNames.add(fold(w));
  for (const w of decodeFrontCoded(CHINESE_NAMES)) (w.includes("-") || w.length > 3 ? firstNames : lastNames).add(w);
  for (const w of decodeFrontCoded(KOREAN_NAMES)) firstNames.add(w);
  const cities = new Set<string>();
  for (const code of Object.values(zipcodes.codes as Record<string, { city: string }>)) cities.add(fold(code.city));
  // Domain words that are not identifiers stop being names, unless the English/Spanish lists have them.
  const trusted = new Set([...words(locales.flatMap((l) => [...flatten(l.person?.first_name as NameList), ...flatten(l.person?.last_name as NameList)]))]);
  const nonIdentifiers = new Set<string>();
  const nonIdentifierPhrases = new Set<string>();
  const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  const languages: string[] = [];
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const name = languageNames.of(String.fromCharCode(a, b));
      if (name) languages.push(name);
    }
  const multiWordCities = new Set([...cities].flatMap((c) => (c.includes(" ") ? c.split(" ") : [])));
  for (const phrase of [...[INSURERS, MEDICINES, AGENCIES_AND_PROGRAMS, LANGUAGES_AND_GROUPS, TRIBES, HOLIDAY_NAMES, REGIONS, PORTUGUESE_WORDS, VEHICLE_MODELS, EVERYDAY_WORDS, OTHER_LANGUAGE_WORDS].flatMap((l) => l.split(/;\s*/)), ...languages]) {
    const folded = fold(phrase.trim());
    if (!folded) continue;
    nonIdentifierPhrases.add(folded);
    for (const w of folded.split(/[\s/]+/)) {
      const word = w.replace(/[.,]$/, "");
      // Words of a phrase that are names or places on their own ("Denver" in "Denver Health") are left alone.
      if (word.length < 2 || trusted.has(word) || (folded.includes(" ") && (cities.has(word) || multiWordCities.has(word) || /^(?:colorado|california|texas|new|york|north|south|west|east)$/.test(word)))) continue;
      nonIdentifiers.add(word);
      firstNames.delete(word);
      lastNames.delete(word);
    }
  }
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
  const world = new SortedLines(WORLD_NAMES);
  const surnames: Lexicon["lastNames"] = { has: (w) => lastNames.has(w) || (world.has(w) && !nonIdentifiers.has(w)) };
  cache = { firstNames, lastNames: surnames, cities, countries, english, spanish, nonIdentifiers, nonIdentifierPhrases };
  return cache;
}
