// Content negotiation for compression, shared by the static files (precompressed at build time,
// http/static.ts) and the API's answers (compressed as they leave, http/compress.ts): which
// content codings a request's Accept-Encoding admits, best first, and which media types are worth
// compressing at all. Images, fonts in woff2 and other already-compressed formats are not.

/** The codings this server sends, in the order it prefers them when the client weighs them alike. */
export type ContentCoding = 'br' | 'gzip';
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip'];

/** The file suffix of each coding's precompressed sibling (`app.js.br`, `app.js.gz`). */
export const CODING_SUFFIX: Readonly<Record<ContentCoding, string>> = { br: '.br', gzip: '.gz' };

/** A weight ("q") as RFC 9110 §12.4.2 writes it; anything else counts as 0, so a garbled entry never enables a coding. */
function weight(text: string): number {
  const trimmed = text.trim();
  if (!/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(trimmed)) return 0;
  return Number(trimmed);
}

/**
 * The codings of `acceptEncoding` with a weight above zero, heaviest first, br before gzip when
 * equal. No header means identity only: an old client that sends none may not decode anything.
 * `x-gzip` counts as gzip, `*` as any coding not named, and `q=0` refuses a coding outright.
 */
export function acceptedCodings(acceptEncoding: string | undefined | null): ContentCoding[] {
  if (!acceptEncoding) return [];
  const weights = new Map<string, number>();
  for (const entry of acceptEncoding.split(',')) {
    const [name = '', ...params] = entry.split(';');
    const coding = name.trim().toLowerCase();
    if (coding === '' || weights.has(coding)) continue;
    let q = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=');
      if (key.trim().toLowerCase() === 'q') q = weight(value);
    }
    weights.set(coding, q);
  }
  const star = weights.get('*') ?? 0;
  const q = (coding: ContentCoding) =>
    weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? star;
  return PREFERENCE.filter((coding) => q(coding) > 0).sort((a, b) => q(b) - q(a));
}

// Text of every kind but event streams (compressing one would hold events back until a block
// fills), JSON and XML (with their +json/+xml kinds: the web manifest, SVG), JavaScript, wasm,
// uncompressed fonts and Windows icons.
const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream\b)[\w.+-]+|application\/(?:json|javascript|ecmascript|xml|wasm|[\w.-]+\+(?:json|xml))|image\/(?:svg\+xml|x-icon|vnd\.microsoft\.icon)|font\/(?:ttf|otf))\s*(?:;|$)/i;

/** Whether a response of this Content-Type is worth compressing (and so varies by Accept-Encoding). */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  return contentType !== null && contentType !== undefined && COMPRESSIBLE.test(contentType);
}

/** Adds Accept-Encoding to a response's Vary header once (a cache must key on it). */
export function varyOnAcceptEncoding(headers: Headers): void {
  const current = headers.get('vary');
  if (current === null || current.trim() === '') headers.set('Vary', 'Accept-Encoding');
  else if (current.trim() !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current))
    headers.set('Vary', `${current}, Accept-Encoding`);
}
