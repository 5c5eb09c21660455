// The outbox drain against each class of server answer (docs/sync-contract.md), ordering, and failure
// propagation. Every case queues two entries so it also shows whether the drain stops or carries on.
import { describe, expect, it } from 'vitest';
import { drain, problemFromResponse, type TransportResult } from '../../../src/app/sync/engine';
import type { OutboxEntry } from '../../../src/shared/sync/schema';
import type { RecordBody } from '../../../src/shared/records/schema';
import { ack, MemoryOutbox, makeBody, ScriptedTransport } from './fakes';

const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
const res = (status: number, body: unknown, retryAfterSeconds?: number): TransportResult =>
  retryAfterSeconds === undefined
    ? { kind: 'response', status, body }
    : { kind: 'response', status, body, retryAfterSeconds };
const err = (error: string, message: string, extra: object = {}) => ({ error, message, ...extra });

type Case = {
  name: string;
  answer: TransportResult | ((b: RecordBody) => TransportResult);
  log: string[];
  result: 'done' | 'retry' | 'auth-required';
  code?: string;
  retryAfterSeconds?: number;
  /** Record PUTs made, when not one per record sent (a retry after uploading missing files). */
  puts?: number;
};

const cases: Case[] = [
  { name: '201 created', answer: (b) => res(201, ack(b)), log: ['sent:1', 'sent:2'], result: 'done' },
  { name: '200 identical replay', answer: (b) => res(200, ack(b, false)), log: ['sent:1', 'sent:2'], result: 'done' },
  {
    name: '401 not signed in',
    answer: res(401, err('unauthenticated', 'Sign in')),
    log: [],
    result: 'auth-required',
    code: 'unauthenticated',
  },
  {
    name: '403 forbidden',
    answer: res(403, err('forbidden', 'Not yours')),
    log: ['attention:1:forbidden', 'sent:2'],
    result: 'done',
  },
  { name: '408 timeout', answer: res(408, ''), log: ['failure:1:timeout'], result: 'retry', code: 'timeout' },
  {
    name: '409 conflict',
    answer: res(409, err('conflict', 'Revision 1 differs')),
    log: ['attention:1:conflict', 'sent:2'],
    result: 'done',
  },
  {
    // The named file is sent, and the record retried once (the script then acknowledges it).
    name: '409 attachments-missing',
    answer: res(409, err('attachments-missing', 'Upload first', { missing: ['ab'.repeat(32)] })),
    log: ['uploaded:1:abab', 'sent:1', 'sent:2'],
    result: 'done',
    puts: 3,
  },
  {
    name: '413 too large',
    answer: res(413, err('too-large', 'Over 2 MB')),
    log: ['attention:1:too-large', 'sent:2'],
    result: 'done',
  },
  {
    name: '422 invalid with issues',
    answer: res(
      422,
      err('invalid', 'Check the record', { issues: [{ path: 'details.date', message: 'Invalid date' }] }),
    ),
    log: ['attention:1:invalid', 'sent:2'],
    result: 'done',
  },
  {
    name: '400 non-JSON body',
    answer: res(400, 'Bad Request'),
    log: ['attention:1:bad-request', 'sent:2'],
    result: 'done',
  },
  { name: '404 other 4xx', answer: res(404, null), log: ['attention:1:not-found', 'sent:2'], result: 'done' },
  {
    name: '429 with Retry-After',
    answer: res(429, err('rate-limited', 'Slow down'), 30),
    log: ['failure:1:rate-limited'],
    result: 'retry',
    code: 'rate-limited',
    retryAfterSeconds: 30,
  },
  {
    name: '500 internal',
    answer: res(500, err('internal', 'Oops')),
    log: ['failure:1:internal'],
    result: 'retry',
    code: 'internal',
  },
  {
    name: '503 with HTML body',
    answer: res(503, html, 5),
    log: ['failure:1:server-error'],
    result: 'retry',
    code: 'server-error',
    retryAfterSeconds: 5,
  },
  {
    name: 'network error',
    answer: { kind: 'network-error', message: 'Failed to fetch' },
    log: ['failure:1:network'],
    result: 'retry',
    code: 'network',
  },
  {
    name: '200 from a captive portal',
    answer: res(200, '<html>Log in to Wi-Fi</html>'),
    log: ['failure:1:unexpected-response'],
    result: 'retry',
  },
  {
    name: '200 acknowledging another record',
    answer: res(200, ack(makeBody(99))),
    log: ['failure:1:unexpected-response'],
    result: 'retry',
  },
  { name: '302 from a proxy', answer: res(302, ''), log: ['failure:1:http-302'], result: 'retry' },
];

