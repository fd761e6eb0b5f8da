/**
 * The organization's own clients' names, as a second source for the identifier check.
 *
 * The general detector (app/modules/deid) finds most names, not all (ADR 030). The hub already
 * knows the names most likely to leak from a care manager's vignette or message: those of the
 * organization's clients. Each client row carries blind indexes (keyed HMAC, like `identityIndex`)
 * of its name's words and ordered word pairs; the check hashes the text's words and pairs the same
 * way and asks the database which of them any live client of the organization has. No name is
 * decrypted and nothing is disclosed (the author typed the text), so no audit event is written.
 *
 * A pair ("maria gonzalez") always counts; a single word counts only when written with a capital
 * (so the client "Will Brown" does not flag "brown rice" or "will call", but does flag "Brown").
 */
import { db } from "~/utils/db.server";
import { blindIndex, normalizeForIndex } from "~/utils/field-encryption.server";
import { IDENTIFIER_TYPES, type Finding } from "~/modules/deid/types";

const PURPOSE = "client-name-token";
const WORD = /[\p{L}][\p{L}\p{M}'’]*/gu;

/** A word folded for the index: accents and case off, a possessive "'s" and apostrophes dropped. */
const fold = (word: string) => normalizeForIndex(word).replace(/['’]s$/u, "").replace(/['’]/g, "");

/** The words of a text with their spans, folded (accents, case, apostrophes); one-letter initials are left out. */
function wordsOf(text: string) {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, raw: m[0], folded: fold(m[0]) })).filter((w) => w.folded.length >= 2);
}

/** The blind indexes stored with a client: every word of its name and every ordered pair of words. */
export function nameTokensOf(name: string): string[] {
  const words = wordsOf(name).map((w) => w.folded);
  const tokens = new Set<string>([blindIndex(words.join(" ") || normalizeForIndex(name), PURPOSE)]);
  words.forEach((w, i) => {
    tokens.add(blindIndex(w, PURPOSE));
    // Every ordered pair, not only neighbours: "María José González" is often "Maria Gonzalez".
    for (const earlier of words.slice(0, i)) tokens.add(blindIndex(`${earlier} ${w}`, PURPOSE));
  });
  return [...tokens];
}

/**
 * What a name search looks for: the blind index of each word typed (a client matches when its
 * name has every one of them, in any order). Lets a caseload of thousands be searched by name
 * without decrypting a name (the caseload page, issue #15).
 */
export function nameSearchTokens(text: string): string[] {
  return [...new Set(wordsOf(text).map((w) => blindIndex(w.folded, PURPOSE)))];
}

type Candidate = { start: number; end: number; hash: string; pair: boolean; capitalised: boolean };

function candidatesOf(text: string): Candidate[] {
  const words = wordsOf(text);
  const out: Candidate[] = [];
  words.forEach((w, i) => {
    out.push({ start: w.start, end: w.end, hash: blindIndex(w.folded, PURPOSE), pair: false, capitalised: /^\p{Lu}/u.test(w.raw) });
    const previous = words[i - 1];
    // A pair is two words separated by spaces only ("Maria Gonzalez", "mei lin").
    if (previous && /^[ \t]+$/.test(text.slice(previous.end, w.start))) {
      out.push({ start: previous.start, end: w.end, hash: blindIndex(`${previous.folded} ${w.folded}`, PURPOSE), pair: true, capitalised: true });
    }
  });
  return out;
}

/**
 * NAME findings for the organization's clients' names in each text (one query for all texts).
 * Spans do not overlap each other; callers merge them with the detector's findings.
 */
export async function knownClientNameFindings({ organizationId, texts }: { organizationId: string; texts: string[] }): Promise<Finding[][]> {
  const perText = texts.map(candidatesOf);
  const hashes = [...new Set(perText.flat().map((c) => c.hash))];
  if (hashes.length === 0) return texts.map(() => []);
  const [rows, missed] = await Promise.all([
    db.client.findMany({ where: { organizationId, deletedAt: null, nameTokens: { hasSome: hashes } }, select: { nameTokens: true } }),
    // The organization's private lexicon: words participants marked as identifiers the check missed (ADR 089).
    db.missedIdentifier.findMany({ where: { organizationId, tokens: { hasSome: hashes } }, select: { tokens: true, type: true } }),
  ]);
  const known = new Map<string, { type: Finding["type"]; source: NonNullable<Finding["source"]> }>();
  for (const m of missed) for (const t of m.tokens) known.set(t, { type: IDENTIFIER_TYPES.find((x) => x === m.type) ?? "NAME", source: "lexicon" });
  for (const t of rows.flatMap((r) => r.nameTokens)) known.set(t, { type: "NAME", source: "clients" });
  return perText.map((candidates, index) => {
    const text = texts[index]!;
    const hits = candidates
      .filter((c) => known.has(c.hash) && (c.pair || c.capitalised))
      // Longest first, so a pair wins over its words.
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: Candidate[] = [];
    for (const hit of hits) if (!taken.some((t) => hit.start < t.end && t.start < hit.end)) taken.push(hit);
    return taken
      .sort((a, b) => a.start - b.start)
      .map((c): Finding => {
        const { type, source } = known.get(c.hash)!;
        return { type, start: c.start, end: c.end, text: text.slice(c.start, c.end), replacement: type === "NAME" ? "[name]" : "[identifier]", source };
      });
  });
}

/**
 * The detector's findings plus known-name findings, without overlaps: a known name that covers
 * only NAME findings of the detector replaces them (it is the longer, surer span); one that
 * overlaps any other finding is left out (the detector's finding already blocks the text).
 */
export function mergeFindings(detected: Finding[], known: Finding[]): Finding[] {
  let merged = [...detected];
  for (const k of known) {
    const overlapping = merged.filter((f) => f.start < k.end && k.start < f.end);
    if (overlapping.some((f) => f.type !== "NAME" || f.start < k.start || f.end > k.end)) continue;
    merged = [...merged.filter((f) => !overlapping.includes(f)), k];
  }
  return merged.sort((a, b) => a.start - b.start);
}
