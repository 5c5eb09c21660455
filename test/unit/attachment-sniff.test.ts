// Reading a file's real type and pixel size from its header bytes, as the attachment route does
// before anything decodes it: JPEG (past APP segments), PNG, the three WebP forms, and non-images.
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/server/evidence/sniff';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const le16 = (n: number) => [n & 255, n >> 8];
const le24 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];

describe('sniffImage', () => {
  it('reads a JPEG frame size after APP segments and fill bytes', () => {
    const app1 = [0xff, 0xe1, 0x00, 0x08, ...'Exif\0\0'.split('').map((c) => c.charCodeAt(0))];
    const sof2 = [0xff, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0]; // progressive, 3000 × 4000
    expect(sniffImage(bytes([0xff, 0xd8], app1, sof2))).toEqual({ type: 'image/jpeg', width: 4000, height: 3000 });
  });
  it('does not take a Huffman table (C4) for a frame', () => {
    const dht = [0xff, 0xc4, 0x00, 0x04, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20];
    expect(sniffImage(bytes([0xff, 0xd8], dht, sof0, Array(12).fill(0)))).toEqual({
      type: 'image/jpeg',
      width: 32,
      height: 16,
    });
  });
  it('reads PNG IHDR', () => {
    const png = bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      'IHDR',
      [0, 0, 0x06, 0x40, 0, 0, 0x04, 0xb0],
    );
    expect(sniffImage(png)).toEqual({ type: 'image/png', width: 1600, height: 1200 });
  });
  it.each([
    ['lossy', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', Array(10).fill(0), le16(640), le16(480)), 640, 480],
    [
      'lossless',
      bytes(
        'RIFF',
        [0, 0, 0, 0],
        'WEBPVP8L',
        [0, 0, 0, 0, 0x2f],
        (() => {
          const v = 639 | (479 << 14);
          return [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];
        })(),
      ),
      640,
      480,
    ],
    ['extended', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', Array(8).fill(0), le24(1599), le24(1199)), 1600, 1200],
  ])('reads WebP (%s)', (_name, file, width, height) => {
    expect(sniffImage(file)).toEqual({ type: 'image/webp', width, height });
  });
  it('knows nothing else', () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(bytes('GIF89a'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
