/**
 * The client's written copy of their care plan as a PDF (issue #15, ADR 102): the same content as
 * the printable page (components/care/written-copy.tsx), in the client's language whatever the care
 * manager's screen is in, with the authorization PDF's font handling (standard Helvetica, WinAnsi:
 * Spanish accents render; app/utils/pdf-text.server.ts).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { translatorForLocale } from "~/i18n/translators";
import { wrap } from "~/utils/pdf-text.server";
import type { WrittenCopy } from "./written-copy.server";

const PAGE: [number, number] = [612, 792];
const MARGIN = 56;

export async function writtenCopyPdf(copy: WrittenCopy, printedOn: string): Promise<Uint8Array> {
  const t = translatorForLocale(copy.language);
  const k = (key: string, values?: Record<string, string | number>) => t(`careGraduation.copy.${key}`, values);
  const day = (iso: string) => new Intl.DateTimeFormat(copy.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

  const pdf = await PDFDocument.create();
  pdf.setTitle(`${k("title")} — ${copy.client.name}`);
  pdf.setLanguage(copy.language);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(PAGE);
  const width = page.getWidth() - MARGIN * 2;
  let y = page.getHeight() - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN) {
      page = pdf.addPage(PAGE);
      y = page.getHeight() - MARGIN;
    }
  };
  const text = (value: string, { size = 11, font = regular, gap = 4, indent = 0 }: { size?: number; font?: PDFFont; gap?: number; indent?: number } = {}) => {
    for (const line of wrap(value, font, size, width - indent)) {
      ensure(size + gap);
      page.drawText(line, { x: MARGIN + indent, y: y - size, size, font, color: rgb(0.11, 0.14, 0.15) });
      y -= size + gap;
    }
  };
  const heading = (value: string, size = 13) => {
    y -= 6;
    text(value, { size, font: bold, gap: 6 });
  };

  text(k("title"), { size: 20, font: bold, gap: 10 });
  text(k("for", { name: copy.client.name }), { size: 13, font: bold, gap: 8 });
  text(k("intro"));
  if (copy.enrollmentStatus === "GRADUATED") text(k("graduated"), { font: bold });

  heading(k("careManager"));
  if (copy.careManager) {
    text(copy.careManager.name, { font: bold });
    text(k("organization", { organization: copy.organization.name }));
    text(k("reach"), { font: bold, size: 10.5 });
    if (copy.organization.phone) text(k("phone", { phone: copy.organization.phone }), { indent: 12 });
    text(k("email", { email: copy.careManager.email }), { indent: 12 });
  } else {
    text(k("noCareManager"));
  }

  heading(k("goals"));
  if (copy.goals.length === 0) text(k("noGoals"));
  copy.goals.forEach((g, i) => {
    y -= 4;
    text(k("goalNumber", { number: i + 1 }), { font: bold, size: 11.5 });
    text(g.text, { indent: 12 });
    text(k("nextSteps"), { font: bold, size: 10, indent: 12 });
    if (g.steps.length === 0) text(k("noSteps"), { size: 10, indent: 24 });
    for (const s of g.steps) {
      text(`• ${s.text}`, { indent: 24 });
      text(k("by", { who: k(`owners.${s.owner}`, { partner: s.partnerName ?? "" }), date: day(s.dueOn) }), { size: 10, indent: 34 });
    }
  });

  if (copy.achieved.length) {
    heading(k("achieved"));
    for (const g of copy.achieved) text(`• ${g.text}`, { indent: 12 });
  }

  y -= 8;
  text(copy.lastReviewedOn ? k("lastReviewed", { date: day(copy.lastReviewedOn) }) : k("neverReviewed"));
  text(k("printedOn", { date: day(printedOn) }), { size: 9 });
  return pdf.save();
}