describe('drain: one answer class at a time', () => {
  it.each(cases)('$name', async (c) => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    store.add(makeBody(2));
    const transport = new ScriptedTransport([c.answer]);

    const outcome = await drain(store, transport);

    expect(store.log).toEqual(c.log);
    expect(outcome.result).toBe(c.result);
    expect(outcome.sent).toBe(c.log.filter((l) => l.startsWith('sent')).length);
    expect(outcome.attention).toBe(c.log.filter((l) => l.startsWith('attention')).length);
    expect(outcome.retryAfterSeconds).toBe(c.retryAfterSeconds);
    if (c.code) expect(outcome.problem?.code).toBe(c.code);
    // A stop sends nothing more: the server is unreachable, overloaded, or we are signed out.
    expect(transport.sent.length).toBe(c.puts ?? (c.result === 'done' ? 2 : 1));
    // Nothing leaves the outbox except through a 2xx.
    expect(store.rows.map((r) => r.seq)).toEqual([1, 2].filter((s) => !c.log.includes(`sent:${s}`)));
  });

  it('keeps the problem details a person needs to fix the record', async () => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    store.add(makeBody(2));
    const issues = [{ path: 'details.date', message: 'Invalid date' }];
    const missing = ['cd'.repeat(32)];
    const stillMissing = res(409, err('attachments-missing', 'Upload', { missing }));
    await drain(
      store,
      new ScriptedTransport([res(422, err('invalid', 'Check it', { issues })), stillMissing, stillMissing]),
    );
    expect(store.row(1).lastProblem).toEqual({ status: 422, code: 'invalid', message: 'Check it', issues });
    expect(store.row(2).lastProblem).toEqual({ status: 409, code: 'attachments-missing', message: 'Upload', missing });
    expect(store.row(1).state).toBe('attention');
  });

  it('passes the server receipt to markSent', async () => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    store.add(makeBody(2));
    await drain(
      store,
      new ScriptedTransport([
        (b) => res(201, ack(b, true, '2025-03-14T12:00:00Z')),
        (b) => res(200, { ...ack(b), receivedAt: 7 }),
      ]),
    );
    expect(store.receipts).toEqual([
      { seq: 1, status: 201, receivedAt: '2025-03-14T12:00:00Z' },
      { seq: 2, status: 200, receivedAt: null },
    ]);
  });
});

describe('drain: order and independence', () => {
  it('sends in seq order even if the store hands them over unsorted', async () => {
    const store = new MemoryOutbox();
    for (const seq of [3, 1, 2]) store.add(makeBody(seq), seq);
    store.pending = async () => store.pendingRows().map((r) => structuredClone(r) as OutboxEntry);
    const transport = new ScriptedTransport();
    await drain(store, transport);
    expect(transport.sent.map((b) => b.id)).toEqual([1, 2, 3].map((n) => makeBody(n).id));
  });

  it('a 422 in the middle does not block the later entries', async () => {
    const store = new MemoryOutbox();
    for (let n = 1; n <= 5; n++) store.add(makeBody(n));
    const transport = new ScriptedTransport([
      (b) => res(201, ack(b)),
      (b) => res(201, ack(b)),
      res(422, err('invalid', 'Bad date', { issues: [{ path: 'details.date', message: 'Invalid date' }] })),
    ]);
    const outcome = await drain(store, transport);
    expect(outcome).toEqual({ sent: 4, attention: 1, result: 'done' });
    expect(store.log).toEqual(['sent:1', 'sent:2', 'attention:3:invalid', 'sent:4', 'sent:5']);
    expect(store.rows.map((r) => [r.seq, r.state])).toEqual([[3, 'attention']]);
  });

  it('401 stops and leaves this and later entries pending, untouched', async () => {
    const store = new MemoryOutbox();
    for (let n = 1; n <= 3; n++) store.add(makeBody(n));
    const outcome = await drain(store, new ScriptedTransport([(b) => res(201, ack(b)), res(401, null)]));
    expect(outcome.result).toBe('auth-required');
    expect(outcome.problem).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(store.pendingRows().map((r) => [r.seq, r.attempts, r.lastProblem])).toEqual([
      [2, 0, null],
      [3, 0, null],
    ]);
  });

  it('picks up entries queued while it drains', async () => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    const transport = new ScriptedTransport([
      (b) => {
        store.add(makeBody(2));
        return res(201, ack(b));
      },
    ]);
    expect(await drain(store, transport)).toEqual({ sent: 2, attention: 0, result: 'done' });
  });

  it('tries each entry once per drain even if the store fails to remove it', async () => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    store.markSent = async () => undefined;
    const transport = new ScriptedTransport();
    expect(await drain(store, transport)).toEqual({ sent: 1, attention: 0, result: 'done' });
    expect(transport.sent).toHaveLength(1);
  });

  it('reports done with nothing to send', async () => {
    expect(await drain(new MemoryOutbox(), new ScriptedTransport())).toEqual({ sent: 0, attention: 0, result: 'done' });
  });
});

