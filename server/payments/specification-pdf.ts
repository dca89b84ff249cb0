import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { type Language, translator } from '../../app/i18n';
import { a4, margin } from '../pdf/text';
import { type PaymentSpecification, specificationFacts, specificationRows } from './specification';

const ink = rgb(0.1, 0.1, 0.1);
const rowHeight = 15;

/** Text the standard font cannot draw (it knows Latin-1 and a few more) is shown as "?", never an error. */
const characterSets = new WeakMap<PDFFont, Set<number>>();
function drawable(font: PDFFont, text: string): string {
  let known = characterSets.get(font);
  if (!known) characterSets.set(font, (known = new Set(font.getCharacterSet())));
  return [...text.normalize('NFC')].map((c) => (known.has(c.codePointAt(0)!) ? c : '?')).join('');
}

/** Shortens text to a column's width with an ellipsis. */
function fit(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * The printable specification of one payment: the facts, then a row per training (name, unit,
 * dates, realised hours, support), continued on as many pages as it needs, and the total.
 */
export async function renderSpecificationPdf(spec: PaymentSpecification, language: Language, createdAt: Date): Promise<Uint8Array> {
  const t = translator(language);
  const pdf = await PDFDocument.create();
  const title = t('payments.specification.title', { reference: spec.batch.reference });
  pdf.setTitle(title);
  pdf.setProducer('Sivisverkko');
  pdf.setCreator('Sivisverkko');
  pdf.setCreationDate(createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = a4[0] - 2 * margin;
  // Name, unit, dates, hours, amount: the last two right-aligned.
  const columns = [0.31, 0.22, 0.2, 0.13, 0.14].map((share) => share * width);
  let page: PDFPage = pdf.addPage(a4);
  let y = page.getHeight() - margin;
  const text = (value: string, x: number, options: { font?: PDFFont; size?: number; right?: number } = {}) => {
    const f = options.font ?? font;
    const size = options.size ?? 10;
    const shown = drawable(f, value);
    const drawX = options.right !== undefined ? x + options.right - f.widthOfTextAtSize(shown, size) : x;
    page.drawText(shown, { x: drawX, y, size, font: f, color: ink });
  };
  text(title, margin, { font: bold, size: 15 });
  y -= 26;
  for (const [label, value] of specificationFacts(spec, language)) {
    text(`${label}:`, margin, { font: bold });
    text(fit(font, drawable(font, value), 10, width - 150), margin + 150);
    y -= rowHeight;
  }
  y -= 10;
  const header = [t('trainings.name'), t('trainings.unit'), t('payments.specification.dates'), t('payments.specification.hours'), t('payments.specification.amount')];
  const drawRow = (cells: string[], f: PDFFont) => {
    let x = margin;
    cells.forEach((cell, i) => {
      const safe = fit(f, drawable(f, cell), 9, columns[i]! - 6);
      if (i >= 3) text(safe, x, { font: f, size: 9, right: columns[i]! - 2 });
      else text(safe, x, { font: f, size: 9 });
      x += columns[i]!;
    });
    y -= rowHeight;
  };
  drawRow(header, bold);
  for (const row of specificationRows(spec, language)) {
    if (y < margin + rowHeight) {
      page = pdf.addPage(a4);
      y = page.getHeight() - margin;
      drawRow(header, bold);
    }
    drawRow([row.name, row.unitName, row.dates, row.hours, row.amount], font);
  }
  y -= 4;
  page.drawLine({ start: { x: margin, y: y + rowHeight - 2 }, end: { x: margin + width, y: y + rowHeight - 2 }, thickness: 0.5, color: ink });
  drawRow([t('payments.specification.total'), '', '', '', specificationFacts(spec, language).at(-1)![1]], bold);
  return pdf.save({ useObjectStreams: false });
}
