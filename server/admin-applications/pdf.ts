import { PDFDocument, StandardFonts } from 'pdf-lib';
import { a4, margin, write } from '../pdf/text';
import { type Language, formatDateTime, translator } from '../../app/i18n';

/** The duties an applicant accepts (product spec section 2), in the order they are listed. */
export const adminDuties = ['hours', 'proposal', 'distribution', 'details', 'communication'] as const;

export interface ApplicationContent {
  applicantName: string;
  applicantEmail: string;
  organisationName: string;
  justification: string;
  createdAt: Date;
  language: Language;
}

/** The application as the applicant reviews it; its dates are fixed so the bytes follow from the content. */
export async function renderApplicationPdf(content: ApplicationContent): Promise<Uint8Array> {
  const t = translator(content.language);
  const pdf = await PDFDocument.create();
  pdf.setTitle(t('adminApplication.pdf.title'));
  pdf.setCreationDate(content.createdAt);
  pdf.setModificationDate(content.createdAt);
  pdf.setProducer('Sivisverkko');
  pdf.setCreator('Sivisverkko');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage(a4);
  let y = page.getHeight() - margin;
  y = write(page, bold, t('adminApplication.pdf.title'), y, 16) - 8;
  y = write(page, font, `${t('adminApplication.pdf.applicant')}: ${content.applicantName} <${content.applicantEmail}>`, y);
  y = write(page, font, `${t('adminApplication.pdf.organisation')}: ${content.organisationName}`, y);
  y = write(page, font, `${t('adminApplication.pdf.date')}: ${formatDateTime(content.language, content.createdAt)}`, y) - 8;
  y = write(page, bold, t('adminApplication.pdf.justification'), y);
  y = write(page, font, content.justification, y) - 8;
  y = write(page, bold, t('adminApplication.pdf.duties'), y);
  for (const duty of adminDuties) y = write(page, font, `• ${t(`adminApplication.duties.${duty}`)}`, y);
  write(page, font, t('adminApplication.pdf.acceptance'), y - 8);
  return pdf.save();
}

export interface SignatureDetails {
  signerName: string;
  signedAt: Date;
  ip: string | null;
  method: string;
  sha256: string;
  language: Language;
}

/** The signed copy: the reviewed document with a signature page appended. */
export async function addSignaturePage(reviewed: Uint8Array, details: SignatureDetails): Promise<Uint8Array> {
  const t = translator(details.language);
  const pdf = await PDFDocument.load(reviewed);
  pdf.setModificationDate(details.signedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage(a4);
  let y = page.getHeight() - margin;
  y = write(page, bold, t('adminApplication.pdf.signatureTitle'), y, 16) - 8;
  y = write(page, font, `${t('adminApplication.pdf.signer')}: ${details.signerName}`, y);
  y = write(page, font, `${t('adminApplication.pdf.signedAt')}: ${formatDateTime(details.language, details.signedAt)}`, y);
  y = write(page, font, `${t('adminApplication.pdf.method')}: ${details.method}`, y);
  y = write(page, font, `IP: ${details.ip ?? '–'}`, y);
  write(page, font, `SHA-256: ${details.sha256}`, y, 9);
  return pdf.save();
}
