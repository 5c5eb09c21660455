// Draws the app icons (a white tick on a clipboard over the theme colour) as PNGs with no image
// library, so they can be regenerated on any machine: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const THEME = [0x0b, 0x3d, 0x5c];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x00, 0x70, 0x3c];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 3 + 1) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment a-b, all in unit coordinates. */
function segDist(px, py, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** scale < 1 keeps the drawing inside the maskable safe zone. */
function icon(scale) {
  return (u, v) => {
    const x = (u - 0.5) / scale + 0.5,
      y = (v - 0.5) / scale + 0.5;
    const inBoard = x > 0.22 && x < 0.78 && y > 0.18 && y < 0.86;
    const inClip = x > 0.38 && x < 0.62 && y > 0.12 && y < 0.24;
    const tick = Math.min(segDist(x, y, 0.33, 0.54, 0.46, 0.68), segDist(x, y, 0.46, 0.68, 0.68, 0.4)) < 0.045;
    if (tick && inBoard) return GREEN;
    if (inClip) return THEME.map((c) => Math.min(255, c + 60));
    if (inBoard) return WHITE;
    return THEME;
  };
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, icon(1)));
writeFileSync('public/icons/icon-512.png', png(512, icon(1)));
writeFileSync('public/icons/icon-maskable-512.png', png(512, icon(0.7)));
writeFileSync('public/icons/apple-touch-icon.png', png(180, icon(0.85)));
console.log('icons written to public/icons');

/** An ICO holding one PNG: browsers ask for /favicon.ico whatever the page links (issue 17). */
function ico(pngBytes, size) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(pngBytes.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, pngBytes]);
}
writeFileSync('public/favicon.ico', ico(png(48, icon(1)), 48));
