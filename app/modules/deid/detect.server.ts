/**
 * The identifier detector: text in, HIPAA Safe Harbor findings out.
 *
 *   detectIdentifiers("Call Maria at (303) 555-0142") →
 *     [{ type: "NAME", start: 5, end: 10, text: "Maria", replacement: "[name]" },
 *      { type: "PHONE", start: 14, end: 28, text: "(303) 555-0142", replacement: "[phone]" }]
 *
 * Runs in-process with no network: phones with libphonenumber-js, dates with chrono-node (English
 * and Spanish), names and places with the word lists of lexicon.server.ts plus context rules
 * (honorifics, relations, prepositions, street suffixes), and patterns with checks for the rest.
 * It errs on the side of flagging: a false alarm costs the author one click ("dismiss, with a
 * reason"); a miss shares an identifier. See docs/decisions/030-identifier-detector.md.
 */
import * as chrono from "chrono-node";
import { findNumbers } from "libphonenumber-js/max";
import { isIPv6 } from "is-ip";
import { AMBIGUOUS_NAMES, compoundKind, fold, isDictionaryWord, isOrdinaryWord, isTypoOfWord, lexicon } from "./lexicon.server";
import type { Gazetteer } from "./gazetteer.server";
import type { Finding, IdentifierType } from "./types";
import { EVENT_NOUNS } from "./wordlists/non-identifiers";

export type { Finding, IdentifierType } from "./types";
export { applyReplacements, IDENTIFIER_TYPES } from "./types";

interface Candidate {
  type: IdentifierType;
  start: number;
  end: number;
  replacement?: string;
}

// Higher wins when two candidates overlap.
const PRIORITY: Record<IdentifierType, number> = {
  EMAIL: 10, URL: 9, IP: 9, SSN: 8, VEHICLE: 7, DEVICE: 7, PHONE: 6, ID: 5, AGE: 4, DATE: 3, LOCATION: 2, NAME: 1,
};

const MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTHS_EN_ABBR = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const WEEKDAYS_ABBR = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mié|mie|jue|vie|sáb|dom";
const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";
const MONTH_SEASON: Record<string, string> = {};
for (const [i, m] of MONTHS_EN.split("|").entries()) MONTH_SEASON[m] = season(i);
for (const [i, m] of MONTHS_EN_ABBR.split("|").entries()) MONTH_SEASON[m] = season(i < 4 ? [0, 1, 2, 3][i] : i + 1 > 11 ? 11 : [5, 6, 7, 8, 8, 9, 10, 11][i - 4]);
for (const [i, m] of MONTHS_ES.split("|").entries()) MONTH_SEASON[m] = season(i > 8 ? i - 1 : i);
const MONTH_NAMES = new Set([...MONTHS_EN.split("|"), ...MONTHS_ES.split("|")]);
const MONTHS_ES_ABBR = "ene|feb|mar|abr|may|jun|jul|ago|sep|sept|set|oct|nov|dic";
// Round 5 (ADR 088): French and Portuguese (chrono-node parses them), Haitian Creole and Somali (matched here), Vietnamese ("ngày 5 tháng 3", chrono's vi).
const MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const MONTHS_PT = "janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro";
const WEEKDAYS_FR_PT = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira";
const MONTHS_HT = "janvye|fevriye|mas|avril|me|jen|jiyè|jiye|out|septanm|oktòb|oktob|novanm|desanm";
const WEEKDAYS_HT = "lendi|madi|mèkredi|mekredi|jedi|vandredi|samdi|dimanch";
const MONTHS_SO = "janaayo|febraayo|febarwari|maarso|abriil|abril|maajo|juun|luulyo|ogost|ogosto|sebtembar|sebteembar|oktoobar|nofembar|nofeembar|desembar|diseembar";
const WEEKDAYS_SO = "isniin|talaado|arbaco|khamiis|jimce|jimcaha|sabti|axad";
const FR_PT_CUE = new RegExp(`\\b(?:${MONTHS_FR}|${MONTHS_PT}|${WEEKDAYS_FR_PT})\\b`, "i");
for (const [m, i] of [["ene", 0], ["abr", 3], ["ago", 7], ["set", 8], ["dic", 11]] as const) MONTH_SEASON[m] = season(i);

