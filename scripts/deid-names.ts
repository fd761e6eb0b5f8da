/**
 * Regenerates app/modules/deid/wordlists/names.generated.ts — person names in Latin letters that
 * the identifier detector looks up (docs/decisions/030-identifier-detector.md). Inputs are npm
 * packages, unpacked from the registry with the ordinary client (not dependencies of the app):
 *
 *   cd /tmp && npm pack humannames@1.0.5 pinyin-pro@3.29.4 && mkdir hn pp
 *   tar xzf humannames-1.0.5.tgz -C hn && tar xzf pinyin-pro-3.29.4.tgz -C pp
 *   node --import tsx scripts/deid-names.ts /tmp/hn/package/list.txt /tmp/pp/package/dist/index.js
 *
 * - WORLD_NAMES: humannames (MIT, © 2017 Alex Corvi; ~197,000 first and last names "from social
 *   media websites and governmental censuses", US Census surnames among them), kept where the word
 *   is not an ordinary English or Spanish word (SCOWL / wspanish lists in wordlists/).
 * - CHINESE_NAMES: @faker-js/faker's zh_CN and zh_TW given names and surnames (Chinese characters)
 *   converted to toneless pinyin with pinyin-pro: "伟宸" → "weichen" and "wei-chen".
 * - KOREAN_NAMES: faker's ko given names (Hangul) romanized by the Revised Romanization rules below
 *   ("민서" → "minseo", "min-seo"), plus the common "eo" → "u" spelling ("seoyeon" → "suyun").
 * Output: folded (lower case, no accents), sorted; WORLD_NAMES one per line (binary-searched in place
 * by the lexicon), the others front-coded like the word lists.
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { allLocales } from "@faker-js/faker";
import { fold, isOrdinaryWord, type Lexicon } from "../app/modules/deid/lexicon.server";
import { ENGLISH_WORDS } from "../app/modules/deid/wordlists/english.generated";
import { SPANISH_WORDS } from "../app/modules/deid/wordlists/spanish.generated";

function decode(source: string) {
  const out = new Set<string>();
  let previous = "";
  for (const line of source.split("\n")) {
    previous = previous.slice(0, parseInt(line[0], 36)) + line.slice(1);
    out.add(previous);
  }
  return out;
}

function frontCode(words: string[]) {
  const lines: string[] = [];
  let previous = "";
  for (const word of words) {
    let shared = 0;
    while (shared < Math.min(35, word.length, previous.length) && word[shared] === previous[shared]) shared++;
    lines.push(shared.toString(36) + word.slice(shared));
    previous = word;
  }
  return lines.join("\n");
}

type NameList = string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;
const flatten = (l: NameList) => (!l ? [] : Array.isArray(l) ? l : [...(l.generic ?? []), ...(l.female ?? []), ...(l.male ?? [])]);

const INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
const FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];
function romanizeSyllable(ch: string) {
  const code = ch.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return undefined;
  const initial = Math.floor(code / 588);
  const medial = Math.floor((code % 588) / 28);
  const final = code % 28;
  // In names the first consonant of a syllable is written as at the start of a word: ㄹ → "r", ㄱ → "g".
  return INITIALS[initial] + MEDIALS[medial] + FINALS[final];
}

async function main() {
  const [humannamesPath, pinyinPath] = process.argv.slice(2);
  if (!humannamesPath || !pinyinPath) {
    console.error("usage: node --import tsx scripts/deid-names.ts <humannames list.txt> <pinyin-pro dist/index.js>");
    process.exit(1);
  }
  const lists: Pick<Lexicon, "english" | "spanish"> = { english: decode(ENGLISH_WORDS), spanish: decode(SPANISH_WORDS) };
  const keep = (w: string) => w.length > 2 && /^[a-z'’-]+$/.test(w) && !isOrdinaryWord(w, lists);

  const world = new Set<string>();
  for (const line of fs.readFileSync(humannamesPath, "utf8").split(/\r?\n/)) {
    const w = fold(line.trim());
    if (keep(w)) world.add(w);
  }

  const { pinyin } = (await import(pathToFileURL(pinyinPath).href)) as { pinyin: (s: string, o: object) => string[] };
  const chinese = new Set<string>();
  for (const code of ["zh_CN", "zh_TW"]) {
    const person = allLocales[code as keyof typeof allLocales].person!;
    for (const name of [...flatten(person.first_name as NameList), ...flatten(person.last_name as NameList)]) {
      const syllables = pinyin(name, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ""));
      if (!syllables.length || syllables.some((s) => !s)) continue;
      const joined = syllables.join("");
      // Surnames of one syllable ("li", "wu") are kept from two letters; nothing that is an ordinary word.
      if (joined.length >= 2 && !isOrdinaryWord(joined, lists)) chinese.add(joined);
      if (syllables.length === 2) chinese.add(syllables.join("-"));
    }
  }

  const korean = new Set<string>();
  for (const name of flatten(allLocales.ko.person!.first_name as NameList)) {
    const syllables = [...name].map(romanizeSyllable);
    if (syllables.some((s) => s === undefined)) continue;
    for (const variant of [syllables as string[], (syllables as string[]).map((s) => s.replace(/eo/g, "u").replace(/^eu/, "u"))]) {
      const joined = variant.join("");
      if (keep(joined)) korean.add(joined);
      if (variant.length === 2) korean.add(variant.join("-"));
    }
  }

  const body = [
    "// Generated by scripts/deid-names.ts — do not edit.",
    "// WORLD_NAMES (sorted, one per line): from the humannames npm package (MIT License, Copyright (c) 2017 Alex Corvi), without ordinary English/Spanish words.",
    "// CHINESE_NAMES and KOREAN_NAMES: from @faker-js/faker (MIT) zh_CN, zh_TW and ko names, in pinyin (pinyin-pro, MIT) and Revised Romanization.",
    `// ${world.size} + ${chinese.size} + ${korean.size} names, folded and front-coded (see the script).`,
    // Sorted and newline-separated (not front-coded): the detector searches it in place, without building a set.
    `export const WORLD_NAMES = ${JSON.stringify(`\n${[...world].sort().join("\n")}\n`)};`,
    `export const CHINESE_NAMES = ${JSON.stringify(frontCode([...chinese].sort()))};`,
    `export const KOREAN_NAMES = ${JSON.stringify(frontCode([...korean].sort()))};`,
    "",
  ].join("\n");
  const target = "app/modules/deid/wordlists/names.generated.ts";
  fs.writeFileSync(target, body);
  console.log(`${target}: ${world.size} world, ${chinese.size} Chinese, ${korean.size} Korean names, ${(body.length / 1024).toFixed(0)} KB`);
}

void main();
