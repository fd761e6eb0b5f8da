/**
 * Text on PDF pages with pdf-lib's standard fonts (Helvetica: WinAnsi, Latin-1 plus a few
 * punctuation marks). That covers English and Spanish — á é í ó ú ü ñ ¿ ¡ — so the client's copies
 * need no embedded font; a character outside it prints as "?" rather than failing the document.
 * Shared by the authorization PDF (modules/consent) and the care plan's written copy (modules/care).
 */
import type { PDFFont } from "pdf-lib";

const WIN_ANSI_EXTRAS = new Set([..."—–‘’“”…•€"]);

/** The text as the standard font can draw it: one line, unknown characters as "?". */
export const printable = (text: string) => [...text].map((ch) => (ch.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRAS.has(ch) ? ch : "?")).join("").replace(/[\r\n\t]+/g, " ");

/** Words wrapped into lines no wider than `width` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of printable(text).split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