function season(monthIndex: number) {
  return ["winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "fall", "fall", "fall", "winter"][monthIndex];
}

const HOLIDAYS =
  /\b(?:Thanksgiving(?: Day)?|Christmas(?: Eve| Day)?|New Year'?s(?: Eve| Day)?|Easter(?: Sunday)?|Halloween|Fourth of July|July 4th|Independence Day|Memorial Day|Labor Day|Veterans Day|Valentine'?s Day|Mother'?s Day|Father'?s Day|Navidad|Nochebuena|Año Nuevo|Día de (?:los )?(?:Muertos|Reyes|la Madre|Acción de Gracias)|Semana Santa|Diwali|Deepavali|Eid(?: al-Fitr| al-Adha| ul-Fitr| ul-Adha)?|Ramadan|Nowruz|Juneteenth|Kwanzaa|Hanukkah|Chanukah|Rosh Hashanah|Yom Kippur|Passover|(?:Lunar|Chinese|Hmong) New Year|Tết|Dashain|Tihar|Holi|Meskel|Timkat|Las Posadas|Cinco de Mayo|Chuseok|Seollal|Songkran|Good Friday|Orthodox Christmas)\b/g;
/** "the Diwali potluck", "Thanksgiving basket drive": a public event named after a holiday, not a date of someone's life. */
const EVENT_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:\\p{Lu}\\p{L}*\\s+)?(?:${EVENT_NOUNS.split(" ").join("|")})\\b`, "iu");
// Compiled once here rather than per match inside the loops below.
const WEEKDAY_START = new RegExp(`^(?:${WEEKDAYS})`, "i");
const HOLIDAY_LIST_AFTER = new RegExp(`^(?:(?:,|\\s+and|\\s+y|\\s*/|,\\s+and)\\s+(?:${HOLIDAYS.source.replace(/^\\b\(\?:|\)\\b$/g, "")}))*`);
const HOLIDAY_WHOLE = new RegExp(`^(?:${HOLIDAYS.source})$`);
const EVENT_NOUN_AFTER = new RegExp(`^\\s+(?:${EVENT_NOUNS.split(" ").join("|")}|shower|bonds?)\\b`, "i");

/** Round 6: kinship words and titles that go before a name and stay outside its span ("Lola Remedios", "bác Tư", "Pastor Lyle"). */
const KINSHIP_TITLES =
  "Lola Lolo Tita Tito Manong Manang Ate Kuya Ninang Ninong Inay Itay Nanay Tatay Apo Auntie Aunty Deacon Elder Reverend Rev Bishop Coach Papa Mama Nana Halmoni Halmeoni Halabeoji Harabeoji Bác bác Dì Cậu Thím Dượng chị Chị em cô chú ông bà Abuela Abuelo Abue Tía Tío Comadre Compadre Madrina Padrino Hajji Hajja Xaaji Hooyo Aabe Eedo Abti";
const FOREIGN_COMMON_WORDS =
  "li mwen yo ak pou nan sou te ap ki kay madanm misye vizit tansyon nimewo dat rann randevou pitit gason lopital klinik manje semenn jodi a demen telefòn fèmen bezwen " +
  "il elle ils elles nous vous suivi appel prochain prochaine rendez-vous fils fille mari femme chez avec pour dans sur est sont " +
  "ela ele eles elas caiu quer telefone consulta neto neta filho filha marido vem mora foi na no da do das dos com para " +
  "fecha hora lugar " +
  "gọi thăm việt các chương trình người tuổi bữa ăn mở cửa được của cho với " +
  "booqasho sonkorowga wiilkeeda wadnaha gabadheeda wiilka isbitaalka ballanta taleefanka waa iyo ku oo ayaa wuxuu waxay " +
  "ang mga si sa ng ay niya kanya noong nakatira anak tumawag ang sumusundo siya sila kami tayo po opo";
const VIET_KIN = /^(?:[ÔôBb]à|[Ôô]ng|[Cc]hú|[Cc]ô|[Cc]hị|[Bb]ác|[Dd]ì|[Cc]ậu|[Tt]hím|[Ee]m)$/u;
/** Vietnamese weekdays ("thứ Hai" … "thứ Bảy", "Chủ Nhật"): days, not names. */
const VIET_WEEKDAY = /\b(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật)(?!\p{L})/gu;
/** Words that start with a capital but are never a person's name or a place by themselves. */
const STOP = new Set(
  (
    "a an the and or but if of in on at to by for from with without about after before since until into over under near off as is was are were be been has have had do does did not no yes " +
    "i me my we us our you your he him his she her hers they them their it its this that these those there here who whom whose which what when where why how " +
    "mr mrs ms miss mx dr don doña dona sr sra srta señor señora señorita sir madam mme mlle madame monsieur madan misye seu senhor senhora bà ông " +
    "client clients patient patients pt pts name names dob age sex address phone cell email e-mail fax ssn mrn id case note notes situation strengths strength needs need tried question questions " +
    "update fyi general hi hello hey iakwe yokwe kommol thanks thank morning ok okay quick success celebrating celebration resources security subject from re fw fwd date born notes reason referral referred household insurance emergency contact primary preferred language mailing home " +
    "medicaid medicare snap wic leap cccap ssdi ssi tanf chp va ssa ed er icu pcp dme copd hiv ptsd adhd covid cpap rn md lcsw msw chw " +
    "food bank banks church center centre clinic hospital health housing authority department legal aid ymca coalition community worker workers team program programs school schools university pantry shelter services service state " +
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday driver drivers call meals wheels baby kids children mom dad ip pa pa's ok ptsd toyota honda ford dodge chevy chevrolet nissan buick kia hyundai subaru jeep gmc tesla volkswagen vw corolla civic camry accord taurus caravan impala malibu focus prius sienna odyssey " +
    "january february march april june july august september october november december spring summer fall autumn winter " +
    "english spanish arabic russian korean vietnamese chinese somali american mexican latino latina black white asian native " +
    "la el los las un una y de del en con por para su sus mi que se es muy pero como nota caso reunión éxito pregunta teléfono correo dirección tel cita " +
    "god jesus christ bible st saint lot apt unit suite po box pm am " +
    "facebook instagram whatsapp tiktok zoom google youtube twitter snapchat telegram signal messenger gmail outlook uber lyft amazon walmart target costco " +
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays lunes martes miércoles jueves viernes sábados domingos mon tue tues wed thur thurs fri sat " +
    "attendees attendee present absent dx hx tx rx sx fx pharm dra ob gyn obgyn gi ent ckd chf aki htn dm t2dm cm np lpn cna bmp cbc prn bid tid qhs hold stop olá oi " +
    "wife husband son daughter mother father mom dad brother sister cousin niece nephew grandson granddaughter grandmother grandfather grandma grandpa aunt uncle partner boyfriend girlfriend neighbor neighbour landlord roommate caseworker caregiver guardian friend family parents kids teen baby everyone someone anyone nobody staff check send call ask " +
    // Round 6 (ADR 099): kinship words and titles said before a name, never the name itself — Filipino, Korean,
    // Vietnamese, Spanish, church and community titles — and roles that label lines of a note.
    KINSHIP_TITLES.toLowerCase() + " sisters brothers elders deacons pastors tenant tenants facility interagency outreach advocate volunteer " +
    // Round 6: the commonest words of the languages care teams write in besides English and Spanish (Kreyòl,
    // French, Portuguese, Vietnamese, Somali, Tagalog) that a capital or a chat line would otherwise make a name.
    FOREIGN_COMMON_WORDS
  )
    .split(" ")
    // Words are looked up folded; the accented ones whose folded form is no one's name are added so ("bà" as "ba";
    // not "chú", "ông", "và", "từ", which fold to the names Chu, Ong, Va, Tu).
    .concat("ba bac goi tham viet cac chuong trinh nguoi tuoi bua mo cua duoc fenmen telefon telefone".split(" ")),
);

const HONORIFIC = /(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dra|Sr|Sra|Srta|Lic|Prof|Mme|Mlle|M)\.?|\b(?:Don|Doña|Dona|señor|señora|señorita|Señor|Señora|Señorita|Sister|Brother|Father|Pastor|Aunt|Uncle|Tía|Tío|tía|tío|Madame|Monsieur|Madan|Misye|Manzè|Dona|Seu|Senhor|Senhora|Bà|Ông|Cô|Chú|Anh|Chị|Hooyo|Aabe|Eedo|Abti|Xaaji|Xaajiyo|Lola|Lolo|Tita|Tito|Manong|Manang|Ate|Kuya|Ninang|Ninong|Auntie|Aunty|Deacon|Elder|Reverend|Rev\.?|Bishop|Coach|Papa|Mama|Nana|Halmoni|Bác|bác|chị|anh|em|cô|chú|Dì|Cậu))\s+$/;
const RELATION =
  /\b(?:this is|my name is|me llamo|soy|client|patient|pt|named|called|son|daughter|wife|husband|mother|mom|mum|father|dad|brother|sister|cousin|niece|nephew|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|partner|boyfriend|girlfriend|fiancée?|neighbou?r|landlord|landlady|roommate|caseworker|caregiver|guardian|friend|hijo|hija|esposa|esposo|nieto|nieta|hermano|hermana|mamá|papá|abuela|abuelo|sobrino|sobrina|familia|filho|filha|neto|neta|marido|irmão|irmã|avó|avô|fils|fille|mari|femme|frère|sœur|petit-fils|petite-fille|pitit gason|pitit fi|gason li|fi li|family|the|for|with|thanks|love|from|to|and|y|con|de|para|is|es|caso de|name|client name|emergency contact|contact|pt|about|ask|asked|tell|told|call|called|text|see|saw|met|visited|helped|remember|ok|via|ask for|lady|gentleman|man|woman|señora|señor|don|doña|aka|a\.k\.a\.|goes by|going by|known as|nicknamed|prefers|le dicen|apodado|apodada)\s*[:,]?\s*$/i;
const PLACE_PREP = /\b(?:in|at|near|by|from|off|off of|on|to|outside|behind|around|en|de|desde|cerca de|vive en|calle|over by|moved to|lives in|living in|toward|towards)\s+(?:the\s+|la\s+|el\s+)?$/i;
const STREET_SUFFIX = "Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Drive|Dr|Way|Court|Ct|Lane|Ln|Place|Pl|Parkway|Pkwy|Circle|Cir|Terrace|Ter|Trail|Highway|Hwy|Alley|Square|Sq|Loop";
const PLACE_WORDS =
  /^(?:County|City|Homes|Apartments|Apts|Residences|Residence|Lofts|Flats|Acres|Crossing|Landing|Ridge|Heights|Meadows|Park|Lake|Village|Manor|Pines|Towers|Tower|Plaza|Mission|Estates|Gardens|Creek|Hills|Ranch|Commons|Courts|Terrace|Villas|Station|Square|Mall|Motel|Inn|Lodge|Trailer|Neighborhood|Valley|MHP|RV)$/;

const WORD = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*\.?/gu;

interface Token {
  start: number;
  end: number;
  word: string; // without trailing period or possessive
  cap: boolean;
  sentenceStart: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    let end = m.index + word.length;
    if (word.endsWith(".")) {
      word = word.slice(0, -1);
      end -= 1;
    }
    const possessive = /['’]s$/.exec(word);
    if (possessive) word = word.slice(0, -2);
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const sentenceStart = m.index === 0 || /(?:[.!?:;]\s+|\n\s*|^\s*|[-•*]\s+|["“(]\s*)$/.test(before) && !/\b(?:Mr|Mrs|Ms|Dr|St)\.\s+$/.test(text.slice(Math.max(0, m.index - 5), m.index));
    // "al-Karim", "el-Nour", "bin-Laden": a lower-case particle joined to a capitalised name part counts as capitalised.
    const cap = /^\p{Lu}/u.test(word) || /^(?:al|el|ul|ad|ar|as|ash|at|az|an|abd|abu|bin|ibn|ben|bint|d|l)-\p{Lu}/u.test(word);
    tokens.push({ start: m.index, end: possessive ? end - 2 : end, word, cap, sentenceStart });
  }
  return tokens;
}

export interface DetectOptions {
  /** The coalition's own gazetteer (coalition-gazetteer.server.ts): its places and people flagged, its partners' names left alone. */
  gazetteer?: Gazetteer;
}

/** A unit after a place of the gazetteer belongs to it: "Fireweed Warming Center, cot 12", "Aspen Glen, unit 4C". */
const GAZETTEER_UNIT = /^(?:,?\s*(?:apt|apartment|unit|suite|ste|#|room|rm|cabin|space|spc|lot|bldg|building|bed|cot|trailer)\.?\s*#?\s*(?:[\w-]*\d[\w-]*|\p{Lu}\b))+/iu;

export function detectIdentifiers(text: string, options: DetectOptions = {}): Finding[] {
  const candidates: Candidate[] = [];
  const add = (type: IdentifierType, start: number, end: number, replacement?: string) => {
    // trim spaces and trailing punctuation
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s.,;:!?)\]]/.test(text[end - 1]) && !(text[end - 1] === "." && /\b(?:St|Ave|Blvd|Rd|Dr|Ct|Ln|Pl|Jr|Sr)\.$/.test(text.slice(start, end)))) end--;
    if (end > start) candidates.push({ type, start, end, replacement });
  };

  emails(text, add);
  urls(text, add);
  ips(text, add);
  ssns(text, add);
  vehiclesAndDevices(text, add);
  phones(text, add);
  ids(text, add);
  ages(text, add);
  dates(text, add);
  const tokens = tokenize(text);
  const orgs = organizationSpans(text, tokens);
  for (const g of options.gazetteer?.find(text) ?? []) {
    if (g.kind === "organization") orgs.push([g.start, g.end]);
    else if (g.kind === "person") add("NAME", g.start, g.end, "[name]");
    else add("LOCATION", g.start, g.end + (GAZETTEER_UNIT.exec(text.slice(g.end))?.[0].length ?? 0), "[place]");
  }
  for (const m of text.matchAll(HOLIDAYS)) orgs.push([m.index, m.index + m[0].length]); // "Independence Day", "Christmas Day"
  for (const m of text.matchAll(VIET_WEEKDAY)) orgs.push([m.index, m.index + m[0].length]);
  places(text, tokens, add, orgs);
  names(text, tokens, add, candidates, orgs);

  // Round 5: a hyphenated capitalised compound is one name ("St. Mary-Corwin", "Good Samaritan-Brookfield", "Solís-Reyes").
  for (const c of candidates) {
    if (c.type !== "NAME" && c.type !== "LOCATION") continue;
    let m: RegExpExecArray | null;
    while ((m = /^-\p{Lu}[\p{L}'’]*/u.exec(text.slice(c.end)))) c.end += m[0].length;
    while ((m = /\p{Lu}[\p{L}'’]*-$/u.exec(text.slice(Math.max(0, c.start - 30), c.start)))) c.start -= m[0].length;
  }
  return resolve(text, candidates);
}

type Add = (type: IdentifierType, start: number, end: number, replacement?: string) => void;

function emails(text: string, add: Add) {
  for (const m of text.matchAll(/[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[a-z]{2,}/giu)) add("EMAIL", m.index, m.index + m[0].length);
}

function urls(text: string, add: Add) {
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>()"']+/gi)) if (!publicResourceUrl(m[0])) add("URL", m.index, m.index + m[0].length);
  const bare = /(?<![@\w./-])(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|us|co|me|ly|info|biz|app|tv|mx)\b(?:\/[^\s<>()"']*)?/gi;
  for (const m of text.matchAll(bare)) if (!publicResourceUrl(m[0])) add("URL", m.index, m.index + m[0].length);
}

/**
 * A public resource link is not an identifier (eval/README.md): a government site (.gov, .mil) with no
 * number, query or fragment in it ("https://www.va.gov/pension"), or the home page of an organization's
 * site written with "www." ("https://www.needymeds.org"). Personal pages, portals with ids and bare
 * domains of personal sites ("mensahfamilyjourney.wordpress.com") stay URLs.
 */
function publicResourceUrl(url: string) {
  const m = /^(?:https?:\/\/)?([^/?#\s]+)(\/[^?#]*)?([?#].*)?$/i.exec(url.replace(/[.,;:!?)\]]+$/, ""));
  if (!m || m[3]) return false;
  const host = m[1].toLowerCase();
  const path = (m[2] ?? "").replace(/\/$/, "");
  if (/\d/.test(path) || /@/.test(path)) return false;
  if (/\.(?:gov|mil)$/.test(host)) return true;
  return /^www\.[a-z0-9-]+\.(?:org|gov|edu)$/.test(host) && path === "";
}

function ips(text: string, add: Add) {
  for (const m of text.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g)) {
    if (m[0].split(".").every((o) => Number(o) <= 255)) add("IP", m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(/(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi)) {
    if (isIPv6(m[0])) add("IP", m.index, m.index + m[0].length);
  }
}

function ssns(text: string, add: Add) {
  for (const m of text.matchAll(/(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g)) add("SSN", m.index, m.index + m[0].length);
  // Masked SSNs keep their last four: "XXX-XX-3318", "***-**-6630", "xxx xx 1234".
  for (const m of text.matchAll(/(?<![\w*#-])(?:[Xx*#]{3})([- ]?)(?:[Xx*#]{2})\1\d{4}(?![\d-])/g)) add("SSN", m.index, m.index + m[0].length);
  const context = /\b(?:SSN|SS#|social security(?: number| no\.?| #)?|social|seguro social)\b/gi;
  for (const m of text.matchAll(context)) {
    const windowStart = m.index + m[0].length;
    const window = text.slice(windowStart, windowStart + 40);
    const found = /(?<!\d)(\d{9}|\d{4})(?!\d)/.exec(window);
    if (found && !/[.!?]\s/.test(window.slice(0, found.index))) add("SSN", windowStart + found.index, windowStart + found.index + found[0].length);
  }
}

function vehiclesAndDevices(text: string, add: Add) {
  // VINs: 17 characters, no I, O or Q, at least one digit and one letter.
  for (const m of text.matchAll(/\b[A-HJ-NPR-Z0-9]{17}\b/g)) if (/\d/.test(m[0]) && /[A-Z]/.test(m[0])) add("VEHICLE", m.index, m.index + m[0].length);
  const plate = /\b(?:license plates?|licence plates?|plates?|tag|tags|placas?|VIN)\b(?:\s+(?:number|no\.?|#|was|is|were|are))?[:#]?\s*\(?\s*((?:[A-Z]{2}\s+)?[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/g;
  for (const m of text.matchAll(plate)) {
    if (!/\d/.test(m[1])) continue;
    const start = m.index + m[0].length - m[1].length;
    add("VEHICLE", start, start + m[1].length);
  }
  // A code in parentheses right after a vehicle: "grey Ford Ranger (CO 4KD-927)", "the van (WY 22-8814)".
  const vehicle = /\b(?:car|truck|van|minivan|suv|SUV|sedan|pickup|motorcycle|camper|RV|Ford|Chevy|Chevrolet|Toyota|Honda|Nissan|Dodge|Kia|Hyundai|Subaru|Jeep|GMC|Tesla|Mazda|Buick|Volkswagen|VW)\b[\w -]{0,20}?\(\s*((?:[A-Z]{2}\s+)?[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\s*\)/g;
  for (const m of text.matchAll(vehicle)) {
    if (!/\d/.test(m[1]) || !/[A-Z]/.test(m[1])) continue;
    const start = m.index + m[0].lastIndexOf(m[1]);
    add("VEHICLE", start, start + m[1].length);
  }
  const device =
    /\b(?:serial(?: no\b\.?| number\b| #)?|S\/N|SN#?|IMEI\b|device (?:id|ID|number)\b|transmitter (?:id|ID)\b|(?:has|with) ID\b|model and serial\b)(?:\s+(?:is|was|number|of))?[:#]?\s*/g;
  for (const m of text.matchAll(device)) {
    const at = m.index + m[0].length;
    const imei = /^\d{2}[ -]?\d{6}[ -]?\d{6}[ -]?\d/.exec(text.slice(at));
    if (imei) {
      add("DEVICE", at, at + imei[0].length);
      continue;
    }
    const token = /^[A-Z0-9][A-Z0-9-]{3,}/i.exec(text.slice(at));
    if (token && /\d/.test(token[0])) add("DEVICE", at, at + token[0].length);
  }
}

function phones(text: string, add: Add) {
  for (const m of findNumbers(text, { defaultCountry: "US", v2: true })) {
    // libphonenumber validates numbers in every country's plan; US-style groupings are matched
    // below (it rejects the 555-01xx fiction range and takes some account numbers for phones).
    const raw = text.slice(m.startsAt, m.endsAt);
    if (!raw.startsWith("+") || /[,;]/.test(raw)) continue;
    let end = m.endsAt;
    const ext = /^\s*(?:ext\.?|x|extension)\s*\d{1,5}/i.exec(text.slice(end));
    if (ext) end += ext[0].length;
    add("PHONE", m.startsAt, end);
  }
  // Numbers libphonenumber rejects as unassigned (555-01xx and the like) are still phone numbers here.
  const loose = /(?<![\w-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])|(?<![\w-])\d{10}(?![\w-])|(?<![\w-])\+\d{1,3}(?:[ .-]\d{2,4}){2,4}(?![\w-])/g;
  for (const m of text.matchAll(loose)) {
    let end = m.index + m[0].length;
    const ext = /^\s*(?:ext\.?|x|extension)\s*\d{1,5}/i.exec(text.slice(end));
    if (ext) end += ext[0].length;
    add("PHONE", m.index, end);
  }
}

function ids(text: string, add: Add) {
  const context =
    /\b(?:MRN|MR#|medical record(?: number| no\.?| #)?|record #|member(?: id| number| #| no\.?)?|beneficiary (?:id|identifier|number)|plan id|id|acct\.?|account(?: number| no\.?| #)?|case(?: number| no\.?| #)?|claim(?: number| reference| no\.?)?|file(?: number| no\.?)?|policy(?: number| no\.?)?|driver'?s license|licen[cs]e(?: number| no\.?)?|certificate(?: of [a-z]+)?(?: number| no\.?)?|número de (?:caso|cuenta|expediente|miembro)|expediente|cuenta|medicaid|medicare(?: #| number)?|identifier|reference|ending|ends in)\b/gi;
  for (const m of text.matchAll(context)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 60);
    const stop = /[.!?](?:\s|$)|\n/.exec(window);
    const scope = stop ? window.slice(0, stop.index) : window;
    // Numbers written in spaced groups ("110 045 889 2", "1EG4 TE5 MK73"): eight or more characters after the keyword.
    const spaced = /^[\s:#]*(?:(?:is|was|number|no\.?|#)\s+)?((?:\d[\dA-Z]{0,4} ){2,5}\d[\dA-Z]{0,4})(?![\w-])/i.exec(scope);
    if (spaced && spaced[1].replace(/\D/g, "").length >= 7 && spaced[1].replace(/\s/g, "").length >= 9 && /\d[ ]\d/.test(spaced[1]) && !/^\d{3} \d{3} \d{4}$/.test(spaced[1])) {
      const at = from + spaced.index + spaced[0].length - spaced[1].length;
      add("ID", at, at + spaced[1].length);
      continue;
    }
    const token = /(?<![\w-])(?=[A-Z0-9+-]*\d)[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9](?![\w-])/i.exec(scope);
    if (!token) continue;
    const digits = token[0].replace(/\D/g, "").length;
    if (digits < 4) continue;
    if (/^(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2})?$/.test(token[0])) continue; // a year or an ISO date
    add("ID", from + token.index, from + token.index + token[0].length);
  }
  // Immigration numbers written with spaces: alien numbers ("A 219 447 310", "A# 204-118-736") anywhere,
  // and I-94 admission numbers ("93817264 A4") after their keyword.
  for (const m of text.matchAll(/\bA\s?#?\s?-?\s?\d{2,3}[ -]\d{3}[ -]\d{3}\b/g)) add("ID", m.index, m.index + m[0].length);
  for (const m of text.matchAll(/\b(?:I-94|admission|arrival[- ]departure)(?:\s+(?:record|number|no\.?|#))*\s*[:#]?\s*(\d{8,11}\s?[A-Z]\d)\b/gi)) {
    const at = m.index + m[0].length - m[1].length;
    add("ID", at, at + m[1].length);
  }
  // Any other unique identifying number: long digit strings and letter-digit codes.
  // Several letter groups before the digits are one code: "VA-CG-2024-118402".
  for (const m of text.matchAll(/(?<![\w./$-])(?=[A-Z0-9-]*\d)(?:[A-Z]{1,4}-){0,2}(?:[A-Z]{1,4}-?)?\d[\dA-Z]*(?:-[\dA-Z]+){0,4}(?![\w/-])/g)) {
    const value = m[0];
    const digits = value.replace(/\D/g, "").length;
    if (digits < 5 && !(digits >= 4 && /[A-Z]/.test(value) && value.length >= 7)) continue;
    if (/^\d{1,5}$/.test(value)) continue; // house numbers, ZIPs, amounts are handled elsewhere
    if (/^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/.test(value)) continue; // an ISO date
    add("ID", m.index, m.index + value.length);
  }
}

/** The words of an age go with it: "93 year old", "96-year-old", "ninety-four years old", "noventa y un años" (round 5). */
const AGE_WORDS_AFTER = /^(?:-|\s)?(?:years?|yrs?\.?)(?:[- ]old)?\b|^\s*y\/?o\b|^\s*años(?:\s+de\s+edad)?\b|^\s*ans\b|^\s*anos\b/i;

/** Round 6: the words of an age in Vietnamese, Korean, Chinese, Somali, Tagalog, Kreyòl ("94 tuổi", "91세", "92 sano jir", "93 taong gulang"). */
const AGE_WORDS_OTHER = /^\s*(?:tuổi|세|살|岁|歲|sano(?:\s+jir)?|jir|taong gulang|anyos|lane|an\b)/iu;

function ages(text: string, add: Add) {
  for (const m of text.matchAll(/(?<![\d.,$#/-])(\d{2,3})(?![\d%/]|[.,:]\d)/g)) {
    const n = Number(m[1]);
    if (n < 90 || n > 125) continue;
    if (text[m.index + m[1].length] === "+") continue; // "90+" is the safe form
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[1].length, m.index + m[1].length + 20);
    const ageAfter = /^(?:-|\s)?(?:years?|yrs?|y\/?o\b|year-old|-year|años|\s*años|\)|,|\s+on\b|\s+last\b|\s+and\b|\s*$|\s*\?|\s+this\b)/i.test(after) || AGE_WORDS_OTHER.test(after);
    const ageBefore = /(?:\bage[ds]?|\baged|\bturned|\bturns|\bis|\bshe'?s|\bhe'?s|\bhis|\bher|\bwas|\btiene|\bde|\bedad|\bme|\bold|,|\()\s*:?\s*$/i.test(before);
    const unit = /^\s*(?:minutes|mins?|hours|days|weeks|months|dollars|units|mg|lbs?|pounds|miles|percent|%|cents|people|families|staff|patients|clients)\b/i.test(after);
    if (unit) continue;
    if (ageAfter || ageBefore) {
      const words = AGE_WORDS_AFTER.exec(after)?.[0] ?? AGE_WORDS_OTHER.exec(after)?.[0] ?? "";
      add("AGE", m.index, m.index + m[1].length + words.length, `90+${words}`);
    }
  }
  // Round 6: an age as a decade over 89 ("in her late nineties", "mid-90s", "early 90's").
  for (const m of text.matchAll(/\b(?:(?:early|mid|late)[- ]?(?:nineties|90'?s)|(?:in|into)\s+(?:her|his|their)\s+(?:nineties|90'?s))\b/gi)) add("AGE", m.index, m.index + m[0].length, "90+");
  // Ages over 89 in words: "ninety-six", "a hundred and one", "noventa y dos" beside an age word.
  const tens = "ninety|noventa";
  const unitsEn = "one|two|three|four|five|six|seven|eight|nine";
  const unitsEs = "uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve";
  const wordAge = new RegExp(`\\b(?:(?:${tens})(?:[- ](?:${unitsEn})|\\s+y\\s+(?:${unitsEs}))?|(?:a|one)\\s+hundred(?:\\s+and\\s+(?:${unitsEn}|ten))?|cien(?:to)?(?:\\s+(?:${unitsEs}))?)\\b`, "gi");
  for (const m of text.matchAll(wordAge)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (/^\s*(?:percent|%|dollars|pesos|minutes|days|miles|people|times|cents|pounds|lbs|mg|units|of\b)/i.test(after)) continue;
    const ageAfter = /^(?:-|\s)*(?:years?|yrs?|y\/?o\b|year-old|años|now\b|this\b|next\b|in\b|on\b|[.,;)]|\s*$)/i.test(after);
    const ageBefore = /(?:\bage[ds]?|\bturned|\bturns|\bturning|\bis|\bshe'?s|\bhe'?s|\bwas|\btiene|\bcumplió|\bcumple|\bedad|\bold|\bnearly|\balmost|\bover)\s*:?\s*$/i.test(before);
    // Round 6: in apposition after a name, between commas or before a bracket ("Mr. Kowalczyk, ninety-nine, shares …").
    const apposition = /\p{Lu}[\p{L}'’]+,\s*$/u.test(before) && /^\s*[,;)]/.test(after);
    if (ageBefore || apposition || (ageAfter && /^(?:-|\s)*(?:years?|yrs?|y\/?o|year-old|años)/i.test(after))) {
      const words = AGE_WORDS_AFTER.exec(after)?.[0] ?? "";
      add("AGE", m.index, m.index + m[0].length + words.length, `90+${words}`);
    }
  }
  // A birth year that puts the person over 89 ("born 1932", "b. 1931", "nacido en 1929"): Safe Harbor
  // removes every date element, the year included, that indicates such an age.
  const oldest = new Date().getFullYear() - 90;
  const born = /\b(?:born(?:\s+in)?|b\.|n\.|nacid[oa](?:\s+en)?|naci[oó](?:\s+en)?|year of birth|birth year|a[nñ]o de nacimiento)\s*:?\s*((?:18|19|20)\d{2})\b(?![-/.]\d)/gi;
  for (const m of text.matchAll(born)) {
    if (Number(m[1]) > oldest) continue;
    const at = m.index + m[0].length - m[1].length;
    add("AGE", at, at + 4, "[year, age 90+]");
  }
}

function dates(text: string, add: Add) {
  const monthWord = new RegExp(`\\b(?:${MONTHS_EN}|${MONTHS_EN_ABBR}|${MONTHS_ES}|${MONTHS_FR}|${MONTHS_PT})\\b|\\btháng\\b`, "i");
  // French, Portuguese and Vietnamese parsers run only on texts with one of their month or weekday words (each parser costs time).
  const results = [...chrono.parse(text), ...chrono.es.parse(text), ...(FR_PT_CUE.test(text) ? [...chrono.fr.parse(text), ...chrono.pt.parse(text)] : []), ...(/\btháng\s+\d/.test(text) ? chrono.vi.parse(text) : [])];
  for (const r of results) {
    const hasMonth = monthWord.test(r.text);
    const numeric = /\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?/.test(r.text);
    if (!hasMonth && !numeric) continue;
    if (!r.start.isCertain("month") && !r.start.isCertain("day")) continue;
    if (hasMonth && /^may$/i.test(r.text.trim()) && !/^May\b/.test(r.text)) continue;
    if (!/\d/.test(r.text) && publicAnnouncement(text, r.index, r.index + r.text.length)) continue; // "opens in November"
    if (!/\d/.test(r.text) && RECURRING_BEFORE.test(text.slice(Math.max(0, r.index - 12), r.index))) continue; // "every January"
    // "Open enrollment runs October 15 to December 7": the dates of a public period, not of a person.
    if (PUBLIC_PERIOD.test(sentenceAround(text, r.index, r.index + r.text.length)) && !PERSON_CUE.test(sentenceAround(text, r.index, r.index + r.text.length))) continue;
    let start = r.index;
    const end = r.index + r.text.length;
    const weekday = new RegExp(`(?:\\b(?:${WEEKDAYS}|${WEEKDAYS_ABBR})\\.?,?\\s+(?:the\\s+|el\\s+)?)$`, "i").exec(text.slice(Math.max(0, start - 16), start));
    if (weekday) start -= weekday[0].length;
    addDate(text, add, start, end);
  }
  // A month on its own ("since January", "la renta de junio").
  const months = new RegExp(`\\b(?:${MONTHS_EN}|${MONTHS_EN_ABBR}\\.?|${MONTHS_ES})\\b`, "gi");
  for (const m of text.matchAll(months)) {
    const word = m[0];
    if (/^\.?,?\s*\d/.test(text.slice(m.index + word.length, m.index + word.length + 4)) && results.some((r) => r.index <= m.index && m.index < r.index + r.text.length)) continue; // part of a full date
    if (/^(?:may|mar|jun|jan|dec|sept?)$/i.test(word.replace(".", "")) && word.replace(".", "").length <= 4) {
      // "May" the month versus "may" the verb; short abbreviations need a day or year beside them
      const near = text.slice(m.index + word.length, m.index + word.length + 6);
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      const english = /^[A-Z]/.test(word);
      if (!english) continue;
      if (!/^\.?\s*\d/.test(near) && !/\b(?:in|since|of|until|by|early|late|mid|last|this|next)\s+$/i.test(before)) continue;
    } else if (/^[a-z]/.test(word) && !MONTHS_ES.split("|").includes(word.toLowerCase())) continue; // "march" the verb
    if (MONTHS_ES.split("|").includes(word.toLowerCase()) && !/\b(?:de|en|el|desde|para|hasta|a|finales de|principios de|mediados de)\s+$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    if (publicAnnouncement(text, m.index, m.index + word.length)) continue;
    // A month that recurs ("every January", "cada diciembre") dates no event, like a weekday plural.
    if (RECURRING_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    addDate(text, add, m.index, m.index + word.length);
  }
  // Ordinal days ("the 15th", "Tuesday the 9th") and holidays.
  const ordinal = new RegExp(`(?:\\b(?:${WEEKDAYS}),?\\s+)?\\b(?:the\\s+|el\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b(?:\\s+of\\s+(?:${MONTHS_EN}))?`, "gi");
  for (const m of text.matchAll(ordinal)) {
    if (/(?:st|nd|rd|th)$/i.test(m[0]) && /^\s+(?:Avenue|Ave|Street|St|Place|Pl|Blvd|Drive|Dr|grade|floor|birthday|percentile|time|visit|century)\b/i.test(text.slice(m.index + m[0].length))) continue;
    if (/\b(?:on|at|by|off|of|over by)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) && !/^(?:the|el)\s/i.test(m[0]) && !WEEKDAY_START.test(m[0])) continue;
    // An ordinal alone is a day only with a date cue: "the 15th", "since 3rd", "Monday the 3rd", "the 9th of May";
    // not "2nd fl", "dtr in 4th gr", "the 2nd one", "the 4th week" (a rank before a noun).
    const cued = /^(?:the|el)\s/i.test(m[0]) || WEEKDAY_START.test(m[0]) || /\bof\s/i.test(m[0]) || /\b(?:since|until|till|til|due|before|after|from|thru|through|desde|hasta)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    if (!cued) continue;
    const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(m.index + m[0].length))?.[1];
    if (!/\bof\s/i.test(m[0]) && next && !/^(?:and|or|at|to|for|when|we|she|he|they|i|it|but|so|because|through|thru|until|til|in|from|about|if|then|after|before|with|of|is|was|will|y|a|en|para|pero|porque|que|hasta|desde|around|by|or|last|this|next|bc|b\/c|and|as|but|to|she's|he's|her|his|their|we're)$/.test(next)) continue;
    add("DATE", m.index, m.index + m[0].length, "[date]");
  }
  for (const m of text.matchAll(HOLIDAYS)) {
    // "Tết, Nowruz and Kwanzaa events": every holiday of a list before an event noun names the event.
    const listAfter = HOLIDAY_LIST_AFTER.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0;
    if (EVENT_AFTER.test(text.slice(m.index + m[0].length + listAfter, m.index + m[0].length + listAfter + 30))) continue;
    if (publicAnnouncement(text, m.index, m.index + m[0].length)) continue;
    // A religious observance as a practice ("fasts in Ramadan", "during Lent", "keeps Shabbat") dates nothing.
    if (/\b(?:fasts?|fasting|fasted|observes?|observing|keeps?|during|throughout|each|every|celebrates?|celebrating|for)\s+(?:in\s+|during\s+|the\s+)?$/i.test(text.slice(Math.max(0, m.index - 20), m.index)) && !PERSON_EVENT.test(sentenceAround(text, m.index, m.index + m[0].length))) continue;
    const year = /^,?\s+(?:19|20)\d{2}\b/.exec(text.slice(m.index + m[0].length));
    add("DATE", m.index, m.index + m[0].length + (year ? year[0].length : 0), "[holiday]");
  }
  // Numeric dates chrono leaves out: day.month.year (European notes), ISO year-month-day; with a weekday before them.
  const numeric = new RegExp(`(?:\\b(?:${WEEKDAYS}|${WEEKDAYS_ABBR})\\.?,?\\s+)?(?<![\\d.])(?:(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)?\\d{2})|((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2}))(?![\\d.]\\d)`, "gi");
  for (const m of text.matchAll(numeric)) {
    const [day, month] = m[1] ? [Number(m[1]), Number(m[2])] : [Number(m[6]), Number(m[5])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) add("DATE", m.index, m.index + m[0].length, m[1] ? "[date]" : dateReplacement(`${m[4]}-${m[5]}`));
  }
  // A weekday right before a numeric date ("Wed 11/13", "Fri 6/14").
  for (const m of text.matchAll(new RegExp(`\\b(?:${WEEKDAYS}|${WEEKDAYS_ABBR})\\.?,?\\s+\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b`, "gi"))) add("DATE", m.index, m.index + m[0].length);
  // Days written as ordinal words: "the fourteenth of May", "May fourteenth", "the twenty-third of March, 1971".
  const ordinalWords = `(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
  const wordDate = new RegExp(`\\b(?:the\\s+)?${ordinalWords}\\s+of\\s+(?:${MONTHS_EN})(?:,?\\s+(?:19|20)\\d{2})?\\b|\\b(?:${MONTHS_EN})\\s+(?:the\\s+)?${ordinalWords}\\b(?:,?\\s+(?:19|20)\\d{2}\\b)?`, "gi");
  for (const m of text.matchAll(wordDate)) addDate(text, add, m.index, m.index + m[0].length);
  // Spanish abbreviated months: "9 de dic.", "14 de ene. de 2025", "3 de feb".
  const esAbbr = new RegExp(`\\b\\d{1,2}\\s+de\\s+(?:${MONTHS_ES_ABBR})\\b\\.?(?:\\s+(?:de\\s+|del\\s+)?(?:19|20)\\d{2}\\b)?`, "gi");
  for (const m of text.matchAll(esAbbr)) addDate(text, add, m.index, m.index + m[0].length);
  // Haitian Creole and Somali dates: "samdi 8 mas", "lendi 14 oktòb 2024", "15 Oktoobar", "Oktoobar 15", "Jimcaha 3 Maarso".
  // "me", "out" and "mas" are also English or Spanish words: with a weekday or a year only.
  const htSo = new RegExp(`(?:\\b(?:${WEEKDAYS_HT}|${WEEKDAYS_SO})\\s+)?\\b\\d{1,2}\\s+(?:${MONTHS_HT}|${MONTHS_SO})\\b(?:\\s+(?:19|20)\\d{2}\\b)?|\\b(?:${MONTHS_SO})\\s+\\d{1,2}\\b(?:,?\\s+(?:19|20)\\d{2}\\b)?`, "gi");
  for (const m of text.matchAll(htSo)) {
    if (/\s(?:me|out|mas)$/i.test(m[0]) && !new RegExp(`^(?:${WEEKDAYS_HT}|${WEEKDAYS_SO})\\s`, "i").test(m[0])) continue;
    add("DATE", m.index, m.index + m[0].length, "[date]");
  }
  // Relative dates with their words: "the second week of January", "last weekend of March", "mid-February", "early Nov.",
  // "the weekend after Easter", "the week before Christmas".
  const part = String.raw`(?:the\s+)?(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th|middle|end|beginning|start)\s+(?:week|weekend|half|part|days|few days)\s+of\s+`;
  const relative = new RegExp(`\\b${part}(?:${MONTHS_EN}|${MONTHS_EN_ABBR})\\b\\.?|\\b(?:early|mid|late|end of|beginning of|start of|middle of)[- ](?:${MONTHS_EN}|${MONTHS_EN_ABBR})\\b\\.?|\\b(?:the\\s+)?(?:week|weekend|day|days|night)\\s+(?:after|before|of)\\s+(?:${HOLIDAYS.source.replace(/^\\b\(\?:|\)\\b$/g, "")})\\b`, "gi");
  for (const m of text.matchAll(relative)) {
    if (!/\d/.test(m[0]) && (publicAnnouncement(text, m.index, m.index + m[0].length) || RECURRING_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)))) continue;
    addDate(text, add, m.index, m.index + m[0].length);
  }
  // Round 6: Somali ordinal days ("3da Disembar", "10ka Disembar"), Tagalog months ("Disyembre 1", "ika-5 ng Marso"),
  // Korean ("12월 18일"), a Vietnamese weekday before a numeric date ("thứ Năm 9/12"), Portuguese "dia 28 de outubro"
  // and a relative day before a date ("yesterday, Dec 1").
  const tl = "enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre";
  const more = new RegExp(
    `\\b\\d{1,2}(?:aad|da|ka|ta|la|na|dii)\\s+(?:${MONTHS_SO}|disembar|disember|oktoobar)\\b(?:\\s+(?:19|20)\\d{2}\\b)?|\\b(?:${tl})\\s+\\d{1,2}\\b(?:,?\\s+(?:19|20)\\d{2}\\b)?|\\bika-?\\d{1,2}\\s+ng\\s+(?:${tl})\\b|(?<![\\d])\\d{1,2}월\\s*\\d{1,2}일|[Tt]hứ\\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)\\s+\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|\\b(?:dia|día)\\s+(?=\\d{1,2}\\s+de\\s+|\\d{1,2}\\s+(?:${MONTHS_FR})\\b)|\\b(?:yesterday|today|tomorrow|ayer|hoy|mañana),\\s+(?=(?:${MONTHS_EN_ABBR}|${MONTHS_EN})\\b\\.?\\s+\\d)`,
    "giu",
  );
  for (const m of text.matchAll(more)) add("DATE", m.index, m.index + m[0].length, "[date]");
  // A weekday with the day of the month and no month: "el martes 7", "jueves 16", "Friday 3rd" (not a time: "lunes 10 am").
  const weekdayDay = new RegExp(`\\b(?:${WEEKDAYS})\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?::|\\d|a\\.?m\\b|p\\.?m\\b|h\\b|hrs?\\b|horas?\\b|de la\\b|y media\\b|o'?clock|%|/|-\\d))`, "gi");
  for (const m of text.matchAll(weekdayDay)) if (Number(m[1]) >= 1 && Number(m[1]) <= 31) add("DATE", m.index, m.index + m[0].length, "[date]");
}

