/**
 * The text drawn on a PDF's pages, one string per line drawn, for tests of the PDFs the hub makes
 * with pdf-lib's standard fonts: each content stream (inflated when compressed) is read for its
 * `<hex> Tj` operators, and the bytes decoded as WinAnsi (Latin-1 plus its punctuation marks).
 */
import { inflateSync } from "node:zlib";

const WIN_ANSI: Record<number, string> = { 0x80: "€", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—" };

export function pdfTextLines(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const raw = buffer.toString("latin1");
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const body = buffer.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(body).toString("latin1");
    } catch {
      content = body.toString("latin1");
    }
    for (const op of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
      const hex = op[1].replace(/\s+/g, "");
      let line = "";
      for (let i = 0; i < hex.length; i += 2) {
        const code = parseInt(hex.slice(i, i + 2), 16);
        line += WIN_ANSI[code] ?? String.fromCharCode(code);
      }
      lines.push(line);
    }
    streams.lastIndex = end;
  }
  return lines;
}
