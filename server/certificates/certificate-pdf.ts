import { type Color, type PDFFont, type PDFPage, PDFDocument, rgb } from 'pdf-lib';
import { type Language, type T, locales, translator } from '../../app/i18n';
import { formatDateRange, formatIsoDate } from '../calendar/format';
import { formatCredits } from '../models/format';
import { type FontFace, embedFonts } from '../pdf/fonts';
import { type EmbeddedImage, type ImageEmbedder, type ImageSource, drawEmbeddedImage, imageEmbedder } from '../pdf/images';
import { drawQrCode } from '../pdf/qr';
import { a4 } from '../pdf/text';
import { limitLines, wrapText } from '../pdf/wrap';
import { type OutcomeList, drawOutcomeList, fitOutcomes } from './certificate-outcomes';

export interface CertificateParty {
  name: string;
  logo: ImageSource | null;
  signature: ImageSource | null;
  signerName: string;
  signerTitle: string;
}
export interface CertificateContent {
  participantName: string;
  modelName: string;
  creditTenths: number;
  outcomes: string[];
  firstDay: string;
  lastDay: string;
  place: string;
  issuedOn: string;
  verificationCode: string;
  verificationUrl: string;
  verificationPageUrl: string;
  centre: CertificateParty;
  organisation: CertificateParty;
}

type Fonts = Record<FontFace, PDFFont>;
interface Images {
  organisationLogo: EmbeddedImage | null;
  centreLogo: EmbeddedImage | null;
  organisationSignature: EmbeddedImage | null;
  centreSignature: EmbeddedImage | null;
}
interface Sheet {
  page: PDFPage;
  fonts: Fonts;
  t: T;
  language: Language;
}

const faces = ['serif', 'serifBold', 'serifItalic', 'sans', 'sansBold'] as const satisfies readonly FontFace[];
const [pageWidth, pageHeight] = a4;
const marginX = 64;
const contentWidth = pageWidth - 2 * marginX;
const colours = {
  accent: rgb(0.05, 0.27, 0.35), // dark teal: frame, title, model name, QR code
  gold: rgb(0.71, 0.56, 0.27), // the one warm touch, under the title
  ink: rgb(0.11, 0.13, 0.16),
  muted: rgb(0.36, 0.39, 0.44),
  rule: rgb(0.6, 0.63, 0.67),
};
// Heights of the fixed parts at the foot of the page, from the bottom edge up.
const footerBottom = 42;
const qrSize = 64;
const footerRuleY = footerBottom + qrSize + 12;
const issuedBaseline = footerRuleY + 18;
const signatureLineY = issuedBaseline + 52;
const signatureBox = { width: 180, height: 46 };
const logoBox = { width: 160, height: 56, top: pageHeight - 56 };
const outcomesHeadingHeight = 22;

/** One A4 page per certificate, all in one document (the trainer prints a training's certificates at once). */
export async function renderCertificatesPdf(certificates: CertificateContent[], language: Language): Promise<Uint8Array> {
  const [first] = certificates;
  if (!first) throw new RangeError('renderCertificatesPdf needs at least one certificate');
  const t = translator(language);
  const pdf = await PDFDocument.create();
  // A batch is one training's certificates: no one participant to name, so the model alone.
  pdf.setTitle(certificates.length === 1 ? t('certificates.pdf.documentTitle', { name: first.participantName, model: first.modelName }) : t('certificates.pdf.batchDocumentTitle', { model: first.modelName }));
  pdf.setLanguage(locales[language]);
  pdf.setProducer('Sivisverkko');
  pdf.setCreator('Sivisverkko');
  const fonts = await embedFonts(pdf, faces);
  const embedImage = imageEmbedder(pdf);
  for (const certificate of certificates) {
    const images = await embedPartyImages(embedImage, certificate);
    drawCertificate({ page: pdf.addPage(a4), fonts, t, language }, certificate, images);
  }
  return pdf.save();
}