/**
 * A sentence about a public event, not a person: an announcement word ("closed for", "opens in",
 * "calendar", "events", "enrollment") and no word that points at a person. A month alone or a
 * holiday there ("WIC clinics close for Thanksgiving", "open enrollment ends in early December") is
 * not a date of anyone's life (eval/README.md).
 */
const ANNOUNCEMENT = /\b(?:clos(?:e|es|ed|ing|ure|ures)\s+(?:early\s+|late\s+|at noon\s+)?(?:for|on|in)?|cerrad[oa]s?|cerramos|no habrá|returns in|aviso|holiday hours|store hours|deductibles?\s+(?:reset|start over)|plan year|benefit year|have a (?:table|booth)|tabling|shifts?|(?:re)?opens?\s+(?:for\b[^.;]*?\bin|in|on)|open enrollment|enrollment|registration|calendar|events?|celebrations?|festivals?|potlucks?|volunteers?|workshops?|meetings?|distributions?|meets|hosts?|holds|merging|schedule|coalition|congregations?|communit(?:y|ies)|partners?|program(?:s|me)?|journey|lantern|procession|deadline|applications)\b/i;
const RECURRING_BEFORE = /\b(?:every|each|cada|todos los|todas las)\s+$/i;
const PUBLIC_PERIOD = /\b(?:open enrollment|enrollment period|enrollment runs|annual enrollment|special enrollment|filing season|tax season|deadline for everyone|application period)\b/i;
const PERSON_CUE = /\b(?:she|he|her|his|him|hers|herself|himself|ella|él|client|patient|pt|mom|dad|son|daughter|wife|husband|grandson|granddaughter|grandmother|grandfather|mother|father|baby|born|birthday|fell|admitted|discharged|moved|evicted|died|passed|due|hijo|hija|esposo|esposa|nieto|nieta|señora|señor|don|doña|mr|mrs|ms)\b/i;

/** Events of a person's life: a holiday in the same sentence dates it ("broke her hip on Eid"). */
const PERSON_EVENT = /\b(?:fell|fall|broke|admitted|discharged|moved|evicted|died|passed|born|hospitali[sz]ed|arrived|left|started|stopped|lost|surgery|accident|caída|murió|falleció|se cayó|llegó)\b/i;

function publicAnnouncement(text: string, start: number, end: number) {
  const sentence = sentenceAround(text, start, end);
  return ANNOUNCEMENT.test(sentence) && !PERSON_CUE.test(sentence);
}

/** "on March 3" → "in spring", "since March 3" → "since spring", "March 3" → "in spring". */
function addDate(text: string, add: Add, start: number, end: number) {
  const replacement = dateReplacement(text.slice(start, end));
  if (!replacement.startsWith("in ")) return add("DATE", start, end, replacement);
  const before = text.slice(Math.max(0, start - 8), start);
  const on = /\b(?:on|in|en|el)\s+$/i.exec(before);
  if (on) return add("DATE", start - on[0].length, end, replacement);
  if (/\b(?:since|from|until|till|by|before|after|around|desde|hasta|antes de|después de)\s+$/i.test(before)) return add("DATE", start, end, replacement.slice(3));
  add("DATE", start, end, replacement);
}

