import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text, as a PDF reader extracts it (through the fonts' ToUnicode maps), wrapped lines joined; a copy of the bytes, as pdf.js wants a plain Uint8Array it may detach. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [item.str] : [])).join(' ').replace(/\s+/g, ' '));
  }
  await document.destroy();
  return pages;
}

/** The whole document's text. */
export const pdfText = async (bytes: Uint8Array) => (await pdfPageTexts(bytes)).join('\n');
