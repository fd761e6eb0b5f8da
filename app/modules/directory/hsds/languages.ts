/**
 * A language as older HSDS packages write it ("Spanish", "Español", "spa", "es-MX") → the ISO 639-1
 * code the hub keeps (the fit check compares codes). Unknown names → undefined (the importer warns).
 */
const NAMES: Record<string, string> = {
  english: "en", ingles: "en", spanish: "es", espanol: "es", castellano: "es", french: "fr", frances: "fr", german: "de", aleman: "de",
  portuguese: "pt", portugues: "pt", italian: "it", chinese: "zh", mandarin: "zh", cantonese: "zh", chino: "zh", vietnamese: "vi", vietnamita: "vi",
  korean: "ko", coreano: "ko", japanese: "ja", japones: "ja", tagalog: "tl", filipino: "tl", arabic: "ar", arabe: "ar", russian: "ru", ruso: "ru",
  ukrainian: "uk", ucraniano: "uk", somali: "so", amharic: "am", amharico: "am", tigrinya: "ti", swahili: "sw", suajili: "sw", nepali: "ne",
  burmese: "my", karen: "kar", hindi: "hi", urdu: "ur", bengali: "bn", punjabi: "pa", farsi: "fa", persian: "fa", persa: "fa", dari: "prs", pashto: "ps",
  "haitian creole": "ht", "creole": "ht", "criollo haitiano": "ht", polish: "pl", polaco: "pl", hmong: "hmn", khmer: "km", lao: "lo", thai: "th",
  "american sign language": "ase", asl: "ase", "lengua de senas americana": "ase", navajo: "nv", kinyarwanda: "rw", french_creole: "ht", turkish: "tr",
  hebrew: "he", greek: "el", romanian: "ro", serbian: "sr", croatian: "hr", bosnian: "bs", albanian: "sq", armenian: "hy", mam: "mam", kiche: "quc", quiche: "quc",
};

export function languageCode(value: string): string | undefined {
  const v = value.normalize("NFD").replace(/\p{Diacritic}/gu, "").trim().toLowerCase().replace(/[’']/g, "");
  if (!v) return undefined;
  if (/^[a-z]{2}(-[a-z0-9]{2,8})*$/.test(v)) return v.slice(0, 2);
  if (NAMES[v]) return NAMES[v];
  const iso3: Record<string, string> = { eng: "en", spa: "es", fra: "fr", fre: "fr", deu: "de", ger: "de", por: "pt", zho: "zh", chi: "zh", vie: "vi", kor: "ko", ara: "ar", rus: "ru", som: "so", amh: "am", tgl: "tl", ase: "ase", hmn: "hmn" };
  if (iso3[v]) return iso3[v];
  return NAMES[v.replace(/\s*\(.*\)$/, "")];
}
