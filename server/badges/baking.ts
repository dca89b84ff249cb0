import { readPngChunks, writePng } from '../png';

/** Open Badges 3.0 baking: the VC-JWT in an iTXt chunk with this keyword, uncompressed. */
const keyword = 'openbadgecredential';

function itxt(text: string): Uint8Array {
  // keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text (UTF-8)
  return new Uint8Array(Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]));
}

function itxtText(data: Uint8Array): string | null {
  const bytes = Buffer.from(data);
  const end = bytes.indexOf(0);
  if (end < 0 || bytes.subarray(0, end).toString('latin1') !== keyword || bytes[end + 1] !== 0) return null;
  const languageEnd = bytes.indexOf(0, end + 3);
  const translatedEnd = languageEnd < 0 ? -1 : bytes.indexOf(0, languageEnd + 1);
  return translatedEnd < 0 ? null : bytes.subarray(translatedEnd + 1).toString('utf8');
}

/** The badge image with the credential baked in (any earlier credential in it replaced). */
export function bakePng(image: Uint8Array, jwt: string): Uint8Array {
  const chunks = readPngChunks(image);
  if (!chunks) throw new Error('The badge image is not a PNG');
  const kept = chunks.filter((c) => !(c.type === 'iTXt' && itxtText(c.data) !== null));
  const end = kept.findIndex((c) => c.type === 'IEND');
  return writePng([...kept.slice(0, end), { type: 'iTXt', data: itxt(jwt) }, ...kept.slice(end)]);
}

/** The credential baked in a PNG: 'notPng' for anything else, null for a PNG without one. */
export function unbakePng(bytes: Uint8Array): string | null | 'notPng' {
  const chunks = readPngChunks(bytes);
  if (!chunks) return 'notPng';
  for (const c of chunks) {
    if (c.type !== 'iTXt') continue;
    const text = itxtText(c.data);
    if (text !== null) return text.trim();
  }
  return null;
}