async function embedPartyImages(embed: ImageEmbedder, c: CertificateContent): Promise<Images> {
  return {
    organisationLogo: await embed(c.organisation.logo),
    centreLogo: await embed(c.centre.logo),
    organisationSignature: await embed(c.organisation.signature),
    centreSignature: await embed(c.centre.signature),
  };
}

function drawCertificate(sheet: Sheet, c: CertificateContent, images: Images) {
  drawFrame(sheet.page);
  drawLogos(sheet.page, images);
  const organisersTop = drawOrganisers(sheet, c);
  const { heading, outcomes } = planMiddle(sheet, c, organisersTop);
  drawHeading(sheet.page, heading);
  if (outcomes) drawOutcomes(sheet, outcomes);
  drawSignature(sheet, c.organisation, images.organisationSignature, marginX + 8);
  drawSignature(sheet, c.centre, images.centreSignature, pageWidth - marginX - 8 - signatureBox.width);
  centred(sheet.page, sheet.t('certificates.pdf.issued', { date: formatIsoDate(sheet.language, c.issuedOn) }), sheet.fonts.sans, 9.5, issuedBaseline, colours.ink);
  drawFooter(sheet, c);
}

/** A double rule around the page: a strong outer line and a fine inner one. */
function drawFrame(page: PDFPage) {
  for (const [inset, borderWidth] of [
    [20, 1.6],
    [25, 0.5],
  ] as const) {
    page.drawRectangle({ x: inset, y: inset, width: pageWidth - 2 * inset, height: pageHeight - 2 * inset, borderColor: colours.accent, borderWidth });
  }
}

/** The organisation's logo on the left, the centre's on the right; a missing one leaves its box empty. */
function drawLogos(page: PDFPage, images: Images) {
  const bottom = logoBox.top - logoBox.height;
  if (images.organisationLogo) drawFitted(page, images.organisationLogo, { x: marginX, y: bottom, ...logoBox }, 'left', 'middle');
  if (images.centreLogo) drawFitted(page, images.centreLogo, { x: pageWidth - marginX - logoBox.width, y: bottom, ...logoBox }, 'right', 'middle');
}

interface PlacedLine {
  text: string;
  font: PDFFont;
  size: number;
  y: number;
  color: Color;
}
interface Heading {
  lines: PlacedLine[];
  ruleY: number;
  bottom: number;
}
interface PlacedOutcomes {
  list: OutcomeList;
  top: number;
}

/**
 * Lays out the heading and the learning outcomes between it and the organisers. Long model names and
 * many long outcomes do not fit at the generous spacing: the heading is then tightened step by step,
 * as far as it takes the outcomes to their most readable fitting layout.
 */
function planMiddle(sheet: Sheet, c: CertificateContent, bottom: number): { heading: Heading; outcomes: PlacedOutcomes | null } {
  if (c.outcomes.length === 0) return { heading: planHeading(sheet, c, 0), outcomes: null };
  let best: { heading: Heading; outcomes: PlacedOutcomes } | undefined;
  for (const squeeze of [0, 0.5, 1]) {
    const heading = planHeading(sheet, c, squeeze);
    const minGap = 22 - 8 * squeeze;
    const room = { width: contentWidth, height: heading.bottom - bottom - 2 * minGap - outcomesHeadingHeight };
    const list = fitOutcomes(c.outcomes, sheet.fonts.sans, room);
    const spare = room.height - list.height;
    const placed = { heading, outcomes: { list, top: heading.bottom - minGap - Math.min(spare / 2, 40) } };
    if (list.comfortable) return placed;
    if (!best || list.rank < best.outcomes.list.rank) best = placed;
  }
  return best!;
}

