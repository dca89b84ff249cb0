import { inflateSync } from 'node:zlib';

/** The text a pdf-lib document shows: its content streams inflated, their hex strings decoded (WinAnsi). */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    try {
      const content = inflateSync(raw.subarray(start + 7, end)).toString('latin1');
      for (const match of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) texts.push(Buffer.from(match[1]!, 'hex').toString('latin1'));
    } catch {
      // Not a compressed content stream (fonts, metadata).
    }
    at = end;
  }
  return texts.join('\n');
}
