import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  text: string;
  /** The baseline's height on the page, in points from the bottom. */
  y: number;
}

/** Each page's text items in drawing order, as a PDF reader extracts them (through the fonts' ToUnicode maps). */
export async function pdfPageItems(bytes: Uint8Array): Promise<PdfTextItem[][]> {
  // A copy: pdf.js wants a plain Uint8Array (not a Buffer), which it may detach.
  const document = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfTextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str, y: item.transform[5] as number }] : [])));
  }
  await document.destroy();
  return pages;
}

/** A page's text as one line: wrapped lines joined again, so a wrapped sentence reads whole. */
export const pageText = (items: PdfTextItem[]) => items.map((i) => i.text).join(' ').replace(/\s+/g, ' ');

/** The whole document's text, a line per page. */
export const pdfText = async (bytes: Uint8Array) => (await pdfPageItems(bytes)).map(pageText).join('\n');
