// What an uploaded file really is, from its bytes rather than the type it claims: JPEG, PNG or
// WebP, with the image's width and height read from its header (JPEG SOF marker, PNG IHDR, WebP
// VP8 / VP8L / VP8X chunk) so a decompression bomb — a small file that decodes to billions of
// pixels — is refused before anything decodes it. Pure: bytes in, facts out.

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export const ALLOWED_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp'];

type Sniffed =
  { type: ImageType; width: number; height: number } | { type: ImageType; width: null; height: null } | null;

const startsWith = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 8 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    // Start of frame (baseline, progressive, ...), but not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): { width: number; height: number } | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** The file's real type and size in pixels; null when it is none of the allowed types. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes);
    return size ? { type: 'image/jpeg', ...size } : { type: 'image/jpeg', width: null, height: null };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
      ? { type: 'image/png', width: u32be(bytes, 16), height: u32be(bytes, 20) }
      : { type: 'image/png', width: null, height: null };
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    const size = webpSize(bytes);
    return size ? { type: 'image/webp', ...size } : { type: 'image/webp', width: null, height: null };
  }
  return null;
}
