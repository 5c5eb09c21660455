// The field app's first load does not carry the office views (issue 6): read the production
// build's index.html, follow every static import from its entry scripts and preloads, and check
// that none of those files holds office-page text or styles, while the lazily loaded chunks do.
// Also that the build precompressed them (scripts/precompress.ts): each has brotli and gzip
// siblings holding the same bytes, and the service worker's precache list names no sibling.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialFiles } from '../../bench/initial-files';
import { ROOT } from './support/server';

const DIST = join(ROOT, 'dist');

/** Text that only the office pages (src/app/reports, the quarterly report and documents) contain. */
const OFFICE_MARKERS = [
  'Quarterly QA report',
  'Findings by area',
  'Exceptions by heading',
  'Significant actions closed within 3 months',
  'chart-svg',
];

describe('production build', () => {
  it('keeps the office views out of the field app\u2019s first load', () => {
    expect(existsSync(join(DIST, 'index.html')), 'run `vite build` first (npm test does)').toBe(true);
    const initial = initialFiles(DIST);
    expect(initial.some((f) => f.endsWith('.js'))).toBe(true);
    expect(initial.some((f) => f.endsWith('.css'))).toBe(true);
    for (const file of initial) {
      const text = readFileSync(join(DIST, file), 'utf8');
      for (const marker of OFFICE_MARKERS)
        expect(text.includes(marker), `${marker} is in the first-load file ${file}`).toBe(false);
    }
    // The markers are real: each is in some lazily loaded file of the same build.
    const assets = readdirSync(join(DIST, 'assets'))
      .map((f) => `assets/${f}`)
      .filter((f) => /\.(js|css)$/.test(f) && !initial.includes(f));
    const lazyText = assets.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    for (const marker of OFFICE_MARKERS)
      expect(lazyText.includes(marker), `${marker} is in no lazily loaded file`).toBe(true);
    const bytes = initial.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0);
    console.log(
      `first load: ${initial.length} files, ${(bytes / 1024).toFixed(1)} kB gzip (budget and its measure: npm run bench)`,
    );
  });

  it('precompresses the first load, the shell and the service worker, and precaches no sibling', () => {
    expect(existsSync(join(DIST, 'index.html')), 'run `vite build` first (npm test does)').toBe(true);
    const files = [...initialFiles(DIST), 'index.html', 'sw.js'];
    let brotliBytes = 0;
    for (const file of files) {
      const original = readFileSync(join(DIST, file));
      for (const [suffix, decode] of [
        ['.br', brotliDecompressSync],
        ['.gz', gunzipSync],
      ] as const) {
        expect(existsSync(join(DIST, file + suffix)), `${file}${suffix} is missing`).toBe(true);
        const packed = readFileSync(join(DIST, file + suffix));
        expect(packed.length, `${file}${suffix} is no smaller`).toBeLessThan(original.length);
        expect(decode(packed).equals(original), `${file}${suffix} holds other bytes`).toBe(true);
        if (suffix === '.br' && file !== 'index.html' && file !== 'sw.js') brotliBytes += packed.length;
      }
    }
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).not.toMatch(/\.(?:br|gz)["']/);
    console.log(`first load: ${(brotliBytes / 1024).toFixed(1)} kB as sent with brotli`);
  });

  it('ships a favicon, which browsers ask for whatever the page links (issue 17)', () => {
    const icon = readFileSync(join(DIST, 'favicon.ico'));
    expect(icon.readUInt16LE(2)).toBe(1); // an ICO of icons
    expect(icon.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
  });
});
