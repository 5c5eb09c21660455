// The build step that precompresses the app: after `vite build` has written dist/ (and the PWA
// plugin has written sw.js with its precache list), a brotli (quality 11) `.br` and a gzip
// (level 9) `.gz` sibling is written next to every compressible file, for the server to send as
// they are (src/server/http/static.ts). Best-effort compression costs seconds once per build
// instead of CPU on every request. A sibling is written only when it is smaller than its
// original; images and woff2 fonts are compressed formats already and are left alone. The
// service worker never sees the siblings: they are written after its precache list is made, and
// vite.config.ts ignores them besides.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** The built file types worth compressing: text of every kind, the manifest, icons in .ico, wasm. */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.xml',
  '.csv',
  '.map',
  '.ico',
  '.wasm',
]);

const SIBLINGS = ['.br', '.gz'] as const;

const brotli = promisify(brotliCompress);
const gzipBytes = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export interface PrecompressResult {
  /** Compressible files found. */
  files: number;
  /** Their bytes, and the bytes a client gets with brotli and with gzip (the original where no sibling was written). */
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Writes the `.br` and `.gz` siblings of every compressible file under `dir`, and removes stale ones. */
export async function precompress(dir: string): Promise<PrecompressResult> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE_EXTENSIONS.has(extname(f).toLowerCase()));
  const result: PrecompressResult = { files: files.length, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  await Promise.all(
    files.map(async (file) => {
      const original = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(original, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: original.byteLength,
          },
        }),
        gzipBytes(original, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      result.bytes += original.byteLength;
      for (const [suffix, packed] of [
        [SIBLINGS[0], br],
        [SIBLINGS[1], gz],
      ] as const) {
        const smaller = packed.byteLength < original.byteLength;
        if (smaller) await writeFile(file + suffix, packed);
        // A sibling left from an earlier build into the same folder would describe other bytes.
        else await rm(file + suffix, { force: true });
        const sent = smaller ? packed.byteLength : original.byteLength;
        if (suffix === '.br') result.brotliBytes += sent;
        else result.gzipBytes += sent;
      }
    }),
  );
  return result;
}

/**
 * Vite plugin: precompresses the build's output folder once everything else has finished writing
 * to it. `order: 'post'` and `sequential` put it after vite-plugin-pwa's closeBundle, which
 * builds sw.js and injects its precache list, so sw.js is compressed in its final form.
 */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'qa-visits:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error) {
        if (error) return;
        const r = await precompress(outDir);
        const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
        this.info(
          `precompressed ${r.files} files: ${kB(r.bytes)} → ${kB(r.brotliBytes)} brotli, ${kB(r.gzipBytes)} gzip`,
        );
      },
    },
  };
}
