// Input generators for the route fuzzer: hostile JSON values, mutations of a valid body, malformed
// JSON text, oversized and deeply nested bodies, odd content types, path segments and query
// strings. Pure data (no app, no database), so a failing case replays from its seed alone.
import fc from 'fast-check';

/** Strings that have broken servers before: NUL and lone surrogates (PostgreSQL refuses both), injections, odd dates. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\u202eevil',
  '💥🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  'İstanbul ß é',
  '\n\r\t\v',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'true',
  '0x10',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  'T'.repeat(5000),
];

/** Numbers at the edges: -0, the int4 limits PostgreSQL columns use, beyond safe integers, the largest double. */
export const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  100000,
  100001,
];

/** Number tokens JSON.stringify cannot write (it turns Infinity into null and -0 into 0): spliced into the text. */
export const RAW_TOKENS = [
  '1e309',
  '-1e309',
  '-0',
  '1E+400',
  '0.00000000000000000000000000001',
  '123456789012345678901234567890',
];
const raw = (token: string) => `@@raw:${token}@@`;

/** An object with exactly these own keys, "__proto__" included (plain assignment would set the prototype instead). */
export function ownObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** `depth` levels of arrays or objects around a number. */
export function nested(depth: number, as: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = as === 'array' ? [value] : ownObject([['a', value]]);
  return value;
}

const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'submitterId',
    'ownerId',
    'id',
    'kind',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Any JSON value, weighted towards the hostile ones. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    fc.constantFrom(...RAW_TOKENS.map(raw)),
    fc.constantFrom(null, true, false),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(ownObject),
    fc.constant(ownObject([['__proto__', { polluted: 'yes', isAdmin: true }]])),
    fc.constant({ constructor: { prototype: { polluted: 'yes' } } }),
    fc
      .tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([d, as]) => nested(d, as)),
    fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'é'.repeat(n)),
  ),
})).value;

/**
 * One change to a valid body. `text` and `number` swap a string or number leaf for a hostile one of
 * the same type, so the body still passes the schema and the value reaches the database.
 */
export type Mutation = {
  at: number;
  op: 'text' | 'number' | 'replace' | 'delete' | 'add' | 'wrap';
  key: string;
  value: unknown;
};

/** Text PostgreSQL cannot hold (NUL, half a surrogate pair): the class of input that most often turns into a 500. */
const UNSTORABLE_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800'];
const hostileText = fc.oneof(
  fc.constantFrom(...UNSTORABLE_TEXT),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ at: fc.nat(), op: fc.constant('text' as const), key: fc.constant(''), value: hostileText }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      at: fc.nat(),
      op: fc.constant('number' as const),
      key: fc.constant(''),
      value: fc.constantFrom(...NASTY_NUMBERS, ...RAW_TOKENS.map(raw)),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      at: fc.nat(),
      op: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const, 'wrap' as const),
      key: hostileKey,
      value: nastyValue,
    }),
    weight: 3,
  },
);

/** A JSON copy: own "__proto__" keys survive it (JSON.parse defines them as plain properties). */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Every object or array in the tree, parents first (iterative: the trees may be thousands of levels deep). */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    out.push(node as Record<string, unknown>);
    for (const child of Object.values(node)) stack.push(child);
  }
  return out;
}

/** Applies the mutations to a copy of `base` (a valid body), so most requests get past the first checks. */
export function mutate(base: unknown, mutations: Mutation[]): unknown {
  let root: unknown = copy(base);
  for (const m of mutations) {
    const all = containers(root).flatMap((parent) => Object.keys(parent).map((key) => ({ parent, key })));
    const leaf = m.op === 'text' ? 'string' : m.op === 'number' ? 'number' : null;
    const typed =
      leaf === null ? all : all.filter(({ parent, key }) => typeof (parent as Record<string, unknown>)[key] === leaf);
    const slots = typed.length > 0 ? typed : all;
    if (slots.length === 0) {
      root = copy(m.value);
      continue;
    }
    const { parent, key } = slots[m.at % slots.length]!;
    const set = (k: string, v: unknown) =>
      Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
    if (m.op === 'replace' || leaf !== null) set(key, copy(m.value));
    else if (m.op === 'wrap')
      set(
        key,
        m.at % 2 === 0
          ? [(parent as Record<string, unknown>)[key]]
          : { value: (parent as Record<string, unknown>)[key] },
      );
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (!Array.isArray(parent)) set(m.key, copy(m.value));
    else parent.push(copy(m.value));
  }
  return root;
}

/** JSON text for a value, with the raw number tokens spliced in where their placeholders stand. */
export const serialise = (value: unknown): string =>
  (JSON.stringify(value) ?? 'undefined').replace(/"@@raw:([^@"]+)@@"/g, '$1');

