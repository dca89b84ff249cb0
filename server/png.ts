/** Reading and writing PNG chunks: enough to make test images and to bake badges. */
import { crc32 } from 'node:zlib';

export const pngSignature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The chunks of a PNG, or null when the bytes are not a whole PNG (bad signature, lengths or checksums). */
export function readPngChunks(bytes: Uint8Array): PngChunk[] | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || !pngSignature.every((b, i) => buffer[i] === b)) return null;
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    if (at + 12 + length > buffer.length) return null;
    const body = buffer.subarray(at + 4, at + 8 + length);
    if (crc32(body) !== buffer.readUInt32BE(at + 8 + length)) return null;
    const type = body.subarray(0, 4).toString('latin1');
    chunks.push({ type, data: new Uint8Array(body.subarray(4)) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  return null;
}

export function writePng(chunks: PngChunk[]): Uint8Array {
  return new Uint8Array(Buffer.concat([pngSignature, ...chunks.map((c) => pngChunk(c.type, c.data))]));
}