/** Title, participant, model and the facts, from generous (squeeze 0) to compact (squeeze 1) spacing. */
function planHeading(sheet: Sheet, c: CertificateContent, squeeze: number): Heading {
  const { fonts, t } = sheet;
  const between = (generous: number, compact: number) => generous + (compact - generous) * squeeze;
  const lines: PlacedLine[] = [];
  const place = (texts: string[], font: PDFFont, size: number, firstBaseline: number, leading: number, color: Color) => {
    texts.forEach((text, i) => lines.push({ text, font, size, y: firstBaseline - i * leading, color }));
    return firstBaseline - (texts.length - 1) * leading;
  };
  const titleSize = between(40, 32);
  let y = place([t('certificates.pdf.title')], fonts.serif, titleSize, logoBox.top - logoBox.height - between(52, 38), 0, colours.accent);
  const ruleY = y - between(20, 14);
  const nameSize = between(28, 24);
  const name = fitLines(c.participantName, fonts.serifBold, [1, 0.93, 0.86, 0.79, 0.72, 0.65].map((k) => ({ size: nameSize * k, maxLines: 1 })).concat({ size: 18, maxLines: 2 }));
  y = place(name.lines, fonts.serifBold, name.size, ruleY - between(22, 14) - name.size, name.size * 1.2, colours.ink);
  y = place([t('certificates.pdf.hasCompleted')], fonts.serifItalic, 12.5, y - between(40, 28), 0, colours.muted);
  const modelScale = between(1, 0.85);
  const model = fitLines(c.modelName, fonts.serifBold, [
    { size: 18 * modelScale, maxLines: 2 },
    { size: 16 * modelScale, maxLines: 2 },
    { size: 15 * modelScale, maxLines: 3 },
    { size: 13 * modelScale, maxLines: 4 },
  ]);
  y = place(model.lines, fonts.serifBold, model.size, y - between(16, 12) - model.size * 0.85, model.size * 1.25, colours.accent);
  y = place(facts(sheet, c, squeeze === 1), fonts.sans, 10.5, y - between(32, 22), between(15.5, 14), colours.ink);
  return { lines, ruleY, bottom: y - 4 };
}

/** Credits, dates and place, a line each; on one line when space is short and it fits. */
function facts(sheet: Sheet, c: CertificateContent, oneLine: boolean): string[] {
  const { t, language, fonts } = sheet;
  const lines = [
    t('certificates.pdf.credits', { credits: formatCredits(language, c.creditTenths) }),
    t('certificates.pdf.dates', { dates: formatDateRange(language, c.firstDay, c.lastDay) }),
    ...(c.place ? [t('certificates.pdf.place', { place: c.place })] : []),
  ];
  const joined = lines.join('  ·  ');
  return oneLine && fonts.sans.widthOfTextAtSize(joined, 10.5) <= contentWidth ? [joined] : lines;
}

function drawHeading(page: PDFPage, heading: Heading) {
  for (const line of heading.lines) centred(page, line.text, line.font, line.size, line.y, line.color);
  page.drawLine({ start: { x: pageWidth / 2 - 32, y: heading.ruleY }, end: { x: pageWidth / 2 + 32, y: heading.ruleY }, thickness: 1.2, color: colours.gold });
}

/** "Organised by …", wrapped above the signatures; returns the top of its first line. */
function drawOrganisers(sheet: Sheet, c: CertificateContent): number {
  const { page, fonts, t } = sheet;
  const text = t('certificates.pdf.organisers', { organisation: c.organisation.name, centre: c.centre.name });
  const lines = limitLines(wrapText(text, fonts.sans, 9.5, contentWidth), 2, fonts.sans, 9.5, contentWidth);
  const leading = 13;
  const firstBaseline = signatureLineY + signatureBox.height + 22 + (lines.length - 1) * leading;
  lines.forEach((line, i) => centred(page, line, fonts.sans, 9.5, firstBaseline - i * leading, colours.muted));
  return firstBaseline + 9.5;
}

function drawOutcomes(sheet: Sheet, { list, top }: PlacedOutcomes) {
  const { page, fonts, t } = sheet;
  centred(page, t('certificates.pdf.outcomes'), fonts.sansBold, 10, top - 10, colours.accent);
  drawOutcomeList(page, list, { x: marginX, top: top - outcomesHeadingHeight, width: contentWidth }, { text: colours.ink, bullet: colours.accent });
}

