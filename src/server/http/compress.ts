// Compresses the API's answers as they leave (brotli or gzip, as Accept-Encoding allows): a full
// pull or the OpenAPI document is mostly repeated keys and shrinks several times over, which is
// seconds on a care home's 3G. Hono's own `compress` middleware does not fit: it offers no brotli
// (Node 20's CompressionStream has none), applies its size threshold only when a Content-Length is
// set (Hono's c.json sets none, so it would compress every small answer) and compresses event
// streams. This one reads the start of the body to learn whether it reaches the threshold, then
// streams the rest through zlib, so a streamed download is compressed as it is produced, never
// held in memory. Static files are not compressed here; the build precompresses them (http/static.ts).
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip, type BrotliOptions } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptedCodings, isCompressibleType, varyOnAcceptEncoding, type ContentCoding } from './encoding';

/** Smaller answers go as they are: below about a kilobyte, compression saves less than a packet. */
export const COMPRESS_MIN_BYTES = 1024;

// Per-request settings favour speed: brotli 5 compresses JSON better than gzip's best in about
// the time of gzip 6, whereas the build's quality 11 takes tens of times longer.
const BROTLI: BrotliOptions = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};
const GZIP_LEVEL = 6;

// No body (204, 205, 304), or a byte range of the uncompressed answer (206) that cannot be re-encoded.
const UNTOUCHED_STATUS = new Set([204, 205, 206, 304]);

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** A zlib compressor as a web transform (typed as the global one: Node's and the DOM's types differ). */
function encoder(coding: ContentCoding): TransformStream<Uint8Array, Uint8Array> {
  const zlib = coding === 'br' ? createBrotliCompress(BROTLI) : createGzip({ level: GZIP_LEVEL });
  return Duplex.toWeb(zlib) as unknown as TransformStream<Uint8Array, Uint8Array>;
}

/** The chunks already read, then the rest of the body as it comes; cancelling it cancels the source. */
function replay(
  head: readonly Uint8Array[],
  rest: ReadableStreamDefaultReader<Uint8Array> | null,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
      if (rest === null) controller.close();
    },
    async pull(controller) {
      const next = await rest!.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => rest?.cancel(reason),
  });
}

/**
 * Compresses responses of a compressible type (JSON, CSV and other text; never images, which are
 * compressed already, nor event streams) of at least `threshold` bytes, when the client accepts
 * br or gzip. Every response of such a type gets `Vary: Accept-Encoding`. HEAD is left alone
 * (its body is dropped, so its length is unknown); so is an answer already encoded or marked
 * `Cache-Control: no-transform`.
 */
export function compressResponses(threshold = COMPRESS_MIN_BYTES): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status < 200 || UNTOUCHED_STATUS.has(res.status) || res.body === null) return;
    if (res.headers.has('content-encoding') || !isCompressibleType(res.headers.get('content-type'))) return;
    if (NO_TRANSFORM.test(res.headers.get('cache-control') ?? '')) return;
    varyOnAcceptEncoding(res.headers);
    const [coding] = acceptedCodings(c.req.header('accept-encoding'));
    const declared = res.headers.get('content-length');
    if (coding === undefined || (declared !== null && Number(declared) < threshold)) return;

    // Read until the threshold is reached or the body ends: most answers are one chunk (c.json).
    const reader = res.body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    while (size < threshold) {
      const chunk = await reader.read();
      if (chunk.done) {
        ended = true;
        break;
      }
      head.push(chunk.value);
      size += chunk.value.byteLength;
    }
    const body = replay(head, ended ? null : reader);
    // Assigning c.res copies the old response's headers onto the new one, so the lengths and
    // coding are set after it.
    if (ended && size < threshold) {
      c.res = new Response(body, res);
      c.res.headers.set('Content-Length', String(size));
      return;
    }
    c.res = new Response(body.pipeThrough(encoder(coding)), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', coding);
    // A strong validator names exact bytes; the compressed ones differ.
    const etag = c.res.headers.get('etag');
    if (etag !== null && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
