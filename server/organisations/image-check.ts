/**
 * Checks an uploaded logo or signature by its content, not its name: PNG or JPEG only, whole
 * (not truncated), at most 2 MB and 4000 × 4000 pixels. SVG and anything else are refused.
 */
export const imageLimits = { maxBytes: 2 * 1024 * 1024, maxSide: 4000, minSide: 16 };

export type ImageCheck =
  | { ok: true; mimeType: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { ok: false; error: 'images.empty' | 'images.tooLarge' | 'images.notAnImage' | 'images.truncated' | 'images.badDimensions' };

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngEnd = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]; // "IEND" and its CRC

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const uint32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const uint16 = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;

function pngSize(bytes: Uint8Array) {
  if (bytes.length < 33 || !startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return null; // IHDR first
  if (!startsWith(bytes, pngEnd, bytes.length - 8)) return 'truncated' as const;
  return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

function jpegSize(bytes: Uint8Array) {
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return 'truncated' as const;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Start-of-frame markers carry the size; C4 (DHT), C8 and CC (arithmetic tables) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) };
    }
    at += 2 + uint16(bytes, at + 2);
  }
  return null;
}

export function checkImage(bytes: Uint8Array, limits: typeof imageLimits = imageLimits): ImageCheck {
  if (bytes.length === 0) return { ok: false, error: 'images.empty' };
  if (bytes.length > limits.maxBytes) return { ok: false, error: 'images.tooLarge' };
  const isPng = startsWith(bytes, pngSignature);
  const isJpeg = startsWith(bytes, [0xff, 0xd8, 0xff]);
  if (!isPng && !isJpeg) return { ok: false, error: 'images.notAnImage' };
  const size = isPng ? pngSize(bytes) : jpegSize(bytes);
  if (size === 'truncated') return { ok: false, error: 'images.truncated' };
  if (!size) return { ok: false, error: 'images.notAnImage' };
  const sides = [size.width, size.height];
  if (sides.some((side) => side < limits.minSide || side > limits.maxSide)) return { ok: false, error: 'images.badDimensions' };
  return { ok: true, mimeType: isPng ? 'image/png' : 'image/jpeg', ...size };
}