function dateReplacement(value: string) {
  const year = /\b(?:19|20)\d{2}\b/.exec(value)?.[0];
  const word = new RegExp(`\\b(${MONTHS_EN}|${MONTHS_EN_ABBR}|${MONTHS_ES})\\b`, "i").exec(value)?.[1]?.toLowerCase();
  let month = word ? MONTH_SEASON[word] : undefined;
  if (!month) {
    const numeric = /(\d{1,4})[/-](\d{1,2})(?:[/-](\d{2,4}))?/.exec(value);
    if (numeric) {
      const first = Number(numeric[1]);
      const m = numeric[1].length === 4 ? Number(numeric[2]) : first;
      if (m >= 1 && m <= 12) month = season(m - 1);
    }
  }
  if (!month) return "[date]";
  // A year 90 or more years back can reveal an age over 89 (a birth date): Safe Harbor removes it too.
  // Neither the year nor a season is kept then: "[date]".
  if (year && Number(year) <= new Date().getFullYear() - 90) return "[date]";
  return year ? `${month} ${year}` : `in ${month}`;
}

const VEHICLE_MAKE_BEFORE = /\b(?:Ford|Chevy|Chevrolet|Toyota|Honda|Nissan|Dodge|Kia|Hyundai|Subaru|Jeep|GMC|Tesla|Mazda|Buick|Volkswagen|VW|Mitsubishi|Chrysler|Lexus|Acura)\s+$/;

/** Words that make a capitalised phrase an organization or a service ("Denver Human Services", "Rocky Mountain Refugee Network"). */
const ORG_SUFFIX = /^(?:Aid|Treasurer|Treasurer's|Assessor|Clerk|Sheriff|Recorder|Auditor|Prosecutor|Probate|Services|Service|Network|Council|Coalition|Ministries|Ministry|Outreach|Recovery|Project|Healthcare|Alliance|Foundation|Association|Partnership|Initiative|Collaborative|Agency|Institute|Society|Mobility|Caring|Center|Centre|Clinic|Hospital|Health|Bank|Pantry|Program|Authority|Department|Charities|Fund|Kitchen|Club|Corps|Cooperative|Office|Team|Group|Committee|Commission|Board|Behavioral|Housing|Way|Connection|Connections|Solutions|Resources|Academy|Church)$/;
/** Places where people live, sleep or go: a capitalised phrase ending so is a place even when its words are ordinary ("Mercy Harbor Family Shelter"). */
const FACILITY_SUFFIX = String.raw`(?:Mobile Home (?:Park|Community|Estates|Court|Village)|Manufactured Home Community|Trailer (?:Park|Court)|RV Park|Senior (?:Apartments|Apts|Living|Residences|Community|Housing)|Assisted Living|Retirement Community|Apartments|Apts|Residences|Towers|Manor|Village|Vlg|Villas|Commons|Lofts|Estates|(?:Family |Women'?s |Womens |Men'?s |Mens |Youth |Emergency |Homeless |Night )?Shelter|Motel|Inn|Lodge|Lutheran|Baptist|Catholic|Methodist|Presbyterian|Episcopal|Pentecostal|Adventist|Mosque|Masjid|Gurdwara|Synagogue|Chapel|Cathedral|Elementary|Middle School|High School|School|Academy|Gardens|Garden Apartments|Homes|Heights|Courts|Hotel|Hostel|Suites|Laundromat)`;
const ENDS_WITH_FACILITY = new RegExp(`${FACILITY_SUFFIX}$`);

/**
 * Spans of capitalised phrases that name an organization: a run of capitalised words (small words
 * such as "of", "for", "and", "de" inside) holding an organization word — "Denver Human Services",
 * "Mile High United Way", "the Journey Home Project". Names and places found by the capitalised-run
 * rules inside them are dropped; a phrase ending in a place of residence ("… Family Shelter") is not one.
 */
function organizationSpans(text: string, tokens: Token[]): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j].end, tokens[j + 1].start);
      if (tokens[j + 1].cap && /^(?:['’]s)?[ \t]+$|^-$/.test(gap)) j++;
      else if (!tokens[j + 1].cap && /^(?:of|for|and|on|the|de|del|y|&)$/.test(tokens[j + 1].word) && /^[ \t]+$/.test(gap) && j + 2 < tokens.length && tokens[j + 2].cap && /^[ \t]+$/.test(text.slice(tokens[j + 1].end, tokens[j + 2].start))) j += 2;
      else break;
    }
    const words = tokens.slice(i, j + 1).map((t) => t.word);
    if (words.some((w) => ORG_SUFFIX.test(w)) && !ENDS_WITH_FACILITY.test(text.slice(tokens[i].start, tokens[j].end))) {
      // "United Way" and "Health" need a second word; a lone "Health" or "Center" is not an organization's name.
      if (j > i) spans.push([tokens[i].start, tokens[j].end]);
    }
    i = j + 1;
  }
  return spans;
}

const inside = (spans: [number, number][], start: number, end: number) => spans.some(([s, e]) => s <= start && end <= e);

