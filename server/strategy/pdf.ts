import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type Language, formatDate, translator } from '../../app/i18n';
import { embedFonts } from '../pdf/fonts';
import { type ImageSource, drawEmbeddedImage, imageEmbedder } from '../pdf/images';
import { a4, margin } from '../pdf/text';
import { wrapText } from '../pdf/wrap';
import { type StrategyContent, strategySections } from './content';

export interface PrintableStrategy {
  organisationName: string;
  logo: ImageSource | null;
  firstYear: number;
  lastYear: number;
  version: number;
  publishedAt: Date;
  publishedByName: string;
  content: StrategyContent;
}

const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.35, 0.38, 0.42);
const accent = rgb(0.05, 0.25, 0.35);
const logoBox = { width: 140, height: 56 };

/** Writes downwards page by page: a new page begins when the next line would not fit above the margin. */
class Flow {
  page: PDFPage;
  y: number;
  constructor(private readonly pdf: PDFDocument) {
    this.page = pdf.addPage(a4);
    this.y = a4[1] - margin;
  }
  private room(height: number) {
    if (this.y - height < margin) {
      this.page = this.pdf.addPage(a4);
      this.y = a4[1] - margin;
    }
  }
  text(text: string, font: PDFFont, size: number, color = ink, gapAfter = 4) {
    const lineHeight = size * 1.4;
    for (const paragraph of text.split('\n')) {
      for (const line of paragraph.trim() ? wrapText(paragraph, font, size, a4[0] - 2 * margin) : ['']) {
        this.room(lineHeight);
        this.y -= lineHeight;
        this.page.drawText(line, { x: margin, y: this.y, size, font, color });
      }
    }
    this.y -= gapAfter;
  }
  gap(points: number) {
    this.y -= points;
  }
}

/** A published version of a training strategy, to print: the organisation's logo, the period, every part. */
export async function renderStrategyPdf(strategy: PrintableStrategy, language: Language): Promise<Uint8Array> {
  const t = translator(language);
  const pdf = await PDFDocument.create();
  const title = t('strategy.pdf.title', { organisation: strategy.organisationName, period: `${strategy.firstYear}–${strategy.lastYear}` });
  pdf.setTitle(title);
  pdf.setProducer('Sivisverkko');
  pdf.setCreator('Sivisverkko');
  pdf.setCreationDate(strategy.publishedAt);
  const fonts = await embedFonts(pdf, ['sans', 'sansBold', 'serifBold']);
  const flow = new Flow(pdf);
  const logo = await imageEmbedder(pdf)(strategy.logo);
  if (logo) {
    const scale = Math.min(logoBox.width / logo.width, logoBox.height / logo.height);
    const [width, height] = [logo.width * scale, logo.height * scale];
    drawEmbeddedImage(flow.page, logo, { x: a4[0] - margin - width, y: a4[1] - margin - height, width, height });
    flow.gap(logoBox.height + 12);
  }
  flow.text(title, fonts.serifBold, 18, accent, 6);
  flow.text(t('strategy.pdf.version', { version: strategy.version, date: formatDate(language, strategy.publishedAt), name: strategy.publishedByName }), fonts.sans, 9, muted, 16);
  const { content } = strategy;
  const part = (heading: string, body: string) => {
    flow.text(heading, fonts.sansBold, 12, accent, 2);
    flow.text(body.trim() || '–', fonts.sans, 10, ink, 12);
  };
  for (const section of strategySections.slice(0, 3)) part(t(`strategy.sections.${section}`), content[section]);
  flow.text(t('strategy.sections.targets'), fonts.sansBold, 12, accent, 2);
  if (content.targets.length === 0) flow.text('–', fonts.sans, 10, ink, 12);
  content.targets.forEach((target, i) => {
    flow.text(`${i + 1}. ${target.target}`, fonts.sansBold, 10, ink, 0);
    flow.text(`${t('strategy.fields.targetMeasure')}: ${target.measure} · ${t('strategy.fields.targetOwner')}: ${target.owner} · ${t('strategy.fields.targetTimetable')}: ${target.timetable}`, fonts.sans, 9, muted, 8);
  });
  flow.gap(4);
  for (const section of strategySections.slice(3)) part(t(`strategy.sections.${section}`), content[section]);
  return pdf.save();
}
