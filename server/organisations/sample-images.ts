/** Generated images for demo data, tests and the benchmark (no files to ship). */
import { deflateSync } from 'node:zlib';
import { pngChunk as chunk, pngSignature } from '../png';

/** A real, decodable grey PNG of the given size. */
export function makePng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return new Uint8Array(
    Buffer.concat([
      pngSignature,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A round badge image (a teal disc with a light ring on transparent ground), RGBA. */
export function makeBadgePng(size = 256): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const stride = size * 4 + 1;
  const rows = Buffer.alloc(stride * size, 0);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre) / (size / 2);
      const colour = distance > 1 ? null : distance > 0.82 && distance < 0.9 ? [240, 249, 250] : [13, 110, 120];
      if (colour) rows.set([...colour, 255], y * stride + 1 + x * 4);
    }
  }
  return new Uint8Array(Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

/** The frame structure of a baseline JPEG (start, APP0, SOF0 with the size, end). */
export function makeJpegFrame(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}
