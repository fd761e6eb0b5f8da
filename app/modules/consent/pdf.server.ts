/**
 * The client's copy as a PDF (pdf-lib, standard Helvetica: Latin-1 text, which covers English and
 * Spanish; characters outside it print as "?": app/utils/pdf-text.server.ts). Same content as the print-ready page.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import consentEn from "~/i18n/locales/consent.en";
import consentEs from "~/i18n/locales/consent.es";
import { wrap } from "~/utils/pdf-text.server";
import type { getAuthorizationCopy } from "./service.server";

type Copy = Awaited<ReturnType<typeof getAuthorizationCopy>>;

export async function authorizationPdf(copy: Copy): Promise<Uint8Array> {
  const L = copy.language === "es" ? consentEs : consentEn;
  const day = (d: Date) => new Intl.DateTimeFormat(copy.language, { dateStyle: "long", timeZone: "UTC" }).format(d);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${L.copy.title} — ${copy.client.name}`);
  pdf.setLanguage(copy.language);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page: PDFPage = pdf.addPage([612, 792]);
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;

  const ensure = (height: number) => {
    if (y - height < margin) {
      page = pdf.addPage([612, 792]);
      y = page.getHeight() - margin;
    }
  };
  const text = (value: string, { size = 10.5, font = regular, gap = 4 }: { size?: number; font?: PDFFont; gap?: number } = {}) => {
    for (const line of wrap(value, font, size, width)) {
      ensure(size + gap);
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.11, 0.14, 0.15) });
      y -= size + gap;
    }
  };
  const field = (label: string, value: string) => {
    text(label, { font: bold, size: 9.5, gap: 2 });
    text(value);
    y -= 6;
  };

  text(L.copy.title, { size: 18, font: bold, gap: 10 });
  if (copy.revokedAt) text(L.copy.revoked.replace("{{date}}", day(copy.revokedAt)), { font: bold });
  field(L.copy.client, copy.client.name);
  field(L.copy.birthDate, day(new Date(`${copy.client.birthDate}T00:00:00Z`)));
  field(L.copy.form, L.forms[copy.form]);
  field(L.copy.what, copy.categories.map((c) => L.categories[c]).join("; "));
  field(L.copy.discloser, copy.discloser);
  field(L.copy.recipients, copy.recipients.join("; "));
  field(L.copy.purpose, copy.purpose);
  field(L.copy.effective, day(copy.effectiveAt));
  field(L.copy.expires, [copy.expiresAt ? day(new Date(copy.expiresAt.getTime() - 1)) : null, copy.expirationEvent].filter(Boolean).join(" — "));
  y -= 4;
  text(L.copy.statements, { size: 13, font: bold, gap: 6 });
  const s = copy.statements;
  for (const statement of [s.rightToRevoke, s.noConditioning, s.redisclosure, s.part2Prohibition, s.part2LegalProceedings]) {
    if (statement) {
      text(`• ${statement}`);
      y -= 4;
    }
  }
  y -= 8;
  field(L.copy.signedBy, copy.signature.representativeAuthority ? `${copy.signature.signerName} — ${L.copy.representative.replace("{{authority}}", copy.signature.representativeAuthority)}` : copy.signature.signerName);
  field(L.copy.signedOn, new Intl.DateTimeFormat(copy.language, { dateStyle: "long", timeStyle: "short" }).format(copy.signedAt));
  if (copy.signature.image) {
    const png = await pdf.embedPng(copy.signature.image);
    const scaled = png.scaleToFit(220, 80);
    text(L.copy.drawnSignature, { font: bold, size: 9.5, gap: 2 });
    ensure(scaled.height + 8);
    page.drawImage(png, { x: margin, y: y - scaled.height, width: scaled.width, height: scaled.height });
    y -= scaled.height + 8;
  } else if (copy.signature.typed) {
    field(L.copy.typedSignature, copy.signature.typed);
  }
  text(`${L.copy.reference}: ${copy.id}`, { size: 8 });
  return pdf.save();
}
