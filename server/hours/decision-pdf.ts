import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type Language, formatDate, translator } from '../../app/i18n';
import { a4, margin, write } from '../pdf/text';
import type { Decision } from './decisions';
import { formatHours } from './format';

/**
 * The printable decision. A published one shows what was recorded at publication (names, date,
 * publisher); a draft says so at the top and shows the current names.
 */
export async function renderDecisionPdf(
  decision: Decision,
  context: { language: Language; centreName: string; organisationName: string; businessId: string },
): Promise<Uint8Array> {
  const t = translator(context.language);
  const published = decision.status === 'published';
  const pdf = await PDFDocument.create();
  const title = t('hours.pdf.title', { year: decision.year });
  pdf.setTitle(title);
  pdf.setProducer('Sivisverkko');
  pdf.setCreator('Sivisverkko');
  if (decision.publishedAt) pdf.setCreationDate(decision.publishedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage(a4);
  let y = page.getHeight() - margin;
  if (!published) y = write(page, bold, t('hours.pdf.draft'), y, 14) - 8;
  y = write(page, font, context.centreName, y);
  y = write(page, bold, title, y - 8, 16) - 8;
  const organisationName = published ? decision.organisationName! : context.organisationName;
  const businessId = published ? decision.businessId! : context.businessId;
  y = write(page, font, `${t('hours.pdf.organisation')}: ${organisationName} (${businessId})`, y);
  y = write(page, bold, `${t('hours.pdf.granted')}: ${formatHours(context.language, decision.grantedHundredths)} h`, y - 4, 13) - 8;
  if (decision.decisionText) y = write(page, font, decision.decisionText, y) - 8;
  if (published) {
    y = write(page, font, `${t('hours.pdf.date')}: ${formatDate(context.language, decision.publishedAt!)}`, y);
    write(page, font, `${t('hours.pdf.decidedBy')}: ${decision.publisherName}`, y);
  }
  return pdf.save({ useObjectStreams: false });
}
