/**
 * A coalition's own gazetteer for the identifier check (ADR 088): the places, addresses and
 * organizations of its directory, matched case- and accent-folded, with possessives, in any text.
 *
 *   const g = buildGazetteer([{ text: "Fireweed Warming Center", kind: "place" }, { text: "Fireweed Mutual Aid", kind: "organization" }]);
 *   g.find("she slept at fireweed warming center's annex") → [{ kind: "place", start: 13, end: 36 }]
 *
 * Kinds: a "place" is where a person lives, sleeps, is treated or is found (a location, an
 * informal place, a facility, an address) and becomes a LOCATION finding; a "person" (a trusted
 * person of the informal directory) becomes a NAME finding; an "organization" (a partner, a
 * service, a program) is NOT an identifier by the labelling rules: the detector uses its spans to
 * keep its name and place rules from firing inside a partner's name ("Fireweed Mutual Aid").
 * Pure: no database here (see coalition-gazetteer.server.ts for the per-coalition cache).
 */
import { fold, isOrdinaryWord } from "./lexicon.server";

export type GazetteerKind = "place" | "person" | "organization";
export interface GazetteerEntry {
  text: string;
  kind: GazetteerKind;
}
export interface GazetteerMatch {
  kind: GazetteerKind;
  start: number;
  end: number;
}
export interface Gazetteer {
  size: number;
  find(text: string): GazetteerMatch[];
}

/** A name ending so is a place where people live, sleep or are treated, even when a partner runs it. */
export const RESIDENCE_OR_CARE = /\b(?:Hospital|Medical Center|Medical Centre|Health Center|Infirmary|Hospice|Nursing (?:Home|Center)|Rehab(?:ilitation)? Center|Care Center|Shelter|Warming Center|Cooling Center|Navigation Center|Respite|Safe Haven|Motel|Hotel|Inn|Lodge|Apartments|Apts|Manor|Residences?|Village|Camp|Encampment|Tiny Homes?|Mobile Home (?:Park|Community)|Trailer Park|RV Park|Senior Living|Assisted Living|Group Home|Halfway House|Sober Living|Jail|Detention Center|Correctional Facility)\.?$/i;

/** Street words written either way fold to one form: "Avenue" and "Ave." match. */
const SYNONYM: Record<string, string> = {
  street: "st", avenue: "ave", av: "ave", boulevard: "blvd", road: "rd", drive: "dr", lane: "ln", court: "ct", place: "pl", parkway: "pkwy",
  circle: "cir", terrace: "ter", highway: "hwy", north: "n", south: "s", east: "e", west: "w", apartment: "apt", saint: "st", mount: "mt", fort: "ft",
};
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

function words(text: string) {
  const out: { key: string; start: number; end: number; cap: boolean }[] = [];
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    const possessive = /['’]s$/u.test(raw);
    if (possessive) raw = raw.slice(0, -2);
    raw = raw.replace(/['’]/g, "");
    if (!raw) continue;
    const key = fold(raw);
    out.push({ key: SYNONYM[key] ?? key, start: m.index, end: m.index + m[0].length - (possessive ? 2 : 0), cap: /^\p{Lu}/u.test(m[0]) });
  }
  return out;
}

interface Node {
  next: Map<string, Node>;
  kind?: GazetteerKind;
  /** Every word of the entry is an ordinary word ("Sunrise Manor"): it matches only when written with a capital. */
  ordinary?: boolean;
}

const RANK: Record<GazetteerKind, number> = { place: 3, person: 2, organization: 1 };

export function buildGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const root: Node = { next: new Map() };
  let size = 0;
  for (const entry of entries) {
    const keys = words(entry.text.trim()).map((w) => w.key);
    if (!keys.length) continue;
    const ordinary = keys.every((k) => /^\d+$/.test(k) || isOrdinaryWord(k));
    // One ordinary word ("Hope", "Refuge") or a bare number is no name to look for in every text.
    if (keys.length === 1 && (ordinary || keys[0].length < 4)) continue;
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    // The same words listed as a place and as an organization are a place (a partner's shelter).
    if (!node.kind) size++;
    if (!node.kind || RANK[entry.kind] > RANK[node.kind]) node.kind = entry.kind;
    node.ordinary = ordinary;
  }
  return {
    size,
    find(text) {
      if (!size) return [];
      const ws = words(text);
      const matches: GazetteerMatch[] = [];
      for (let i = 0; i < ws.length; i++) {
        let node: Node | undefined = root;
        let best: GazetteerMatch | undefined;
        let anyCap = false;
        for (let j = i; j < ws.length && node; j++) {
          // Words of one name are separated by spaces, a hyphen or a comma at most ("1200 W. Colfax Ave").
          if (j > i && !/^[\s,.#-]{1,3}$/.test(text.slice(ws[j - 1].end, ws[j].start))) break;
          node = node.next.get(ws[j].key);
          if (!node) break;
          anyCap ||= ws[j].cap;
          if (node.kind && (!node.ordinary || anyCap)) best = { kind: node.kind, start: ws[i].start, end: ws[j].end };
        }
        if (best) {
          matches.push(best);
          i = ws.findIndex((w) => w.start >= best.end) - 1;
          if (i < -1) break;
        }
      }
      return matches;
    },
  };
}