function places(text: string, tokens: Token[], add: Add, orgs: [number, number][]) {
  const { cities, countries } = lexicon();
  // Street addresses, with or without a house number, and an apartment or unit after them.
  // Floors and positions ("2nd fl rear", "upstairs", "basement") and spaces, buildings and rooms ("Spc 61", "bldg C", "rm 4") are units too.
  const unit = String.raw`(?:,?\s*(?:(?:Apartment|Apt\.?|Unit|Suite|Ste\.?|#|unit|apartamento|apto\.?|departamento|depto\.?|apt\.?|interior|int\.|Spc\.?|spc\.?|Space|space|Lot|lot|Bldg\.?|bldg\.?|Building|Rm\.?|rm\.?|Room|room)\s*#?[\w-]+(?:\s*#\s*\w+)?|\d{1,2}(?:st|nd|rd|th)\s+(?:fl|flr|floor)\b\.?(?:\s+(?:rear|front|back|left|right))?|(?:upstairs|downstairs|basement|rear|back house|garage apt)\b(?:\s+(?:unit|apt|apartment))?))?`;
  const street = new RegExp(
    String.raw`(?:\b\d{1,6}\s+)?(?:\b(?:[NSEW]\.|North|South|East|West)\s+)?(?:\b(?:\p{Lu}[\p{L}'’]*|\d{1,3}(?:st|nd|rd|th))\s+){1,3}(?:${STREET_SUFFIX})\b\.?(?:\s+(?:North|South|East|West|N|S|E|W)\b)?${unit}`,
    "gu",
  );
  for (const m of text.matchAll(street)) {
    // "PCP Dr. Aquino", "cardiology Dr Mehta": a doctor's title, not a drive.
    if (!/\d/.test(m[0]) && /\bDr\.?$/.test(m[0]) && /^\s*(?:\p{Lu}\p{Ll}|\[name\])/u.test(text.slice(m.index + m[0].length))) continue;
    if (inside(orgs, m.index, m.index + m[0].replace(/\s+\d.*$/, "").length)) continue; // "Mile High United Way"
    add("LOCATION", m.index, m.index + m[0].length, /\d/.test(m[0]) ? "[address]" : "[street]");
  }
  // The street name before the number, as Spanish speakers write it: "Tennyson St 4820, apto. 9".
  const numberAfter = new RegExp(String.raw`\b(?:\p{Lu}[\p{L}'’]*\s+){1,3}(?:${STREET_SUFFIX})\b\.?\s+(?:\d{1,5}(?=${unit.slice(0, -1)})${unit.replace(/\)\?$/, ")")}|\d{1,4}\b(?![\d:/.,]\d|\s*(?:am|pm|a\.m|p\.m|%|mg|years?|yrs?|days?|times|minutes|mins|hours|hrs|miles|blocks)\b))`, "gu");
  for (const m of text.matchAll(numberAfter)) {
    if (/\d\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) || inside(orgs, m.index, m.index + m[0].replace(/\s+\d.*$/, "").length)) continue;
    add("LOCATION", m.index, m.index + m[0].length, "[address]");
  }
  // GPS coordinates: "39.7805, -104.9718" (a latitude and a longitude with three or more decimals).
  for (const m of text.matchAll(/(?<![\d.])(-?\d{1,2}\.\d{3,})\s*,\s*(-?\d{1,3}\.\d{3,})(?!\d|\.\d)/g)) {
    if (Math.abs(Number(m[1])) <= 90 && Math.abs(Number(m[2])) <= 180) add("LOCATION", m.index, m.index + m[0].length, "[coordinates]");
  }
  // Streets typed in lower case in texts: after a house number or a place word ("on harlan st", "1200 w colfax ave").
  for (const m of text.matchAll(new RegExp(String.raw`(?:\b\d{1,6}\s+|\b(?:on|off|at|to|from|in|near|by)\s+)((?:[nsew]\s+)?(?:\p{Ll}[\p{Ll}'’]+|\d{1,3}(?:st|nd|rd|th))(?:\s+\p{Ll}[\p{Ll}'’]+)?\s+(?:st|ave|blvd|rd|dr|ln|ct|pl|pkwy|cir|way|street|avenue|road|drive|lane|court)\b${unit})`, "gu"))) {
    if (/^(?:the|a|my|his|her|their|our|your|this|that)\s/.test(m[1])) continue;
    add("LOCATION", /^\d/.test(m[0]) ? m.index : m.index + m[0].length - m[1].length, m.index + m[0].length, "[address]");
  }
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:Highway|Hwy|Route|Interstate|I-)\s?\d{1,3}\b`, "g"))) {
    if (/^I-/.test(m[0]) && /^\s*(?::|#|record|number|no\b|form|admission|card|arrival)/i.test(text.slice(m.index + m[0].length))) continue; // the I-94 arrival record
    add("LOCATION", m.index, m.index + m[0].length, "[street]");
  }
  // Mail boxes and rural addresses, whole: "P.O. Box 12", "Box 12", "RR 2 Box 48", "Rural Route 2", "HC 61 Box 2210", "Apartado Postal 77".
  const box = String.raw`(?:P\.?\s?O\.?\s?Box|Post Office Box|PO Box|Box|Apartado(?: Postal)?|Apdo\.?|Casilla(?: Postal)?)\s*#?\s*\d+[A-Z]?\b`;
  const route = String.raw`\b(?:R\.?R\.?|Rural Route|H\.?C\.?|Highway Contract(?: Route)?|Star Route|RFD|Route)\s*#?\s*\d+`;
  for (const m of text.matchAll(new RegExp(`${route}(?:,?\\s*${box})?|(?<![\\p{L}])${box}`, "giu"))) {
    if (/^box/i.test(m[0]) && !/^Box/.test(m[0]) && !/\b(?:po|p\.o\.|mail|post office)\s*$/i.test(text.slice(Math.max(0, m.index - 14), m.index))) continue; // "box 3 of the files"
    add("LOCATION", m.index, m.index + m[0].length, "[address]");
  }
  // Numbered roads with their names: "County Road 27", "Navajo Route 12", "State Highway 52", "CR 18".
  for (const m of text.matchAll(/\b(?:(\p{Lu}[\p{L}.]+)\s+)?(?:Road|Rd\.?|Route|Highway|Hwy\.?|Trail|CR|FM)\s+\d{1,4}[A-Z]?\b/gu)) {
    const named = m[1] && !STOP.has(fold(m[1])) ? 0 : m[1] ? m[1].length + 1 : 0;
    add("LOCATION", m.index + named, m.index + m[0].length, "[street]");
  }
  for (const m of text.matchAll(/\b(?:Lot|Space|Unit|unit|lot|space|Apt\.?|apt\.?|Lote|lote|Espacio|espacio|Trailer|trailer)\s+#?\d+[A-Z]?\b/g)) add("LOCATION", m.index, m.index + m[0].length, "[address]");
  // Spanish: "calle Tejon 3320", "Federal y 38", ordinal streets "on 10th"
  // "calle Naranjo 418 esq. Mezquite" (the corner belongs to the address), "col. Los Ébanos", "Urb. Villa Carolina", "fracc. Las Brisas".
  const corner = String.raw`(?:,?\s+(?:esq\.?|esquina(?:\s+con)?|entre)\s+(?:calle\s+)?\p{Lu}[\p{L}'’]*(?:\s+(?:y\s+)?\p{Lu}[\p{L}'’]*)*)?`;
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}.])(?:calle|avenida|av\.|carretera|colonia|col\.|fraccionamiento|fracc\.|urbanización|urbanizacion|urb\.|barrio|privada|callejón|Calle|Avenida|Av\.|Carretera|Colonia|Col\.|Fraccionamiento|Fracc\.|Urbanización|Urb\.|Barrio|Privada|Callejón)\s+(\p{Lu}[\p{L}'’]*(?:\s+(?:(?:de|del|la|las|los|el)\s+)*\p{Lu}[\p{L}'’]*)*(?:\s+\d+)?${unit}${corner})`, "gu"))) add("LOCATION", m.index, m.index + m[0].length, "[street]"); // round 6: "avenida de las Torres 1200"
  for (const m of text.matchAll(/\b(\p{Lu}[\p{L}'’]+|\d{1,3}(?:st|nd|rd|th)?)\s+(?:y|and|&)\s+(\p{Lu}[\p{L}'’]+|\d{1,3}(?:st|nd|rd|th)?)\b/gu)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (!PLACE_PREP.test(before) && !/\b(?:por|entre|esquina de|esquina)\s+(?:la\s+|el\s+)?$/i.test(before)) continue;
    if (!/\d/.test(m[0]) && !/\b(?:corner of|at|esquina de|esquina|entre)\s+(?:la\s+|el\s+)?$/i.test(before)) continue;
    add("LOCATION", m.index, m.index + m[0].length, "[intersection]");
  }
  for (const m of text.matchAll(/\b(?:on|off|en)\s+(\d{1,3}(?:st|nd|rd|th))\b/g)) add("LOCATION", m.index + m[0].length - m[1].length, m.index + m[0].length, "[street]");
  // Round 5: floors and units in other languages ("tercer piso", "2º andar", "3e étage", "2yèm etaj", "tầng 2", "dabaqa 3aad",
  // "depto. 302", "appartement 7") and French and Portuguese streets ("12 rue des Tanneurs", "Rua das Acácias, 118").
  for (const m of text.matchAll(FOREIGN_FLOOR)) add("LOCATION", m.index, m.index + m[0].length, "[floor]");
  for (const m of text.matchAll(FOREIGN_UNIT)) add("LOCATION", m.index, m.index + m[0].length, "[unit]");
  for (const m of text.matchAll(FOREIGN_STREET)) add("LOCATION", m.index, m.index + m[0].length, "[address]");
  // ZIP codes after a state, a city or the word ZIP.
  for (const m of text.matchAll(/(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/(?:\b[A-Z]{2}|\bzip(?: code)?|\bcódigo postal|\p{Lu}\p{Ll}+,?)\s*:?\s*$/u.test(before)) add("LOCATION", m.index, m.index + m[0].length, "[ZIP]");
  }
  // Round 6: a capitalised name with a residence word in lower case after it ("Casa de Paz apartments rm 5", "Sunset motel").
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}'’]+(?:\s+(?:(?:de|del|la|las|los|el|of|the)\s+)?\p{Lu}[\p{L}'’]+){0,3}\s+(?:apartments|apts|motel|manor|shelter|trailhead|mobile home park|trailer park)\b(?:,?\s*(?:rm\.?|room|#|unit|apt\.?|space|lot)\s*#?\s*\w*\d\w*)?/gu)) {
    const words = m[0].split(/\s+/);
    if (STOP.has(fold(words[0])) || words.some((w) => ORG_SUFFIX.test(w))) continue; // "Delores Project shelter" is an organization
    add("LOCATION", m.index, m.index + m[0].length, "[place]");
  }
  // Named residences, shelters, parishes and schools, with the unit, lot or space that goes with them:
  // "Linden Court Apartments, #5C", "Lot 7, Riverbend Mobile Home Community", "St. Ambrose Lutheran".
  const unitWord = String.raw`(?:#|Apt\.?|apt\.?|Apartment|Unit|unit|Suite|Ste\.?|Lot|Space|Spc\.?|Trailer|Bldg\.?|bldg\.?|Building|Room|room|Rm\.?|rm\.?)`;
  // One or two units, the building may be a letter: "bldg C #204", "Rm 22", "room 212".
  const units = String.raw`(?:,?\s*(?:${unitWord}\s*#?\s*(?:[\w-]*\d[\w-]*|\p{Lu}\b)|\d{1,2}F\b|\d{1,2}(?:st|nd|rd|th)\s+(?:floor|fl)\b)){0,2}`; // round 6: "6F", "9th floor"
  const facility = new RegExp(
    String.raw`(?:\b(?:Lot|Space|Spc\.?|Unit|Apt\.?|Trailer|Lote|Espacio)\s*#?\s*[\w-]*\d[\w-]*,\s*)?(?:\b(?:St\.|Saint|San|Santa|Mt\.|Mount|Our Lady of)\s+)?((?:(?:\p{Lu}[\p{L}'’-]*|\d{1,4})\s+){1,4})${FACILITY_SUFFIX}\b(?!\s+\p{Lu}|-)${units}`,
    "gu",
  );
  for (const m of text.matchAll(facility)) {
    const words = m[1].trim().split(/\s+/).filter((w) => !STOP.has(fold(w)));
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // A school is a place where a child goes ("starts at Brophy Elementary"), otherwise an organization.
    const school = /(?:School|Academy)$/.test(m[0].replace(/,.*$/, ""));
    if (school && !/\b(?:at|attends|attend|attending|to|goes to|enrolled (?:at|in)|from)\s+(?:the\s+)?$/i.test(before)) continue;
    if (!words.length || words.some((w) => ORG_SUFFIX.test(w) && !(school && /^(?:Community|Partnership|Charter)$/.test(w)))) continue;
    // "she is Roman Catholic", "Ethiopian Orthodox": a faith, not a parish.
    if (/\b(?:is|are|was|were|a|an|as|being|raised)\s+$/i.test(before) || words.every((w) => lexicon().nonIdentifiers.has(fold(w)) || /^(?:Roman|Southern|Northern|First|Free|United|Reformed|Independent)$/.test(w))) continue;
    let start = m.index;
    while (STOP.has(fold(text.slice(start).split(/\s+/)[0] ?? "")) && !/^(?:Lot|Space|Unit|Apt|St|Trailer)\b/.test(text.slice(start))) start += (text.slice(start).split(/\s+/)[0] ?? "").length + 1;
    add("LOCATION", start, m.index + m[0].length, "[place]");
  }
  // Round 5: facilities where a person lives, sleeps, works or is treated, named with ordinary words, whole with the unit after
  // them: "Larkspur Medical Center", "St. Brendan-Halloway Hospital", "Buena Esperanza Labor Camp, cabin 9". The care and
  // shelter words always make a place; "Center", "Clinic", "Church" … only after a place word or in a sentence about a person
  // (a partner named in a resource list or an announcement is not an identifier, eval/README.md).
  // Round 6: also a wing or floor written before its word ("4 West", "6F", "9th floor") and a tower ("Tower B").
  const careUnits = String.raw`(?:,?\s*(?:(?:${unitWord}|cabin|Cabin|cabina|cot|Cot|bed|Bed|bunk|Bunk|tent|Tent|floor|Floor|wing|Wing|ward|Ward|Tower|tower)\s*#?\s*(?:[\w-]*\d[\w-]*|\p{Lu}\b)|\d{1,2}\s*(?:West|East|North|South)\b|\d{1,2}F\b|\d{1,2}(?:st|nd|rd|th)\s+(?:floor|fl)\b)){0,3}`;
  const careName = String.raw`(?:\b(?:St\.|Saint|San|Santa|Mt\.|Mount|Our Lady of)\s+)?((?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*\s+(?:(?:of|de|del|the|and|&)\s+)?){1,4})`;
  for (const m of text.matchAll(new RegExp(`${careName}(${CARE_SUFFIX}|${WEAK_FACILITY_SUFFIX})\\b${careUnits}`, "gu"))) {
    const words = m[1].trim().split(/\s+/).filter((w) => !STOP.has(fold(w)) && !/^(?:of|de|del|the|and|&)$/.test(w));
    if (!words.length || words.every((w) => lexicon().nonIdentifiers.has(fold(w)) && !/^(?:St|Saint|Mount|Mt)\b/.test(m[0]))) continue;
    const weak = new RegExp(`^(?:${WEAK_FACILITY_SUFFIX})$`).test(m[2]);
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (weak) {
      const placeWord = /\b(?:at|to|from|in|into|inside|near|outside|behind|by|across from|attends|attended|goes to|went to|left|leaves|lives at|stays at|sleeps at|slept at|treated at|seen at)\s+(?:the\s+)?$/i.test(before);
      const sentence = sentenceAround(text, m.index, m.index + m[0].length);
      if (!placeWord && !PERSON_CUE.test(sentence)) continue;
      if (publicAnnouncement(text, m.index, m.index + m[0].length)) continue;
      if (/\((?:[^()]*)$/.test(before) || /^\s*\)/.test(text.slice(m.index + m[0].length))) continue; // "Odalys Ferrer (Seniors' Resource Center)": a staff member's affiliation
    }
    let start = m.index;
    while (STOP.has(fold(text.slice(start).split(/\s+/)[0] ?? "")) && !/^(?:St|Mt)\./.test(text.slice(start))) start += (text.slice(start).split(/\s+/)[0] ?? "").length + 1;
    if (start >= m.index + m[0].length - m[2].length) continue;
    add("LOCATION", start, m.index + m[0].length, "[place]");
  }
  // Spanish order, the kind of place first: "Hospital San Rafael", "Clínica Santa Fe", "Albergue La Esperanza"; a building's name: "edificio Los Laureles".
  for (const m of text.matchAll(/\b(?:Hospital|Clínica|Clinica|Iglesia|Parroquia|Albergue|Refugio|Campamento|Centro de Salud|Centro Médico|Sanatorio|Asilo|Hôpital|Clinique|Église|Lopital|Klinik|Legliz|Hospital de|Isbitaalka)\s+(?:(?:de|del|de la|la|el|los|las|San|Santa|Santo|Nuestra Señora de|Notre-Dame de|Sainte?)\s+)*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}/gu)) {
    if (inside(orgs, m.index, m.index + m[0].length) && !/\b(?:en|al|del|a la|de la|at|to|from|nan|à|au)\s+(?:el\s+|la\s+|the\s+)?$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    add("LOCATION", m.index, m.index + m[0].length, "[place]");
  }
  for (const m of text.matchAll(/\b(?:edificio|residencial|conjunto|condominio|unidad habitacional|vecindad|torre|immeuble|résidence|cité|prédio|edifício|condomínio|bloco)\s+(\p{Lu}[\p{L}'’-]*(?:\s+(?:de|del|la|las|los|el|des|du)?\s*\p{Lu}[\p{L}'’-]*){0,3})/gu)) {
    add("LOCATION", m.index + m[0].length - m[1].length, m.index + m[0].length, "[place]");
  }
  // Hotels and SROs named after the word, with the room: "Hotel Marguerite, Rm 22", "Residencial Las Flores".
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:Hotel|Motel|Hostel|Hostal|Residencial|Casa de Huéspedes)\s+(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2}${units}`, "gu"))) {
    if (inside(orgs, m.index, m.index + m[0].length)) continue;
    add("LOCATION", m.index, m.index + m[0].length, "[place]");
  }
  // Motels, inns and lodges typed in lower case, with the room where a person stays: "budget inn rm 118", "at the sunset motel".
  for (const m of text.matchAll(new RegExp(String.raw`(?:\b(?:at|from|in|to|near|the|@)\s+(?:the\s+)?)?((?:\p{Ll}[\p{Ll}'’]+\s+){1,2}(?:motel|inn|lodge|hotel|hostel)\b(?:,?\s*(?:rm\.?|room|#|unit)\s*#?\s*\d+\w?)?)`, "gu"))) {
    const words = m[1].trim().split(/\s+/);
    const first = fold(words[0]);
    const placeCue = m[0] !== m[1] || /(?:rm\.?|room|#|unit)\s*#?\s*\d+\w?$/.test(m[1]);
    if (!placeCue || STOP.has(first) || /^(?:a|an|new|old|big|small|cheap|same|other|nice|local|that|this|those|these|his|her|my|our|your|their|any|some|one|extended|stay|hotel|motel)$/.test(first)) continue;
    add("LOCATION", m.index + m[0].length - m[1].length, m.index + m[0].length, "[place]");
  }
  // Places typed in lower case: "from pine meadow vlg", "at cottonwood crossing apts", "de villa rosales", "in lakewood".
  const lowerSuffix = "apts|apartments|vlg|village|villas|manor|mhp|estates|homes|towers|terrace|commons|residences|mobile home park|trailer park|trailer ct";
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:at|from|in|to|near|by|de|en|a|del)\s+(?:the\s+|la\s+|el\s+)?((?:\p{Ll}[\p{Ll}'’]+\s+){1,3}(?:${lowerSuffix}))\b(,?\s*(?:rm\.?|room|#|unit|apt\.?|bldg\.?|space|spc\.?|lot)\s*#?\s*\w*\d\w*)?`, "gu"))) {
    const first = fold(m[1].split(/\s+/)[0]);
    if (STOP.has(first) || /^(?:new|old|big|small|senior|low|income|public|affordable|family|same|other|section|nice|cheap|those|these|this|that|their|his|her|my|our|your)$/.test(first)) continue;
    add("LOCATION", m.index + m[0].length - m[1].length - (m[2]?.length ?? 0), m.index + m[0].length, "[place]");
  }
  // Round 5: a one-word name before a place of care typed in lower case: "at the larkspur er", "from the mercy clinic" (not "the county hospital").
  for (const m of text.matchAll(/\b(?:at|to|from|in|into|outside|near)\s+the\s+(\p{Ll}[\p{Ll}'’-]{3,})\s+(?:er|ed|hospital|hosp|clinic|shelter|motel|apts|apartments|camp|church)\b/gu)) {
    const word = fold(m[1]);
    if (STOP.has(word) || CHAT_WORDS.has(word) || LOWER_CARE_ADJECTIVES.test(word) || US_STATES.has(word) || countries.has(word)) continue;
    const at = m.index + m[0].indexOf(` ${m[1]} `) + 1;
    add("LOCATION", at, at + m[1].length, "[place]");
  }
  for (const m of text.matchAll(/\b(?:de|en|a|del|from|in|at)\s+((?:villa|colonia|col\.|barrio|fraccionamiento|fracc\.|rancho|ejido)\s+\p{Ll}[\p{Ll}'’]+(?:\s+\p{Ll}[\p{Ll}'’]+)?)/gu)) {
    if (STOP.has(fold(m[1].split(/\s+/)[1]))) continue;
    add("LOCATION", m.index + m[0].length - m[1].length, m.index + m[0].length, "[place]");
  }
  for (const t of tokens) {
    if (t.cap || t.word.length < 4) continue;
    const folded = fold(t.word);
    if (!cities.has(folded) || isOrdinaryWord(folded) || STOP.has(folded) || US_STATES.has(folded)) continue;
    if (/\b(?:in|near|from|to|en|de|a|desde|cerca de|moved to|lives in|outside|around)\s+$/i.test(text.slice(Math.max(0, t.start - 14), t.start))) add("LOCATION", t.start, t.end, "a city in the region");
  }
  // Cities whose first word is an abbreviation or a small word the capitalised runs skip: "St. Paul", "Ft. Collins", "Mt. Vernon".
  for (const m of text.matchAll(/\b(St\.|Ste\.|Saint|Ft\.|Fort|Mt\.|Mount|Pt\.|Port)\s?(\p{Lu}[\p{L}'’]+(?:\s+\p{Lu}[\p{L}'’]+)?)/gu)) {
    const full = fold(m[1].replace(/^St\.$/, "saint").replace(/^Ste\.$/, "sainte").replace(/^Ft\.$/, "fort").replace(/^Mt\.$/, "mount").replace(/^Pt\.$/, "port"));
    const words = fold(m[2]).split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const city = words.slice(0, n).join(" ");
      if (cities.has(`${full} ${city}`) || cities.has(`${fold(m[1]).replace(".", "")} ${city}`) || cities.has(`${fold(m[1])} ${city}`)) {
        const end = m.index + m[0].length - (m[2].length - m[2].split(/\s+/).slice(0, n).join(" ").length);
        if (!inside(orgs, m.index, end)) add("LOCATION", m.index, end, "a city in the region");
        break;
      }
    }
  }
  // Neighbourhoods named after a country or a city ("Little Haiti", "Little Saigon") or a direction and a city after a place word or in parentheses ("in East Harlem", "(North Beach)").
  for (const m of text.matchAll(/\b(Little|Old|East|West|North|South|Upper|Lower|Midtown|Downtown)\s+(\p{Lu}[\p{L}'’]+)\b/gu)) {
    const name = fold(m[2]);
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (inside(orgs, m.index, m.index + m[0].length) || STOP.has(name) || US_STATES.has(`${fold(m[1])} ${name}`)) continue;
    const little = m[1] === "Little" && (countries.has(name) || cities.has(name) || /^(?:italy|saigon|havana|tokyo|manila|mogadishu|india|ethiopia|armenia|odessa|bangladesh|arabia)$/.test(name));
    const direction = m[1] !== "Little" && cities.has(name) && !isDictionaryWord(name, ENGLISH_ONLY()) && (/\($/.test(before) || /\b(?:in|from|near|to|around|lives in|moved to)\s+(?:the\s+)?$/i.test(before));
    if (little || direction) add("LOCATION", m.index, m.index + m[0].length, "a city in the region");
  }
  // Capitalised runs: cities from the gazetteer, named places, places after a preposition.
  for (const run of capitalRuns(text, tokens)) {
    const words = run.map((t) => t.word);
    const folded = words.map(fold);
    const first = run[0];
    const last = run[run.length - 1];
    const before = text.slice(Math.max(0, first.start - 24), first.start);
    const after = text.slice(last.end, last.end + 30);
    const afterPlaceWord = /^['’]?s?\s+(?:apartments|apts|homes|neighbou?rhood|area|clinic|motel|shelter|park|complex|building|trailer park|mobile home park)\b/i.exec(after);
    const allStop = folded.every((w) => STOP.has(w));
    if (allStop) continue;
    if (inside(orgs, first.start, last.end) || VEHICLE_MAKE_BEFORE.test(before) || (run.length === 1 && MONTH_NAMES.has(folded[0]))) continue;
    // "OB clinic", "on CKD", "at the DMV": abbreviations, not places.
    const acronyms = run.every((t) => /^\p{Lu}{2,5}$/u.test(t.word));
    // "Kaiser Permanente", "in Tigrinya", "from Molina" are not places; a store after "at the" still is a landmark ("the Safeway on …").
    const landmark = /\b(?:at|behind|near|outside)\s+(?:the\s+)?$/i.test(before);
    const cityAfterPrep = run.length === 1 && cities.has(folded[0]) && /\b(?:in|near|from|outside|en|cerca de)\s+$/i.test(before);
    const cityBeforeState = run.length === 1 && cities.has(folded[0]) && /^,\s+[A-Z]{2}\b/.test(after);
    if (isDomainTerm(text, run, before) && !landmark && !cityAfterPrep && !cityBeforeState) continue;
    if (countries.has(folded.join(" ")) || US_STATES.has(folded.join(" "))) continue;
    const named = run.some((t) => PLACE_WORDS.test(t.word));
    const stateAfter = /^,?\s+(?:[A-Z]{2}\b|Colorado|CO\b)/.test(after);
    const prep = PLACE_PREP.test(before);
    const cityIndex = findCity(folded, cities);
    if ((named || afterPlaceWord) && !(acronyms && !named)) {
      add("LOCATION", first.start, afterPlaceWord ? last.end + afterPlaceWord[0].length : last.end, "[place]");
      continue;
    }
    const personLike = run.length >= 2 && folded.some((w, i) => (i < (cityIndex?.[0] ?? 0) || i >= (cityIndex?.[1] ?? 0)) && isName(w)) && !stateAfter;
    if (cityIndex && !personLike) {
      const [from, to] = cityIndex;
      const single = to - from === 1;
      const ambiguous = single && (AMBIGUOUS_NAMES.has(folded[from]) || COMMON_PLACE_WORDS.has(folded[from]));
      const nameNotPlace = single && !prep && !stateAfter && (isName(folded[from]) || run[from].sentenceStart || (isDictionaryWord(folded[from], ENGLISH_ONLY()) && !/,\s*$/.test(before)));
      if (!nameNotPlace && (!ambiguous || stateAfter || (prep && run.length === 1))) {
        add("LOCATION", run[from].start, run[to - 1].end, "a city in the region");
        continue;
      }
    }
    if (acronyms) continue;
    if (prep && !first.sentenceStart && /\b(?:in|near|from|en|de|desde|cerca de|vive en|over by|moved to|lives in|living in|outside|around)\s+(?:the\s+|la\s+|el\s+)?$/i.test(before)) {
      // "Abuelas en Acción", "in Advent": one ordinary word is not a place name.
      const spanishPrep = /\b(?:en|de|desde|cerca de|vive en)\s+(?:la\s+|el\s+)?$/i.test(before);
      if (run.length === 1 && isDictionaryWord(folded[0], spanishPrep ? { english: NO_WORDS, spanish: lexicon().spanish } : ENGLISH_ONLY())) continue;
      // "in the Montbello area", "llegaron de Tegucigalpa", "near Brighton": a place unless the words are a person's or organization's
      if (run.some((t) => ORG_WORDS.test(t.word))) continue;
      if (run.length === 1 && isName(folded[0])) continue;
      if (folded.every((w) => STOP.has(w) || /^\d/.test(w))) continue;
      add("LOCATION", first.start, last.end, "a city in the region");
    } else if (prep && /\b(?:on|off|at|behind|outside)\s+(?:the\s+)?$/i.test(before) && run.length <= 3 && !run.some((t) => ORG_WORDS.test(t.word))) {
      // "the shelter on Lawrence", "rec center on Sheridan", "at the Safeway"
      if (folded.some((w) => STOP.has(w))) continue;
      if (run.length === 1 && isName(folded[0]) && !/\bon\s+$/i.test(before)) continue;
      add("LOCATION", first.start, last.end, "[place]");
    }
  }
}

/** Round 5: places of care, shelter and work camps, always a place when named; weaker facility words need a place cue (see places()). */
const CARE_SUFFIX = "Care Home|Rescue Mission|Mission|Recovery House|Medical Center|Medical Centre|Medical Campus|Hospital|Infirmary|Hospice|Warming Center|Warming Shelter|Cooling Center|Navigation Center|Detox Center|Detox|Rehab Center|Rehabilitation Center|Nursing Home|Nursing Center|Nursing and Rehabilitation|Care Center|Health and Rehabilitation|Skilled Nursing|Memory Care|Behavioral Health Center|Psychiatric Hospital|Labor Camp|Farm Labor Camp|Migrant Camp|Encampment|Camp|Tiny Home Village|Tiny Homes|Safe Outdoor Space|Safe Parking|Transitional Housing|Group Home|Halfway House|Sober Living|Detention Center|Correctional Facility|Jail|Youth Center";
const WEAK_FACILITY_SUFFIX = "Center|Centre|Clinic|Church|Chapel|Temple|Mosque|Masjid|Parish|Tabernacle|Kingdom Hall|Library|Recreation Center|Rec Center|Community Center|Senior Center|Elementary|Middle School|High School|Academy";

/** Health and social-service acronyms of two or three capitals: never initials (round 5). */
const SERVICE_ACRONYMS = new Set(
  ("SNAP LEAP WIC SSI SSA TANF HUD VA VAMC ED ER ICU CCU NICU PICU PCP DME SNF ALF HHA MCO PT OT ST SLP RT NPI TIN EIN ITIN ACA CHIP PACE LTC LTSS IHSS CMS DHS DSS CPS APS " +
    "DCF DFS DOH DPH HHS HRA OAA AAA ADRC CIL SSP IEP ADA EBT SUD MAT OUD AOD DUI DWI PO BP HR RR IV IM IUD STI STD UTI URI TB HIV AIDS HCV HBV COPD CHF CKD ESRD CAD DVT PE MI " +
    "CVA TIA DM HTN GERD OCD PTSD ADHD ASD TBI CP MS ALS BMI BMP CBC CMP ECG EKG EEG MRI CT PET UA OB GYN ENT GI ID NP PA RN LPN CNA MD DO DDS LCSW MSW CHW CM CC BCC FYI ASAP " +
    "TBD TBA ETA AM PM OK ID US USA UK EU UN IRS DMV SSN DOB MRN ROI HIPAA RSVP PDF URL FAQ ZIP QR IT HR PR CEO CFO COO VP BA MA MBA PHD GED ESL ELL EL ESOL FAFSA FPL AMI CPAP " +
    "BIPAP NIV PEG NG FQHC CHC RHC IHS CAH LTAC IRF SAMHSA NAMI AA NA CoC HMIS VI SPDAT CES PSH RRH TH ES SO HP VASH HCV PBV LIHTC SRO RV ADU MHP ATM GPS TV PC CD DVD OTC " +
    "NOS LVM PCA PCP PD CHR PDL LIS DCP HH SCO TC VM VN SW CW CHW PHN HCBS DD IDD SMI SPMI ACT ICM BH MH SA IOP PHP DBT CBT EMDR NOS VIN HV MWF TTH TTh MTW ADL IADL POA DNR POLST MOLST NPO PRN BID TID QID QD QHS HS AC PC PRN SOB LOC AMS GCS ROM WNL NAD CNS PNS ORIF TKA THA CABG PCI ICD CRT LVAD OTA COTA PTA").split(" "),
);
/** Dotted capitals that are no one's initials. */
const DOTTED_NOT_INITIALS = new Set("US USA UK EU UN PO AM PM DC LA NY BA MA MD RN DO PA NP ID OT PT SS TV AD BC GI MS PS NB AKA IE EG OK".split(" "));
/** A capital and a hyphenated word that is a thing, not a nickname. */
const HYPHEN_NOT_NICKNAMES = new Set("t-mobile x-ray x-rays e-verify u-haul t-shirt t-shirts k-pop a-frame c-section d-day v-neck g-tube j-tube b-cell t-cell e-bike u-turn e-mail e-file e-check a-fib i-pass e-z k-cup a-number a-file i-94 i-130 i-485 i-765 i-864 n-400 w-2 w-4 w-9 k-1 h-2a h-2b".split(" "));
const HMONG_GIVEN = "Yer|Pa|Mai|Kou|Tou|Nou|Chue|Kia|Xee|Pang|Blia|Tong|Fue|Yia|Neng|Txia|Chao|Xai|Nhia|Shoua|Maiv|Ntxhi|Npib|Tswv|Youa|Zoua|Choua|Bee|Ka|Sai|Vue|Ger|Lue|Houa|Nao|Cheng|Seng|Va|Kao|Phoua|See|Vang|Ly|Tha|Xiong";
const HMONG_CLANS = "Vang|Xiong|Yang|Lee|Lor|Moua|Thao|Vue|Her|Hang|Khang|Kue|Lo|Chang|Cha|Fang|Kong|Pha|Thor|Vu|Ly|Hue";

const LOWER_CARE_ADJECTIVES = /^(?:region|area|refugee|army|military|navy|base|boot|detention|work|prison|jail|transit|bus|train|parking|county|city|public|local|main|new|old|big|little|small|same|other|nearest|closest|children'?s|womens?'?|mens?'?|family|state|general|regional|community|free|walk-in|urgent|mental|dental|eye|vet|vets|veterans|va|kids|youth|teen|adult|senior|emergency|overnight|night|day|winter|summer|warming|cooling|homeless|low-barrier|catholic|baptist|methodist|lutheran|mormon|lds|other|second|first|downtown|uptown|eastside|westside|northside|southside|psych|detox|rehab|women|men|usual|regular|right|wrong|whole|entire|only|last|next|first|better|best|worst|nice|good|bad|cheap|labor|farm|migrant|tent|trailer|car|same)$/;

const ORDINAL_ES_PT = "primer|primero|primera|segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|quinto|quinta|sexto|sexta|séptimo|octavo|noveno|décimo|primeiro|terceiro|quarto";
const FOREIGN_FLOOR = new RegExp(
  String.raw`\b(?:(?:${ORDINAL_ES_PT})|\d{1,2}\s?(?:º|°|ª|o|er|ro|do|to|vo|no|mo)?)\s+(?:piso|andar)\b|\bpiso\s+\d{1,2}\b|` +
    String.raw`\b\d{1,2}\s?(?:e|è|ème|eme|er|re|ᵉ)\s+étage\b|\b(?:premier|deuxième|troisième|quatrième|cinquième|sixième)\s+étage\b|` +
    String.raw`\b\d{1,2}\s?(?:yèm|yem|èm|em|ye)\s+etaj\b|\b(?:premye|dezyèm|dezyem|twazyèm|twazyem|katriyèm|katryèm)\s+etaj\b|` +
    String.raw`\btầng\s+\d{1,2}\b|\bdabaqa\s+(?:\d{1,2}(?:aad)?|koowaad|labaad|saddexaad|afraad|shanaad)\b`,
  "giu",
);
const FOREIGN_UNIT = /(?<![\p{L}])(?:depto\.?|departamento|apto\.?|apartamento|appartement|appt\.?|apt\.|logement|chambre|quarto|cuarto|habitación|habitacion|bloc|bâtiment|kabin|chanm)\s*(?:n[º°o]\.?\s*|#\s*)?(?=[\w-]*\d)[\w-]{1,6}\b/giu;
const FOREIGN_STREET = new RegExp(
  String.raw`(?:\b\d{1,5}(?:\s?(?:bis|ter))?,?\s+)(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|route|ri|lari|wout|Rue|Avenue|Boulevard|Chemin|Allée|Impasse|Place|Route|Ri|Lari|Wout)\s+(?:(?:de la|de|des|du|d['’]|la|le|les)\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:de|des|du|la)?\s*\p{Lu}[\p{L}'’-]*){0,3}|` +
    String.raw`\b(?:Rua|Avenida|Travessa|Praça|Praca|Estrada|Largo|Alameda)\s+(?:(?:da|das|do|dos|de)\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:da|das|do|dos|de)?\s*\p{Lu}[\p{L}'’-]*){0,3}(?:,?\s+(?:n[º°o]\.?\s*)?\d{1,5}\b)?`,
  "gu",
);

const ORG_WORDS = /^(?:Bank|Church|Center|Centre|Clinic|Hospital|Health|Housing|Authority|Department|Aid|YMCA|Coalition|Team|Program|School|University|Pantry|Services|Service|County|Foundation|Ministries|Ministry|Network|Alliance|Council|Office|Agency|Medicaid|Medicare|Group)$/;
const STATE_CODES = new Set("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split(" "));
const COMMON_PLACE_WORDS = new Set("center hope grace golden mission federal street park bank health church school home homes place river lake city point rock springs union liberty commerce opportunity success security unity welcome".split(" "));
const US_STATES = new Set(
  "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada new hampshire new jersey new mexico new york north carolina north dakota ohio oklahoma oregon pennsylvania rhode island south carolina south dakota tennessee texas utah vermont virginia washington west virginia wisconsin wyoming"
    .split(" "),
);
for (const s of ["new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island", "south carolina", "south dakota", "west virginia", "puerto rico", "district of columbia"]) US_STATES.add(s);

function isName(word: string) {
  const { firstNames, lastNames } = lexicon();
  return (firstNames.has(word) || lastNames.has(word)) && !AMBIGUOUS_NAMES.has(word);
}

function findCity(folded: string[], cities: Set<string>): [number, number] | undefined {
  for (let size = Math.min(3, folded.length); size >= 1; size--)
    for (let i = 0; i + size <= folded.length; i++) {
      const phrase = folded.slice(i, i + size).join(" ");
      if (size === 1 && STOP.has(phrase)) continue;
      if (cities.has(phrase) && !US_STATES.has(phrase)) return [i, i + size];
    }
  return undefined;
}

const PARTICLE = /^(?:de|del|la|las|los|y|van|von|da|das|do|dos|di|du|le|bin|bint|ibn|abd|abu|al|el|der|den|st)$/i;

/** Runs of capitalised words (with Spanish particles and quoted nicknames inside), split at punctuation. */
function capitalRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && !run[run.length - 1].cap) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : "";
    // A line break ends a run: a signature's name and the organization on the next line are two things.
    const joinable = !prev || !gap.includes("\n") && (/^(?:['’]s)?\s+$|^(?:['’]s)?\s+["“][^"”\n]{0,0}$|^\s*["“”]\s*$|^["”]\s+$|^\s+["“]$|^-$/.test(gap) || /^\s+["“]?$/.test(gap) || /^["”]?\s+$/.test(gap));
    if (t.cap && STOP.has(fold(t.word)) && run.length === 0) continue;
    if (t.cap && joinable && !(prev && /['’]s\s/.test(gap) && !PLACE_WORDS.test(t.word)) && !(prev && text[prev.end] === ".")) {
      if (STOP.has(fold(t.word)) && !PARTICLE.test(t.word)) {
        flush();
        continue;
      }
      run.push(t);
    } else if (!t.cap && PARTICLE.test(t.word) && run.length && joinable) {
      run.push(t);
    } else {
      flush();
      if (t.cap && !STOP.has(fold(t.word))) run.push(t);
    }
  }
  flush();
  return runs;
}

// Common endings of medicine names: a capitalised unknown word ending so is a drug, not a person.
const DRUG_LIKE = /(?:pril|sartan|statin|olol|dipine|azepam|azolam|oxetine|pentin|formin|cillin|mycin|cycline|floxacin|prazole|tidine|gliptin|glutide|flozin|mab|nib|vir|codone|adol|triptan|lukast|terol|sonide|asone|olone|parin|xaban|gatran|profen|fenac|setron|pramine|triptyline|zodone|peridone|apine|zepam|ridone|afil|semide|thiazide|tropium|phrine|caine|oxone|etine|aline|amine|azine|idine|umab|quel|zine)$/;
const MEDICATION_CONTEXT = /\b(?:mg|mcg|medications?|medicines?|meds|prescri\w+|pharmacy|pharmacies|copays?|doses?|tablets?|pills?|inhalers?|injections?|refills?|takes|taking|insulin|rx|medicamentos?|pastillas?)\b/i;
const NATIONALITY = /(?:ian|ean|ese|ish|ic|i)$/;

/**
 * A capitalised word that is in no dictionary and no name list and is not a known non-identifier:
 * in these texts almost always a person's or a place's name ("Hrytsenko", "Kumasi").
 */
function isUnknownWord(t: Token, folded: string) {
  if (!t.cap || folded.length < 2 || STOP.has(folded) || STOP.has(folded.replace(/s$/, "")) || /^\p{Lu}{2,}$/u.test(t.word) || /\d/.test(t.word)) return false;
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(t.word) && !/^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Al|El)\p{Lu}/u.test(t.word)) return false; // "TikTok", "PowerPoint"
  if (/^\p{Lu}{2,}\p{Ll}+\p{Lu}/u.test(t.word)) return false; // "HFpEF", "SpO"
  const { countries, nonIdentifiers } = lexicon();
  if (nonIdentifiers.has(folded) || countries.has(folded) || US_STATES.has(folded) || ORG_WORDS.test(t.word) || PLACE_WORDS.test(t.word)) return false;
  if (DRUG_LIKE.test(folded)) return false;
  // Chat shorthand and contractions written with a capital ("Thx", "Husb", "I'm", "We'd", "They've").
  if (CHAT_WORDS.has(folded) || CONTRACTIONS.has(folded) || /^\p{L}+['’](?:m|d|re|ve|ll|t)$/u.test(folded)) return false;
  const parts = folded.split("-");
  if (parts.some((p) => isOrdinaryWord(p) || STOP.has(p))) return false;
  if (NATIONALITY.test(folded) && countries.has(folded.replace(/(?:ian|ean|ese|ish|ic|i|n)$/, "")) ) return false;
  return true;
}

/**
 * A run made of insurers, medicines, agencies, languages, tribes … ("Cigna", "Narcan", "Tigrinya",
 * "Aunt Bertha"): not a person or a place, unless a personal title stands before it ("Mrs. Molina").
 */
function isDomainTerm(text: string, run: Token[], before: string): "phrase" | "words" | false {
  const { nonIdentifiers, nonIdentifierPhrases } = lexicon();
  const whole = fold(text.slice(run[0].start, run[run.length - 1].end));
  const title = /\b(\p{L}+)\.?\s+$/u.exec(before)?.[1];
  if (nonIdentifierPhrases.has(whole) || (title && nonIdentifierPhrases.has(`${fold(title)} ${whole}`))) return "phrase";
  if (HONORIFIC.test(before)) return false;
  const words = run.filter((t) => t.cap).map((t) => fold(t.word));
  if (!words.some((w) => nonIdentifiers.has(w))) return false;
  return words.every((w) => nonIdentifiers.has(w) || STOP.has(w) || isOrdinaryWord(w)) ? "words" : false;
}

function sentenceAround(text: string, start: number, end: number) {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"), before.lastIndexOf("? "), before.lastIndexOf("! "), before.lastIndexOf("; "));
  const rest = /[.!?;\n]/.exec(text.slice(end));
  return text.slice(from + 1, rest ? end + rest.index : text.length);
}

/** Labels of forms and notes written in lower case: not chat speakers. */
const FORM_LABELS = new Set("client clients outreach cm staff worker tenant advocate volunteer nurse sw chw case manager me you us all team everyone note notes dx hx pmh meds med plan allergies labs vitals subject to from cc re bp a1c f/u fu followup follow-up address addy phone cell email dob ssn mrn hmis pcp pharm pharmacy insurance goal goals update updates reason situation strengths needs tried question tel cb next action actions todo".split(" "));
/** Chat shorthand and abbreviations that name lists also hold ("addy", "ty"). */
const CHAT_WORDS = new Set("husb hubby bf gf bff bffs lmao lmfao rofl omg ikr jk ty tysm thnx thanx ok okk kk hbd gm gn addy omw thx pls plz appt appts hosp meds pt pts hv lvm txt lol idk tbh btw fyi asap smh imo yah yea nah kk tmrw tmr tonite gonna wanna gotta prob probs def tho thru dob ssn mrn hmis icu rec dtr bro sis mom dad ppl bday nvm ily hun babe hon til auth abt cuz pkg info approx req ins sched esp govt dept vol vols ref refs mtg mgr coord bldg pic pics convo rx w/o bc reg regs lic recert hv lvm cb snf alf dme qhs prn tmrw rn ngl wyd hbu np yw ttyl brb msg vm wk wks hr hrs mins yr yrs mos bldg".split(" "));

const LOWERCASE_PERSON_CUE = /\b(?:talked to|talked w\/|talked with|spoke to|spoke with|texted|called|told|asked|met with|checked on|checked in with|heard from|w\/)\s+$/i;

/** Apostrophe-less contractions and chat words of texts typed fast: not names. */
const CONTRACTIONS = new Set("shes hes wasnt isnt dont cant wont didnt doesnt hasnt havent hadnt shouldnt couldnt wouldnt arent werent aint theyre youre weve theyve ive ill im youll theyll shell itll thats whats lets theres heres wheres whos hows yall gonna wanna gotta kinda sorta lemme gimme dunno".split(" "));
/** Words after which a lower-case word is a person: kin, titles, "this is …", "soy …". */
const LOWERCASE_KIN = /\b(?:tia|tía|tio|tío|abuela|abuelo|abue|señora|señor|sra|sr|doña|dona|don|mrs|mr|ms|miss|grandma|grandpa|granny|auntie|aunt|uncle|nieta|nieto|hija|hijo|sobrina|sobrino|prima|primo|comadre|compadre|vecina|vecino|cousin|daughter|son|granddaughter|grandson|niece|nephew|sister|brother|wife|husband|esposa|esposo|mamá|papá|soy|this is|it'?s|named|llamada|llamado)\s+$/i;
const NO_WORDS = new Set<string>();
const ENGLISH_ONLY = () => ({ english: lexicon().english, spanish: NO_WORDS });
const NAME_PARTICLE_PREFIX = /^(?:al|el|ul|ad|ar|as|ash|at|az|an|abd|abu|bin|ibn|ben|bint|d|l)-/;

function names(text: string, tokens: Token[], add: Add, existing: Candidate[], orgs: [number, number][]) {
  const { firstNames, lastNames, countries, nonIdentifiers, cities } = lexicon();
  const nameWords = new Set<string>();
  const located = (start: number, end: number) => existing.some((c) => c.type !== "NAME" && c.start <= start && c.end >= end);
  for (const run of capitalRuns(text, tokens)) {
    const folded = run.map((t) => fold(t.word));
    const first = run[0];
    const last = run[run.length - 1];
    if (located(first.start, last.end)) continue;
    const before = text.slice(Math.max(0, first.start - 30), first.start);
    if (isDomainTerm(text, run, before)) continue;
    // Round 6: a Vietnamese kinship word alone, spelled with its marks ("Ông", "chú"), is a title, not the names Ong or Chu.
    if (run.length === 1 && VIET_KIN.test(first.word)) continue;
    const honorific = HONORIFIC.test(before);
    const relation = (RELATION.test(before) && !/\b(?:the|for|with|from|to|and|y|con|de|para|is|es|about|via)\s*$/i.test(before)) || /\b(?:this is|my name is|me llamo|soy)\s*$/i.test(before);
    const whole = fold(text.slice(first.start, last.end));
    // Organizations and services, vehicle models, holidays, states, countries and regions are not people.
    if (!honorific && (inside(orgs, first.start, last.end) || VEHICLE_MAKE_BEFORE.test(before))) continue;
    if (HOLIDAY_WHOLE.test(text.slice(first.start, last.end))) continue;
    if ((US_STATES.has(whole) || countries.has(whole)) && !honorific && ((!relation && !firstNames.has(whole)) || PLACE_PREP.test(before) || /\b(?:a|para|hacia|hasta)\s+$/i.test(before))) continue;
    // A storm named like a person: "huracán María", "Hurricane Ian".
    if (/\b(?:hurricane|huracán|huracan|tropical storm|tormenta(?: tropical)?|typhoon|tifón|cyclone)\s+$/i.test(before)) continue;
    const acronym = run.length === 1 && /^\p{Lu}{2,4}$/u.test(first.word); // "VIN", "DMV"
    const bare = folded.map((w) => w.replace(NAME_PARTICLE_PREFIX, ""));
    const isFirst = bare.map((w) => firstNames.has(w) && !STOP.has(w) && !acronym);
    const isLast = bare.map((w) => !acronym && (lastNames.has(w) && !STOP.has(w) || lastNames.has(w.replace(/s$/, "")) && !STOP.has(w.replace(/s$/, "")) && w.length > 4));
    const ambiguous = folded.map((w) => AMBIGUOUS_NAMES.has(w));
    const orgLike = run.some((t) => ORG_WORDS.test(t.word) || PLACE_WORDS.test(t.word));
    if (orgLike && !honorific) continue;
    const capWords = run.filter((t) => t.cap).length;
    const known = folded.filter((w, i) => (isFirst[i] || isLast[i]) && !ambiguous[i]).length;
    const anyKnown = folded.some((_, i) => isFirst[i] || isLast[i]);
    const nicknameInside = /["“][^"”]+["”]/.test(text.slice(first.start, last.end));
    const unknown = run.map((t, i) => !isFirst[i] && !isLast[i] && isUnknownWord(t, bare[i]));
    // "Urban Harvest", "Safe Haven Recovery", "Bear Dance": ordinary words, one of them in no name list, make a phrase, not a person.
    const capFolded = run.filter((t) => t.cap).map((t) => fold(t.word));
    if (!honorific && capFolded.length >= 2 && capFolded.every((w) => isDictionaryWord(w, ENGLISH_ONLY())) && capFolded.some((w) => !firstNames.has(w) && !lastNames.has(w))) continue;
    const after = text.slice(last.end, last.end + 24);
    let isPerson = false;
    if (honorific || relation) isPerson = true;
    else if (known >= 1 && capWords >= 2) isPerson = true;
    else if (anyKnown && capWords >= 2 && folded.every((w, i) => isFirst[i] || isLast[i] || PARTICLE.test(w))) isPerson = true;
    else if (known === 1 && capWords === 1) {
      // One known name word: a person unless it starts a sentence as an ordinary word would, or is a place
      isPerson = !(first.sentenceStart && !/^[\s]*$/.test(text.slice(last.end, last.end + 1)) && false);
      if (isPerson && first.sentenceStart && STOP.has(folded[0])) isPerson = false;
    } else if (nicknameInside) isPerson = true;
    else if (capWords >= 2 && unknown.some(Boolean) && run.every((t, i) => unknown[i] || isFirst[i] || isLast[i] || PARTICLE.test(t.word))) isPerson = true;
    else if (capWords === 1 && unknown[0] && !(MEDICATION_CONTEXT.test(sentenceAround(text, first.start, last.end)) && !HONORIFIC.test(before))) {
      // A word in no dictionary: a person mid-sentence, or at the start of a sentence when a verb,
      // "and", a comma or a chat time follows; after a place preposition it is left to places().
      if (PLACE_PREP.test(before) && !/\b(?:with|to|and|for)\s+$/i.test(before)) isPerson = false;
      else if (!first.sentenceStart) isPerson = true;
      else isPerson = /^(?:['’]s)?(?:\s+\p{Ll}|\s+(?:and|y|&)\s|,|\s*\(|\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?\s*:|:\s)/u.test(after);
    }
    else if (capWords <= 3 && /^\s+(?:is|was|has|had|says|said|asked|called|lives|came|arrived|needs|wants|will|may|can|cannot|and her|and his|y su)\b/i.test(text.slice(last.end, last.end + 20))) {
      isPerson = !folded.some((w) => STOP.has(w) || CHAT_WORDS.has(w) || nonIdentifiers.has(w)) && !run.some((t) => /^\p{Lu}{2,}$/u.test(t.word));
    }
    if (!isPerson) continue;
    add("NAME", first.start, last.end, "[name]");
    for (let i = 0; i < run.length; i++) if (run[i].cap && !STOP.has(folded[i])) nameWords.add(folded[i]);
  }
  // Surname first, in capitals, then the given name: "BAUTISTA, Rodelio M.", "TRAN, Kim-Linh" (charts, rosters).
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?),\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)(?:\s+\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\.(?!\p{L}))?/gu)) {
    const surname = fold(m[1]);
    const given = fold(m[2]);
    const label = /\b(?:patient|pt|name|client|resident|member|cm|rn|attending|provider|pcp|guarantor|insured|subscriber|contact|caregiver|nombre|paciente)\s*:?\s*$/i.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (STOP.has(surname) || nonIdentifiers.has(surname) || US_STATES.has(surname) || countries.has(surname)) continue;
    const surnameLike = lastNames.has(surname.replace(NAME_PARTICLE_PREFIX, "")) || !isOrdinaryWord(surname);
    const givenLike = firstNames.has(given) || (!isOrdinaryWord(given) && !STOP.has(given));
    if ((surnameLike && givenLike) || (label && (surnameLike || givenLike))) {
      add("NAME", m.index, m.index + m[0].length, "[name]");
      nameWords.add(surname);
      nameWords.add(given);
    }
  }
  // A capitalised word joined by "and" to a name just found ("Ifrah and Sagal"), when no dictionary has it as written.
  const foundNames = () => existing.filter((c) => c.type === "NAME");
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, conj, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!/^(?:and|y|&|or|o)$/i.test(conj.word) || !/^\s+$/.test(text.slice(a.end, conj.start)) || !/^\s+$/.test(text.slice(conj.end, b.start))) continue;
    const named = (t: Token) => foundNames().some((c) => c.start <= t.start && t.end <= c.end);
    for (const [known, other] of [[a, b], [b, a]] as const) {
      if (!named(known) || named(other) || !other.cap || other.sentenceStart) continue;
      const folded = fold(other.word);
      if (folded.length < 3 || STOP.has(folded) || nonIdentifiers.has(folded) || countries.has(folded) || US_STATES.has(folded) || isDictionaryWord(folded) || /^\p{Lu}{2,}$/u.test(other.word)) continue;
      add("NAME", other.start, other.end, "[name]");
      nameWords.add(folded);
    }
  }
  // Lower-case names after kin and titles ("tia luz", "abuela rosa", "la señora consuelo", "this is dariga"):
  // a word of the name lists that is not English, or a word in no dictionary.
  for (const t of tokens) {
    if (t.cap || t.word.length < 3 || !/^\p{Ll}+$/u.test(t.word)) continue;
    const folded = fold(t.word);
    if (STOP.has(folded) || CHAT_WORDS.has(folded) || CONTRACTIONS.has(folded) || AMBIGUOUS_NAMES.has(folded) || nonIdentifiers.has(folded)) continue;
    if (!LOWERCASE_KIN.test(text.slice(Math.max(0, t.start - 16), t.start))) continue;
    const listed = (firstNames.has(folded) || lastNames.has(folded)) && !isDictionaryWord(folded, ENGLISH_ONLY());
    if (listed || (!isOrdinaryWord(folded) && !isTypoOfWord(folded))) {
      add("NAME", t.start, t.end, "[name]");
      nameWords.add(folded);
    }
  }
  // Names written in lower case in a chat, after a word that only people follow: "talked to ayaan".
  for (const t of tokens) {
    if (t.cap || t.word.length < 3 || !/^\p{Ll}+$/u.test(t.word)) continue;
    const folded = fold(t.word);
    if (STOP.has(folded) || isOrdinaryWord(folded)) continue;
    if (LOWERCASE_PERSON_CUE.test(text.slice(Math.max(0, t.start - 20), t.start))) {
      add("NAME", t.start, t.end, "[name]");
      nameWords.add(folded);
    }
  }
  // Texts typed in lower case (chats, texts): speaker labels ("marcy: …", "dev 9:14am: …") when two or
  // more lines start so, and words in the name lists that are not ordinary words or chat shorthand.
  const labels = [...text.matchAll(/^(\p{Ll}[\p{Ll}'’-]+)(?:\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?:\s/gmu)].filter((m) => !FORM_LABELS.has(m[1]));
  if (labels.length >= 2) for (const m of labels) {
    add("NAME", m.index, m.index + m[1].length, "[name]");
    nameWords.add(fold(m[1]));
  }
  // Capitalised speakers with a time ("Duc 3:42pm: thx"), when two or more lines start so.
  const timed = [...text.matchAll(/^(\p{Lu}[\p{L}'’-]+)\s+\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?:\s/gimu)].filter((m) => !STOP.has(fold(m[1])) && !FORM_LABELS.has(fold(m[1])));
  if (timed.length >= 2) for (const m of timed) {
    add("NAME", m.index, m.index + m[1].length, "[name]");
    nameWords.add(fold(m[1]));
  }
  const informal = (text.match(/(?:^|\n|[.!?]\s+)\p{Ll}/gu) ?? []).length >= 2;
  if (informal) {
    for (const t of tokens) {
      if (t.cap || t.word.length < 3 || !/^\p{Ll}[\p{Ll}'’-]*$/u.test(t.word)) continue;
      const folded = fold(t.word);
      if (STOP.has(folded) || CHAT_WORDS.has(folded) || isOrdinaryWord(folded) || nonIdentifiers.has(folded)) continue;
      if ((firstNames.has(folded) || lastNames.has(folded)) && !AMBIGUOUS_NAMES.has(folded)) {
        add("NAME", t.start, t.end, "[name]");
        nameWords.add(folded);
      }
    }
    // Philter's rule for texts typed in lower case: a lower-case word that no dictionary, name list,
    // chat-shorthand list or medicine list explains and that is no typo of an English word ("yufei",
    // "dariga", "xue mei") is a name, or a place after "the" ("at the briarwood"). Words of three
    // letters count only beside another such word ("xue mei", "anh thu").
    const unexplained = (t: Token) => {
      if (t.cap || !/^\p{Ll}+$/u.test(t.word) || t.word.length < 3) return 0;
      const folded = fold(t.word);
      if (STOP.has(folded) || CHAT_WORDS.has(folded) || FORM_LABELS.has(folded) || CONTRACTIONS.has(folded) || nonIdentifiers.has(folded) || countries.has(folded) || US_STATES.has(folded)) return 0;
      if (DRUG_LIKE.test(folded) || AMBIGUOUS_NAMES.has(folded) || isDictionaryWord(folded)) return 0;
      const listed = firstNames.has(folded) || lastNames.has(folded);
      if (!listed && (isOrdinaryWord(folded) || isTypoOfWord(folded))) return 0;
      const compound = listed ? false : compoundKind(folded);
      if (compound === "word") return 0;
      // "briarwood" is a named place after "the"/"at"/"from", a compound like any other elsewhere.
      if (compound === "place") return /\b(?:the|at|from|in|near|to)\s+$/i.test(text.slice(Math.max(0, t.start - 8), t.start)) ? 3 : 0;
      return folded.length >= 4 || listed ? 2 : 1;
    };
    const scores = tokens.map(unexplained);
    for (let i = 0; i < tokens.length; i++) {
      if (!scores[i]) continue;
      let j = i;
      while (j + 1 < tokens.length && scores[j + 1] && /^\s+$/.test(text.slice(tokens[j].end, tokens[j + 1].start))) j++;
      const group = tokens.slice(i, j + 1);
      const strong = scores.slice(i, j + 1).some((x) => x >= 2) || group.length >= 2;
      const place = scores.slice(i, j + 1).some((x) => x === 3);
      i = j;
      if (!strong) continue;
      const start = group[0].start;
      const end = group[group.length - 1].end;
      if (existing.some((c) => c.start <= start && end <= c.end)) continue;
      const before = text.slice(Math.max(0, start - 24), start);
      if (place || /\b(?:the|la|el)\s+$/i.test(before) || (cities.has(fold(text.slice(start, end))) && PLACE_PREP.test(before))) add("LOCATION", start, end, "[place]");
      else {
        add("NAME", start, end, "[name]");
        for (const t of group) nameWords.add(fold(t.word));
      }
    }
  }
  // An initial and a surname: "K. Boudreaux", "R. Okonkwo-Hale" (rosters, shelter logs, discharge notes).
  for (const m of text.matchAll(/(?<![\p{L}.'’])(\p{Lu})\.\s?(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)\b/gu)) {
    const surname = fold(m[2]);
    if (STOP.has(surname) || nonIdentifiers.has(surname) || US_STATES.has(surname) || countries.has(surname) || MONTH_NAMES.has(surname) || isDictionaryWord(surname)) continue;
    if (/\b(?:vitamin|plan|part|type|hep|hepatitis|grade|section|unit|bed|room|apt|lot|exhibit|appendix|option|step|tier|class|ward|wing|building|bldg)\s*$/i.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    const parts = surname.split(/[-'’]/);
    if (!(lastNames.has(surname) || parts.some((w) => lastNames.has(w)) || !isOrdinaryWord(surname))) continue;
    add("NAME", m.index, m.index + m[0].length, "[name]");
    nameWords.add(surname);
  }
  // A nickname after its cue, even when it is an ordinary word: "goes by Baby", "aka Chino", "le dicen Güero".
  for (const m of text.matchAll(/\b(?:goes by|going by|aka|a\.k\.a\.|known as|nicknamed|le dicen|apodad[oa])\s+["“']?(\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?)/gu)) {
    const word = fold(m[1]);
    if (nonIdentifiers.has(word) || countries.has(word) || US_STATES.has(word) || ORG_WORDS.test(m[1])) continue;
    const at = m.index + m[0].length - m[1].length;
    add("NAME", at, at + m[1].length, "[name]");
  }
  // Shelter and ward rosters: the person after a bed number ("bed 3 Precious", "bed 14: Sunny Okafor").
  for (const m of text.matchAll(/\b(?:bed|cot|mat)\s*#?\d{1,3}[:,-]?\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)/gu)) {
    const words = m[1].split(/\s+/).map(fold);
    if (words.some((w) => STOP.has(w) || nonIdentifiers.has(w)) || ORG_WORDS.test(m[1])) continue;
    const at = m.index + m[0].length - m[1].length;
    add("NAME", at, at + m[1].length, "[name]");
  }
  // "Baby" with a name or a word after it is a nickname: "Baby Girl is sick", "Baby Jun".
  for (const m of text.matchAll(/\bBaby\s+(\p{Lu}[\p{L}'’-]+)\b/gu)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    const word = fold(m[1]);
    if (STOP.has(word) || nonIdentifiers.has(word) || inside(orgs, m.index, m.index + m[0].length) || EVENT_NOUN_AFTER.test(after) || /^(?:shower|bonds?)$/.test(word)) continue;
    if (!isDictionaryWord(word) || /^\s+(?:is|was|has|had|says|said|will|needs|got|and)\b/.test(after)) add("NAME", m.index, m.index + m[0].length, "[name]");
  }
  // A given name in apposition with an age: "The oldest, Hunter, 12, has asthma", "her son, Chance (9)".
  for (const m of text.matchAll(/(?:,|\b(?:oldest|youngest|eldest|middle one|son|daughter|grandson|granddaughter))\s+(\p{Lu}\p{Ll}+)(?:,\s*|\s*\()\d{1,2}\s*[,;)]/gu)) {
    const word = fold(m[1]);
    if (!firstNames.has(word) || STOP.has(word) || nonIdentifiers.has(word)) continue;
    const at = m.index + m[0].indexOf(m[1], m[0].length - m[1].length - 8 > 0 ? 0 : 0);
    add("NAME", at, at + m[1].length, "[name]");
    nameWords.add(word);
  }
  // Lower-case given names that are also words, after a cue only people follow: "me and ranger talked", "w/ hunter",
  // "hunter from the landlord side called".
  for (const t of tokens) {
    if (t.cap || t.word.length < 3 || !/^\p{Ll}+$/u.test(t.word)) continue;
    const folded = fold(t.word);
    if (!firstNames.has(folded) || STOP.has(folded) || CHAT_WORDS.has(folded) || CONTRACTIONS.has(folded) || nonIdentifiers.has(folded)) continue;
    const before = text.slice(Math.max(0, t.start - 16), t.start);
    const after = text.slice(t.end, t.end + 48);
    if (/(?:\bw\/|\bme and|\btalked to|\btalked w\/?|\bspoke (?:to|with)|\btexted|\bmet with|\bheard from|\bfound)\s+$/i.test(before) || /^\s+(?:and me\b|from (?:the|his|her) \p{Ll}+(?:\s+\p{Ll}+)?\s+(?:called|said|says|texted|came|stopped|emailed))/u.test(after)) {
      add("NAME", t.start, t.end, "[name]");
    }
  }
  // "me and ranger talked", "ranger and me went": in a chat the word beside "me" before a verb is a person, whatever it means elsewhere.
  const chatMates = new Set<string>();
  for (const m of text.matchAll(/\b(?:me and (\p{Ll}{3,})|(\p{Ll}{3,}) and me)\s+(?:talked|went|called|texted|said|met|drove|saw|visited|are|were|will|gonna|got|stopped|checked|tried)\b/gu)) {
    const word = m[1] ?? m[2];
    const folded = fold(word);
    if (STOP.has(folded) || CHAT_WORDS.has(folded) || CONTRACTIONS.has(folded) || nonIdentifiers.has(folded)) continue;
    chatMates.add(folded);
  }
  // …and every other lower-case mention of that word in the same text.
  if (chatMates.size) for (const t of tokens) if (!t.cap && chatMates.has(fold(t.word))) add("NAME", t.start, t.end, "[name]");
  // Initials that stand for a person named in the same text: "DM" for Dil Maya Gurung, "JT (Jolene Tsosie)", "Curtis Hollins (CH)".
  const initials = new Set<string>();
  for (const c of existing) {
    if (c.type !== "NAME") continue;
    const parts = text.slice(c.start, c.end).split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
    if (parts.length < 2) continue;
    initials.add(parts.map((w) => w[0]).join(""));
    initials.add(parts[0][0] + parts[parts.length - 1][0]);
    for (let i = 0; i + 1 < parts.length; i++) initials.add(parts[i][0] + parts[i + 1][0]);
  }
  if (initials.size) for (const m of text.matchAll(/(?<![\p{L}\d-])(\p{Lu}{2,3})(?![\p{L}\d-])/gu)) {
    if (!initials.has(m[1])) continue;
    // "DM" is also diabetes and "OB" obstetrics: an abbreviation of the lists counts only quoted or in parentheses, as a nickname is given.
    const marked = /["“(]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)) && /^\s*["”)]/.test(text.slice(m.index + m[1].length, m.index + m[1].length + 2));
    if ((STOP.has(fold(m[1])) || nonIdentifiers.has(fold(m[1])) || STATE_CODES.has(m[1])) && !marked) continue;
    add("NAME", m.index, m.index + m[1].length, "[name]");
  }
  // Every other mention of a word already known to be this person's name.
  for (const t of tokens) if (nameWords.has(fold(t.word)) && (t.cap || !isOrdinaryWord(fold(t.word)))) add("NAME", t.start, t.end, "[name]");
  // A capitalised run holding such a word is the whole name when its other words are no English words: "CHW Lani Jibas" after "this is Lani".
  if (nameWords.size) for (const run of capitalRuns(text, tokens)) {
    if (run.length < 2 || run.length > 4 || !run.some((t) => nameWords.has(fold(t.word)))) continue;
    const others = run.filter((t) => t.cap && !nameWords.has(fold(t.word)));
    if (others.every((t) => !STOP.has(fold(t.word)) && !nonIdentifiers.has(fold(t.word)) && !ORG_WORDS.test(t.word) && !PLACE_WORDS.test(t.word) && !/^\p{Lu}{2,}$/u.test(t.word) && !isDictionaryWord(fold(t.word), ENGLISH_ONLY())) && !inside(orgs, run[0].start, run[run.length - 1].end))
      add("NAME", run[0].start, run[run.length - 1].end, "[name]");
  }
  // Round 5 — initials: dotted ("M.R.", "R.J.W.") and short capitals ("JB") that are no health or social-service acronym.
  for (const m of text.matchAll(/(?<![\p{L}\d.])((?:\p{Lu}\.){2,3})(?![\p{L}\d])/gu)) {
    if (DOTTED_NOT_INITIALS.has(m[1].replace(/\./g, ""))) continue;
    add("NAME", m.index, m.index + m[1].length, "[name]");
  }
  const shouting = (text.match(/\p{Lu}/gu) ?? []).length > 0.3 * (text.match(/\p{L}/gu) ?? []).length;
  if (!shouting) for (const m of text.matchAll(/(?<![\p{L}\d/&.-])(\p{Lu}{2,3})(?![\p{L}\d/&-]|\.\p{Lu})/gu)) {
    const word = m[1];
    if (SERVICE_ACRONYMS.has(word) || STATE_CODES.has(word) || STOP.has(fold(word)) || nonIdentifiers.has(fold(word)) || nonIdentifiers.has(word.toLowerCase())) continue;
    if (inside(orgs, m.index, m.index + word.length) || existing.some((c) => c.start <= m.index && m.index + word.length <= c.end)) continue;
    // An acronym next to another capital word or acronym ("PT/OT", "DHS CCAP", "ABC Home Health") is an agency's or a program's.
    if (/\p{Lu}[\p{L}]*\s+$/u.test(text.slice(Math.max(0, m.index - 12), m.index)) && !/\b(?:and|with|w\/|to|from|for|by|Dr|Mr|Ms|Mrs)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (/^\s+\p{Lu}/u.test(text.slice(m.index + word.length, m.index + word.length + 3)) && !/^\s+(?:and|is|was|has)\b/.test(text.slice(m.index + word.length))) continue;
    // Only where a person stands: the subject of a person's verb, or after a verb or word that takes a person ("sent JB back", "T-Boy and JB moved").
    const personAfter = /^(?:['’]s)?\s+(?:and|&|is|was|has|had|says|said|moved|went|came|left|stays|stayed|sleeps|slept|still|got|needs|wants|asked|called|texted|told|lives|lived|walked|showed|took|gets|will|can|does|did|didn['’]?t|won['’]?t)\b|^\s*(?:\(|,\s*\d|:\s)/i.test(text.slice(m.index + word.length, m.index + word.length + 14));
    const personBefore = /\b(?:and|&|with|w\/|sent|told|asked|saw|met|drove|took|gave|called|texted|helped|found|visited|picked up|brought|client|resident|guest|friend|buddy|son|daughter|brother|sister|cousin|nephew|niece|named|aka)\s+$/i.test(text.slice(Math.max(0, m.index - 14), m.index));
    if (!personAfter && !personBefore) continue;
    add("NAME", m.index, m.index + word.length, "[name]");
  }
  // In chats typed in lower case: two-letter initials and "big"/"lil" nicknames where a person stands ("big ray says jb is at …").
  if ((text.match(/(?:^|\n|[.!?]\s+)\p{Ll}/gu) ?? []).length >= 2) {
    for (const m of text.matchAll(/(?<![\p{L}\d/&.'’-])(\p{Ll}{2})(?=\s+(?:and|&|is|was|says|said|moved|went|came|left|got|needs|wants|asked|called|texted|told|still)\b)/gu)) {
      const word = m[1];
      if (STOP.has(word) || CHAT_WORDS.has(word) || CONTRACTIONS.has(word) || isDictionaryWord(word) || SERVICE_ACRONYMS.has(word.toUpperCase())) continue;
      add("NAME", m.index, m.index + 2, "[name]");
    }
    for (const m of text.matchAll(/\b(?:big|lil|little|baby)\s+(\p{Ll}{2,})(?=\s+(?:and|&|is|was|says|said|moved|went|came|left|got|needs|wants|asked|called|texted|told|still)\b)/gu)) {
      if (firstNames.has(fold(m[1])) && !STOP.has(fold(m[1]))) add("NAME", m.index, m.index + m[0].length, "[name]");
    }
  }
  // Nicknames: a capital letter and a hyphenated word ("T-Boy", "J-Rock"); one or two capitalised words in quotes after a cue
  // ("they call him \"Big Mike\"", "his friend (\"Dutch\")").
  for (const m of text.matchAll(/(?<![\p{L}\d-])\p{Lu}-\p{Lu}\p{Ll}+(?![\p{L}\d-])/gu)) {
    if (!HYPHEN_NOT_NICKNAMES.has(fold(m[0]))) add("NAME", m.index, m.index + m[0].length, "[name]");
  }
  for (const m of text.matchAll(/["“](\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)["”]/gu)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const cue = /\(\s*$/.test(before) || /\b(?:call(?:s|ed)?|known as|goes by|go by|going by|nicknamed?|aka|a\.k\.a\.|le dicen|apodad[oa]|named|name is|se llama|rele|yo rele l)\b[^.!?\n]{0,24}$/i.test(before);
    const words = m[1].split(/\s+/).map(fold);
    if (!cue || words.some((w) => countries.has(w) || US_STATES.has(w) || STOP.has(w)) || ORG_WORDS.test(m[1].split(/\s+/).pop() ?? "")) continue;
    add("NAME", m.index + 1, m.index + 1 + m[1].length, "[name]");
    for (const w of words) if (!isOrdinaryWord(w)) nameWords.add(w);
  }
  // Hmong names: given names and a clan name ("Yer Her", "Pa Kou Vang", "Mai Xiong"), clan names that are English words included.
  for (const m of text.matchAll(new RegExp(`\\b((?:(?:${HMONG_GIVEN})\\s+){1,2})(${HMONG_CLANS})\\b`, "gu"))) add("NAME", m.index, m.index + m[0].length, "[name]");
  // A given name right after an age: "his wife is 96-year-old Comfort", "a 4 yo Hunter".
  for (const m of text.matchAll(/\b\d{1,3}(?:[- ]years?[- ]old|\s?y\/?o|[- ]yr[- ]old)\s+(\p{Lu}\p{Ll}+)\b/gu)) {
    const word = fold(m[1]);
    if (STOP.has(word) || nonIdentifiers.has(word) || countries.has(word) || ORG_WORDS.test(m[1]) || PLACE_WORDS.test(m[1])) continue;
    if (!firstNames.has(word) && isOrdinaryWord(word) && !/^\s*(?:[;,.)]|is\b|was\b|has\b|and\b|who\b)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    add("NAME", m.index + m[0].length - m[1].length, m.index + m[0].length, "[name]");
    nameWords.add(word);
  }
  // Two given names joined by "and" at a sentence's start, one of them an English word: "Faith and Hunter came in".
  for (const m of text.matchAll(/(?:^|[.!?]\s+|\n)(\p{Lu}\p{Ll}+)\s+(?:and|y|&)\s+(\p{Lu}\p{Ll}+)\s+(?:came|went|are|were|have|had|got|live|lived|stay|stayed|moved|both|arrived|left|need|needs|want|say|said)\b/gu)) {
    const [a, b] = [fold(m[1]), fold(m[2])];
    if (!firstNames.has(a) || !firstNames.has(b) || [a, b].some((w) => STOP.has(w) || nonIdentifiers.has(w) || AMBIGUOUS_NAMES.has(w) && !firstNames.has(w))) continue;
    const at = m.index + m[0].indexOf(m[1]);
    add("NAME", at, at + m[1].length, "[name]");
    const bt = at + m[0].slice(m[0].indexOf(m[1])).indexOf(m[2], m[1].length);
    add("NAME", bt, bt + m[2].length, "[name]");
    nameWords.add(a);
    nameWords.add(b);
  }
  for (const t of tokens) if (nameWords.has(fold(t.word)) && t.cap && !existing.some((c) => c.type === "NAME" && c.start <= t.start && t.end <= c.end)) add("NAME", t.start, t.end, "[name]");
  // Plural family names after "the": "the Mendozas".
  // (Not when a capitalised word follows: "the Delores Project" is a name's first word, not a family.)
  for (const m of text.matchAll(/\bthe\s+(\p{Lu}\p{Ll}+s)\b(?!\s+\p{Lu})/gu)) {
    const stem = fold(m[1]).replace(/e?s$/, "");
    if (lastNames.has(stem) || lastNames.has(fold(m[1]).slice(0, -1))) add("NAME", m.index + m[0].length - m[1].length, m.index + m[0].length, "[name]");
  }
}

/** Merge same-type overlaps, then keep the higher-priority candidate where types overlap. */
function resolve(text: string, candidates: Candidate[]): Finding[] {
  const byType = new Map<IdentifierType, Candidate[]>();
  for (const c of candidates) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  const merged: Candidate[] = [];
  for (const [, list] of byType) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Candidate | undefined;
    for (const c of list) {
      if (current && c.start < current.end) {
        if (c.end > current.end) current.end = c.end;
      } else {
        if (current) merged.push(current);
        current = { ...c };
      }
    }
    if (current) merged.push(current);
  }
  merged.sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of merged) {
    const clash = kept.find((k) => c.start < k.end && k.start < c.end);
    if (!clash) {
      kept.push(c);
      continue;
    }
    // A lower-priority candidate keeps the parts that stick out of higher-priority ones.
    let pieces: Candidate[] = [{ ...c }];
    for (const k of kept) {
      pieces = pieces.flatMap((p) => {
        if (!(p.start < k.end && k.start < p.end)) return [p];
        const out: Candidate[] = [];
        if (p.start < k.start) out.push({ ...p, end: k.start });
        if (p.end > k.end) out.push({ ...p, start: k.end });
        return out;
      });
    }
    kept.push(...pieces);
  }
  return kept
    .map((c) => {
      let { start, end } = c;
      while (start < end && /[\s,;:]/.test(text[start])) start++;
      while (end > start && /[\s,;:)]/.test(text[end - 1])) end--;
      return { ...c, start, end };
    })
    .filter((c) => c.end > c.start && /[\p{L}\d]/u.test(text.slice(c.start, c.end)))
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ type: c.type, start: c.start, end: c.end, text: text.slice(c.start, c.end), replacement: c.replacement ?? DEFAULT_REPLACEMENT[c.type] }));
}

const DEFAULT_REPLACEMENT: Record<IdentifierType, string> = {
  NAME: "[name]", LOCATION: "a city in the region", DATE: "[date]", AGE: "90+", PHONE: "[phone]", EMAIL: "[email]", SSN: "[SSN]",
  ID: "[number]", VEHICLE: "[vehicle]", DEVICE: "[device]", URL: "[link]", IP: "[IP address]",
};