describe('drain: store errors propagate', () => {
  const quota = new Error('QuotaExceededError');
  it.each([
    ['pending', 201],
    ['markSent', 201],
    ['markAttention', 422],
    ['recordFailure', 503],
  ] as const)('%s throwing rejects the drain', async (method, status) => {
    const store = new MemoryOutbox();
    store.add(makeBody(1));
    store[method] = async () => {
      throw quota;
    };
    const transport = new ScriptedTransport([(b) => res(status, status === 201 ? ack(b) : null)]);
    await expect(drain(store, transport)).rejects.toBe(quota);
  });
});

describe('problemFromResponse: defensive parsing', () => {
  it.each([
    ['null body', 500, null, { status: 500, code: 'server-error' }],
    [
      'HTML body',
      413,
      '<html>too big</html>',
      { status: 413, code: 'too-large', message: 'This record is too large to send.' },
    ],
    ['array body', 422, [1, 2], { status: 422, code: 'invalid' }],
    ['wrong field types', 409, { error: 7, message: ['x'] }, { status: 409, code: 'conflict' }],
    [
      'blank message',
      403,
      { error: 'forbidden', message: '  ' },
      { status: 403, code: 'forbidden', message: 'You are not allowed to send this record.' },
    ],
    ['unknown status', 418, null, { status: 418, code: 'http-418' }],
    [
      'future code',
      422,
      { error: 'template-retired', message: 'Use v2' },
      { status: 422, code: 'template-retired', message: 'Use v2' },
    ],
  ])('%s', (_name, status, body, expected) => {
    const problem = problemFromResponse(status, body);
    expect(problem).toMatchObject(expected);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toContain('<');
  });

  it('keeps only well-formed issues and clips long messages', () => {
    const problem = problemFromResponse(422, {
      error: 'invalid',
      message: 'x'.repeat(5000),
      issues: [{ path: 'a', message: 'ok' }, { path: 1, message: 'bad' }, 'junk', null],
      missing: 'not-an-array',
    });
    expect(problem.issues).toEqual([{ path: 'a', message: 'ok' }]);
    expect(problem.missing).toBeUndefined();
    expect(problem.message.length).toBeLessThanOrEqual(500);
  });
});

describe('drain: files go before the record that names them', () => {
  const h = (c: string) => c.repeat(64);
  const withFiles = (n: number, hashes: string[]): RecordBody => {
    const body = makeBody(n);
    const [first] = Object.keys(body.answers);
    body.answers[first!] = {
      ...body.answers[first!]!,
      attachments: hashes.map((sha256) => ({ sha256, type: 'image/jpeg' as const, bytes: 100, caption: '' })),
    };
    return body;
  };

  it('sends each file once, in order, then the record', async () => {
    const store = new MemoryOutbox();
    store.add(withFiles(1, [h('b'), h('a')]));
    const transport = new ScriptedTransport();
    const outcome = await drain(store, transport);
    expect(transport.files).toEqual([h('a'), h('b')]);
    expect(store.log).toEqual(['uploaded:1:aaaa', 'uploaded:1:bbbb', 'sent:1']);
    expect(outcome).toMatchObject({ sent: 1, result: 'done' });
  });

  it('resumes after a cut connection with only the files not yet stored', async () => {
    const store = new MemoryOutbox();
    store.add(withFiles(1, [h('a'), h('b'), h('c')]));
    const cut = new ScriptedTransport([], [res(201, {}), { kind: 'network-error', message: 'connection reset' }]);
    expect((await drain(store, cut)).result).toBe('retry');
    expect(cut.sent).toEqual([]); // no record before its files
    const again = new ScriptedTransport();
    expect((await drain(store, again)).result).toBe('done');
    expect(again.files).toEqual([h('b'), h('c')]);
    expect(store.rows).toEqual([]);
  });

  it('flags a record whose file is refused or gone from the device, and carries on with the others', async () => {
    const store = new MemoryOutbox();
    store.add(withFiles(1, [h('a')]));
    store.add(withFiles(2, [h('d')]));
    store.add(makeBody(3));
    const transport = new ScriptedTransport([], [res(415, err('unsupported-type', 'Not a JPEG'))]);
    transport.onDevice = new Set([h('a')]);
    const outcome = await drain(store, transport);
    expect(store.log).toEqual(['attention:1:unsupported-type', 'attention:2:file-missing', 'sent:3']);
    expect(outcome).toMatchObject({ sent: 1, attention: 2, result: 'done' });
  });

  it('stops on 401 for a file without blaming the record', async () => {
    const store = new MemoryOutbox();
    store.add(withFiles(1, [h('a')]));
    const outcome = await drain(store, new ScriptedTransport([], [res(401, err('unauthenticated', 'Sign in'))]));
    expect(outcome.result).toBe('auth-required');
    expect(store.log).toEqual([]);
  });
});