/**
 * A signature above the line, then the signer's name and their title with the party they sign for;
 * without an image, just the line and the texts, and without a signer the party's name.
 */
function drawSignature(sheet: Sheet, party: CertificateParty, image: EmbeddedImage | null, x: number) {
  const { page, fonts } = sheet;
  const width = signatureBox.width;
  if (image) drawFitted(page, image, { x, y: signatureLineY + 3, ...signatureBox }, 'centre', 'bottom');
  page.drawLine({ start: { x, y: signatureLineY }, end: { x: x + width, y: signatureLineY }, thickness: 0.6, color: colours.rule });
  const signsFor = party.signerName ? [party.signerTitle, party.name].filter(Boolean).join(', ') : '';
  const name = fitLines(party.signerName || party.name, fonts.sansBold, [9.5, 8.5, 8].map((size) => ({ size, maxLines: 1 })), width);
  const title = fitLines(signsFor, fonts.sans, [8.5, 8, 7.5].map((size) => ({ size, maxLines: 1 })), width);
  centred(page, name.lines[0]!, fonts.sansBold, name.size, signatureLineY - 13, colours.ink, x + width / 2);
  centred(page, title.lines[0]!, fonts.sans, title.size, signatureLineY - 25, colours.muted, x + width / 2);
}

/** The QR code, the verification code and the sentence telling where to check it. */
function drawFooter(sheet: Sheet, c: CertificateContent) {
  const { page, fonts, t } = sheet;
  page.drawLine({ start: { x: marginX, y: footerRuleY }, end: { x: pageWidth - marginX, y: footerRuleY }, thickness: 0.5, color: colours.rule });
  drawQrCode(page, c.verificationUrl, { x: marginX - 4, y: footerBottom, size: qrSize, color: colours.accent });
  const x = marginX + qrSize + 8;
  const width = pageWidth - marginX - x;
  let y = footerBottom + qrSize - 16;
  page.drawText(t('certificates.pdf.code'), { x, y, size: 8, font: fonts.sans, color: colours.muted });
  y -= 15;
  page.drawText(c.verificationCode, { x, y, size: 12, font: fonts.sansBold, color: colours.accent });
  y -= 14;
  const sentence = t('certificates.pdf.verify', { url: c.verificationPageUrl, code: c.verificationCode });
  for (const line of limitLines(wrapText(sentence, fonts.sans, 8, width), 2, fonts.sans, 8, width)) {
    page.drawText(line, { x, y, size: 8, font: fonts.sans, color: colours.muted });
    y -= 10.5;
  }
}

/** The first size at which the text wraps into its line limit; the last one cuts it with an ellipsis. */
function fitLines(text: string, font: PDFFont, sizes: { size: number; maxLines: number }[], width = contentWidth) {
  for (const { size, maxLines } of sizes) {
    const lines = wrapText(text, font, size, width);
    if (lines.length <= maxLines) return { size, lines };
  }
  const { size, maxLines } = sizes[sizes.length - 1]!;
  return { size, lines: limitLines(wrapText(text, font, size, width), maxLines, font, size, width) };
}

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color: Color, centreX = pageWidth / 2) {
  page.drawText(text, { x: centreX - font.widthOfTextAtSize(text, size) / 2, y, size, font, color });
}

/** Scales the image to fit the box, keeping its aspect ratio, and aligns it inside the box. */
function drawFitted(
  page: PDFPage,
  image: EmbeddedImage,
  box: { x: number; y: number; width: number; height: number },
  horizontal: 'left' | 'centre' | 'right',
  vertical: 'middle' | 'bottom',
) {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const x = horizontal === 'left' ? box.x : horizontal === 'right' ? box.x + box.width - width : box.x + (box.width - width) / 2;
  const y = vertical === 'bottom' ? box.y : box.y + (box.height - height) / 2;
  drawEmbeddedImage(page, image, { x, y, width, height });
}
