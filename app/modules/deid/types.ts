/**
 * The identifier detector's public types (safe to import in the browser).
 * A finding is a span of the text that is one of the HIPAA Safe Harbor identifiers, with a
 * suggested replacement. Spans are UTF-16 offsets, `text.slice(start, end) === finding.text`.
 */
export const IDENTIFIER_TYPES = ["NAME", "LOCATION", "DATE", "AGE", "PHONE", "EMAIL", "SSN", "ID", "VEHICLE", "DEVICE", "URL", "IP"] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface Finding {
  type: IdentifierType;
  start: number;
  end: number;
  text: string;
  replacement: string;
  /** Set when the span matched one of the author's organization's clients (client/known-names), or words its participants marked as missed (ADR 089), not the detector. */
  source?: "clients" | "lexicon";
}

/** Replace each finding's span with its replacement (findings must not overlap). */
export function applyReplacements(text: string, findings: Pick<Finding, "start" | "end" | "replacement">[]) {
  let out = "";
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return out + text.slice(at);
}
