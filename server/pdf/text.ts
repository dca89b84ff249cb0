import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in PDF points, and the margin every document keeps. */
export const a4: [number, number] = [595.28, 841.89];
export const margin = 56;
const lineHeight = 16;

/** Writes wrapped text downwards from y; returns the y below it. */
export function write(page: PDFPage, font: PDFFont, text: string, y: number, size = 11): number {
  const width = page.getWidth() - 2 * margin;
  let line = '';
  let cursor = y;
  const flush = () => {
    page.drawText(line, { x: margin, y: cursor, size, font, color: rgb(0.1, 0.1, 0.1) });
    cursor -= lineHeight;
    line = '';
  };
  for (const paragraph of text.split('\n')) {
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
    }
    flush();
  }
  return cursor;
}