/** A request body: JSON text, raw bytes, or a generated oversized stream. */
export type Payload =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'oversize'; bytes: number; declared: boolean }
  | { kind: 'none' };

const MALFORMED = [
  '',
  '{',
  '}',
  '[',
  '{"a":',
  '{"a":1,}',
  '[1,]',
  "{'a':1}",
  '{a:1}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '// x\n{}',
  '{"a":1}{"b":2}',
  '{"a":1} x',
  '\u0000',
  '"\\u0000"',
  '"\\ud800"',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"id":"a","id":"b"}',
  '\ufeff{}',
  '0',
  '-0',
  '1e309',
  'null',
  'true',
  '"x"',
  '[]',
];

/** Malformed or wrong-kind JSON text, built from nothing or from a valid body's text. */
export function malformedText(base: unknown): fc.Arbitrary<string> {
  const text = serialise(base);
  return fc.oneof(
    fc.constantFrom(...MALFORMED),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.constantFrom('}', ']', ',', '"', '\\', '\u0000', 'x', '{{', '\\u00'))
      .map(([n, s]) => text.slice(0, n) + s + text.slice(n)),
    fc.tuple(fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('[', '{"a":')).map(([d, open]) => open.repeat(d)),
  );
}

/** Bytes that are not UTF-8 (lone continuation bytes, overlongs, an encoded surrogate, UTF-16). */
const badBytes = fc.oneof(
  fc.constantFrom<number[]>(
    [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
    [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d],
    [0x22, 0xed, 0xa0, 0x80, 0x22],
    [0x80, 0x80],
  ),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
);

/** A body for a JSON route whose valid form is `base`; `limit` is its byte limit. */
export function jsonPayload(base: fc.Arbitrary<unknown>, limit: number): fc.Arbitrary<Payload> {
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([b, ms]): Payload => ({ kind: 'json', value: mutate(b, ms) })),
      weight: 8,
    },
    { arbitrary: base.map((b): Payload => ({ kind: 'json', value: b })), weight: 1 },
    { arbitrary: nastyValue.map((value): Payload => ({ kind: 'json', value })), weight: 2 },
    { arbitrary: base.chain(malformedText).map((text): Payload => ({ kind: 'text', text })), weight: 3 },
    { arbitrary: badBytes.map((bytes): Payload => ({ kind: 'bytes', bytes })), weight: 1 },
    {
      arbitrary: fc
        .record({ bytes: fc.integer({ min: limit + 1, max: limit * 2 }), declared: fc.boolean() })
        .map((o): Payload => ({ kind: 'oversize', ...o })),
      weight: 1,
    },
    { arbitrary: fc.constant<Payload>({ kind: 'none' }), weight: 1 },
  );
}

/** Content types a client might send: mostly the right one, else near-misses and nonsense. */
export function contentType(right: string): fc.Arbitrary<string | null> {
  return fc.oneof(
    { arbitrary: fc.constant(right), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        null,
        `${right}; charset=utf-8`,
        right.toUpperCase(),
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/csv',
        'application/json',
        'application/json; charset=utf-16',
        'application/json-patch+json',
        `${right}, text/html`,
        ';;;',
        'x'.repeat(3000),
      ),
      weight: 4,
    },
  );
}

/** A path segment standing in for an id: encoded NUL, broken percent escapes, traversal, huge, or random. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%E0%A4%A',
    '%',
    '%ff',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    "'%20OR%201%3D1",
    'x'.repeat(5000),
    '%F0%9F%92%A5',
    '0',
    '-1',
    '1e309',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeLoosely),
);

/** encodeURIComponent, except that lone surrogates go out as the raw (invalid) UTF-8 a hostile client could send. */
function encodeLoosely(s: string): string {
  return [...s]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

/** A query string over these keys (and strangers), with hostile values and broken escapes. */
export function queryString(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...keys), weight: 4 },
    { arbitrary: fc.string({ maxLength: 8 }).map(encodeLoosely), weight: 1 },
  );
  const value = fc.oneof(
    fc.constantFrom(
      ...NASTY_STRINGS.map(encodeLoosely),
      '%00',
      '%E0%A4%A',
      '%',
      '%ff',
      '2026-27-q2',
      '2026-27-q5',
      'visit',
      'open',
      '1',
      '99999999999999999999',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }).map(encodeLoosely),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** Bounded text for a failure message: long strings are cut, deep trees summarised. */
export function summarise(value: unknown, max = 3000): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_k, v: unknown) =>
        typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v,
      ) ?? String(value);
  } catch (error) {
    text = `(not printable: ${String(error)})`;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
