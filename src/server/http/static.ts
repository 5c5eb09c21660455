// Serves the built app from STATIC_DIR. The service worker, index.html and the manifest must be
// revalidated on every load (so an update is noticed); hashed /assets/* never change, so they are
// cached for good. Any other path without a file extension gets index.html (client-side routes);
// a missing file with an extension is a plain 404, never the shell with the wrong type.
//
// Compression: the build writes a brotli (`.br`) and a gzip (`.gz`) sibling of every compressible
// file (scripts/precompress.ts), so nothing is compressed per request. The request's
// Accept-Encoding picks one (br first, q=0 honoured); it goes out with Content-Encoding, the
// original's Content-Type and an ETag of its own, and every compressible file, sent compressed or
// not, says `Vary: Accept-Encoding` so that no cache hands brotli to a client that cannot read it.
// A sibling older than its original is stale (the file was changed after the build) and is not
// used. A sibling is never served under its own name. Range requests get the uncompressed bytes,
// whose offsets are the ones a client means.
import { existsSync, createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { CODING_SUFFIX, acceptedCodings, isCompressibleType, type ContentCoding } from './encoding';

const REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/manifest.json']);

function cacheHeader(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (REVALIDATE.has(path) || path.endsWith('.webmanifest')) return 'no-cache';
  // Icons and other unhashed files: cache briefly, then revalidate.
  return 'public, max-age=3600, must-revalidate';
}

const SIBLING = /\.(?:br|gz)$/i;

async function fileStats(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

interface StaticFile {
  path: string;
  stats: Stats;
}

/**
 * The regular file under `root` that a request path names (a folder means its index.html), or
 * null: for an undecodable path, a `.` or `..` segment, a backslash, NUL or doubled slash, anything
 * resolving outside `root`, and the precompressed siblings, which are never assets of their own.
 */
async function findFile(root: string, requestPath: string): Promise<StaticFile | null> {
  let name: string;
  try {
    // decodeURI, as serveStatic did: an encoded slash (%2F) stays part of a name, never a separator.
    name = decodeURI(requestPath);
  } catch {
    return null;
  }
  if (/(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|\0/.test(name) || SIBLING.test(name)) return null;
  let path = join(root, name);
  if (path !== root && !path.startsWith(root + sep)) return null;
  let stats = await fileStats(path);
  if (stats?.isDirectory()) {
    path = join(path, 'index.html');
    stats = await fileStats(path);
  }
  return stats?.isFile() ? { path, stats } : null;
}

interface Sibling extends StaticFile {
  coding: ContentCoding;
}

/** The precompressed sibling to send for this request, if the client accepts one that is there and fresh. */
async function pickSibling(file: StaticFile, acceptEncoding: string | undefined): Promise<Sibling | null> {
  for (const coding of acceptedCodings(acceptEncoding)) {
    const path = file.path + CODING_SUFFIX[coding];
    const stats = await fileStats(path);
    if (stats?.isFile() && stats.mtimeMs >= file.stats.mtimeMs) return { coding, path, stats };
  }
  return null;
}

/** Size and time of the original, plus the coding: each representation has its own tag. */
function entityTag(stats: Stats, coding: ContentCoding | null): string {
  const base = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;
  return `"${coding === null ? base : `${base}-${CODING_SUFFIX[coding].slice(1)}`}"`;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2), else If-Modified-Since: whether the client's copy is current. */
function notModified(c: Context, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/** The one byte range of a Range header: null to ignore it (several ranges, or not bytes), 'unsatisfiable' for a 416. */
function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}

/** A Range is honoured only while If-Range, when sent, still names this file (RFC 9110 §13.1.5). */
function rangeStillApplies(c: Context, etag: string, stats: Stats): boolean {
  const ifRange = c.req.header('if-range')?.trim();
  if (ifRange === undefined) return true;
  if (ifRange.startsWith('"')) return ifRange === etag;
  if (ifRange.startsWith('W/')) return false;
  return ifRange === stats.mtime.toUTCString();
}

function fileBody(path: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, range)) as ReadableStream<Uint8Array>;
}

function send(c: Context, file: StaticFile, cacheControl: string, sibling: Sibling | null): Response {
  const type = getMimeType(file.path) ?? 'application/octet-stream';
  const headers = new Headers({ 'Content-Type': type, 'Cache-Control': cacheControl });
  if (isCompressibleType(type)) headers.set('Vary', 'Accept-Encoding');
  headers.set('Last-Modified', file.stats.mtime.toUTCString());
  const etag = entityTag(file.stats, sibling?.coding ?? null);
  headers.set('ETag', etag);
  if (sibling !== null) headers.set('Content-Encoding', sibling.coding);
  else headers.set('Accept-Ranges', 'bytes');

  if (notModified(c, etag, file.stats.mtimeMs)) {
    headers.delete('Content-Type');
    headers.delete('Content-Encoding');
    headers.delete('Accept-Ranges');
    return new Response(null, { status: 304, headers });
  }
  const sent = sibling ?? file;
  const head = c.req.method === 'HEAD';
  const rangeHeader = c.req.header('range');
  if (sibling === null && !head && rangeHeader !== undefined && rangeStillApplies(c, etag, file.stats)) {
    const range = byteRange(rangeHeader, file.stats.size);
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${file.stats.size}`);
      return new Response(null, { status: 416, headers });
    }
    if (range !== null) {
      headers.set('Content-Range', `bytes ${range.start}-${range.end}/${file.stats.size}`);
      headers.set('Content-Length', String(range.end - range.start + 1));
      return new Response(fileBody(file.path, range), { status: 206, headers });
    }
  }
  headers.set('Content-Length', String(sent.stats.size));
  return new Response(head ? null : fileBody(sent.path), { status: 200, headers });
}

export function staticApp(staticDir: string): MiddlewareHandler {
  const root = resolve(staticDir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Checked per request, not at start: the server may be up before `vite build` has finished.
    if (!existsSync(join(root, 'index.html'))) return next();
    const file = await findFile(root, c.req.path);
    // A Range request is answered from the original; its offsets are into the uncompressed bytes.
    const choose = async (f: StaticFile) =>
      c.req.header('range') === undefined || c.req.method === 'HEAD'
        ? pickSibling(f, c.req.header('accept-encoding'))
        : null;
    if (file !== null) return send(c, file, cacheHeader(c.req.path), await choose(file));
    const last = c.req.path.split('/').pop() ?? '';
    if (c.req.path.startsWith('/assets/') || last.includes('.')) return next();
    const shell = await findFile(root, '/index.html');
    if (shell === null) return next();
    return send(c, shell, 'no-cache', await choose(shell));
  };
}
