// The routes the fuzzer drives, each as an arbitrary request: who sends it (mostly the person who
// gets furthest into the handler), the path (real ids, sometimes a hostile segment), the body or
// query, and the content type. Valid bodies are the base that mutations start from.
import fc from 'fast-check';
import { FILTER_KEYS } from '../../../src/shared/records/record-filter';
import { qmfCareHomeV1 } from '../../../src/shared/templates/index';
import { providerRow, visitBody } from '../helpers';
import { type Payload, NASTY_STRINGS, contentType, hostileSegment, jsonPayload, queryString } from './fuzz-inputs';

export type Who = 'officer' | 'officer2' | 'manager' | 'manager2' | 'qa' | 'anon';

export type FuzzRequest = { who: Who; method: string; path: string; payload: Payload; contentType: string | null };

/** Rows the fuzzer aims at: an officer's record, an action raised on it, an assignment and a provider. */
export type FuzzFixture = {
  recordId: string;
  actionId: string;
  assignmentId: string;
  officerId: string;
  providerId: string;
  /** An open escalation of that provider (seed 004 §22). */
  escalationId?: string;
};

export type FuzzRoute = { name: string; request: fc.Arbitrary<FuzzRequest> };

/** Mostly `deepest`, sometimes anyone else (401/403 paths must hold the same properties). */
const sender = (deepest: Who): fc.Arbitrary<Who> =>
  fc.oneof(
    { arbitrary: fc.constant(deepest), weight: 6 },
    { arbitrary: fc.constantFrom<Who>('officer', 'officer2', 'manager', 'qa', 'anon'), weight: 2 },
  );

/** The real path usually, else one with a hostile segment where the id goes. */
const pathWith = (make: (segment: string) => string, real: string): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constant(make(real)), weight: 5 }, { arbitrary: hostileSegment.map(make), weight: 1 });

function jsonRoute(
  name: string,
  method: string,
  path: fc.Arbitrary<string>,
  base: fc.Arbitrary<unknown>,
  limit: number,
  deepest: Who,
): FuzzRoute {
  return {
    name,
    request: fc.record({
      who: sender(deepest),
      method: fc.constant(method),
      path,
      payload: jsonPayload(base, limit),
      contentType: contentType('application/json'),
    }),
  };
}

const slugish = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A CSV cell: plausible values, hostile strings, and quoting that may or may not balance. */
const cell = fc
  .oneof(
    fc.constantFrom(
      'willow-bank',
      'Care home',
      'green',
      'amber',
      'Red',
      '2',
      '9',
      '30',
      'lots',
      '2026-01-06',
      '06/01/2026',
      'Complaint',
      'Open',
      'incident',
      'yes',
      '',
    ),
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  .chain((v) => fc.constantFrom(v, `"${v.replace(/"/g, '""')}"`, `"${v}`, `${v}"`));

function csvText(columns: readonly string[]): fc.Arbitrary<string> {
  const header = fc.shuffledSubarray([...columns], { minLength: 1 }).chain((cols) =>
    fc.oneof(
      fc.constant(cols),
      fc.tuple(fc.constant(cols), fc.constantFrom(...NASTY_STRINGS)).map(([c, extra]) => [...c, extra]),
    ),
  );
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(
          header,
          fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 6 }),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.boolean(),
        )
        .map(([h, rows, eol, bom]) => (bom ? '\ufeff' : '') + [h.join(','), ...rows.map((r) => r.join(','))].join(eol)),
      weight: 6,
    },
    {
      arbitrary: fc.constantFrom(
        '',
        '\n',
        ',,,',
        '"',
        'name\n"unclosed',
        `name\n${'x\n'.repeat(6000)}`,
        'a\u0000b\nc,d',
      ),
      weight: 1,
    },
  );
}

function csvRoute(name: string, path: string, columns: readonly string[], deepest: Who): FuzzRoute {
  const payload = fc.oneof(
    { arbitrary: csvText(columns).map((text): Payload => ({ kind: 'text', text })), weight: 8 },
    { arbitrary: jsonPayload(fc.constant({ rows: [] }), 1024 * 1024), weight: 2 },
  );
  return {
    name,
    request: fc.record({
      who: sender(deepest),
      method: fc.constant('POST'),
      path: fc.constant(path),
      payload,
      contentType: contentType('text/csv'),
    }),
  };
}

function queryRoute(name: string, path: string, keys: readonly string[], deepest: Who): FuzzRoute {
  return {
    name,
    request: fc.record({
      who: sender(deepest),
      method: fc.constant('GET'),
      path: queryString(keys).map((q) => `${path}?${q}`),
      payload: fc.constant<Payload>({ kind: 'none' }),
      contentType: fc.constant(null),
    }),
  };
}

const PROVIDER_COLUMNS = [
  'id',
  'name',
  'service_type',
  'address',
  'capacity',
  'contract_reference',
  'contract_value',
  'contract_start',
  'allocated_officer_email',
  'rag',
  'rag_reason',
  'rag_changed_at',
  'monitoring_level',
];
const INTELLIGENCE_COLUMNS = [
  'provider_id',
  'kind',
  'date',
  'summary',
  'status',
  'overall',
  'safe',
  'notified_to_cqc',
  'source',
  'sentiment',
  'outcome',
];

export function fuzzRoutes(f: FuzzFixture): FuzzRoute[] {
  const submission = fc.uuid({ version: 4 }).chain((id) =>
    fc.record({
      who: sender('officer'),
      method: fc.constant('PUT'),
      path: pathWith((s) => `/api/submissions/${s}`, id),
      payload: jsonPayload(fc.constant(visitBody({ id })), 256 * 1024),
      contentType: contentType('application/json'),
    }),
  );
  const provider = slugish.map((s) => providerRow({ id: `fuzz-${s}`, name: `Fuzz ${s}`, ragReason: 'New contract' }));
  const intelligence = fc.constantFrom(
    { kind: 'incident', date: '2026-01-05', summary: 'Fall in the lounge', notifiedToCqc: true },
    { kind: 'complaint', date: '2026-01-06', summary: 'Late calls', status: 'open' },
    {
      kind: 'cqc-inspection',
      date: '2025-11-01',
      summary: 'Report',
      overall: 'good',
      keyQuestions: {
        safe: 'good',
        effective: 'good',
        caring: 'good',
        responsive: 'good',
        wellLed: 'requires-improvement',
      },
    },
  );
  const assignment = day.map((dueDate) => ({
    providerId: f.providerId,
    officerId: f.officerId,
    templateId: qmfCareHomeV1.id,
    dueDate,
    announced: true,
    notes: '',
  }));
  const user = slugish.map((s) => ({
    email: `fuzz-${s}@example.org`,
    name: 'Fuzz Person',
    role: 'officer',
    team: 'North',
    password: 'a long enough password',
  }));
  const template = fc
    .integer({ min: 2, max: 100_000 })
    .map((version) => ({ ...qmfCareHomeV1, id: 'fuzz-template', version }));

  return [
    { name: 'PUT /api/submissions/:id', request: submission },
    jsonRoute(
      'POST /api/submissions/:id/review',
      'POST',
      pathWith((s) => `/api/submissions/${s}/review`, f.recordId),
      fc.constantFrom(
        { decision: 'sign-off', revision: 1, comment: '' },
        { decision: 'return', revision: 1, comment: 'Add the rota evidence' },
      ),
      256 * 1024,
      'manager',
    ),
    jsonRoute(
      'PATCH /api/actions/:id',
      'PATCH',
      pathWith((s) => `/api/actions/${s}`, f.actionId),
      fc.constantFrom({ status: 'in-progress', evidence: '' }, { status: 'done', evidence: 'Rota seen' }),
      256 * 1024,
      'officer',
    ),
    jsonRoute('POST /api/providers', 'POST', fc.constant('/api/providers'), provider, 64 * 1024, 'qa'),
    jsonRoute(
      'POST /api/sync/receipts',
      'POST',
      fc.constant('/api/sync/receipts'),
      fc.constant({ person: f.officerId, records: [{ id: f.recordId, revision: 1 }] }),
      64 * 1024,
      'officer',
    ),
    jsonRoute(
      'PUT /api/providers/:id',
      'PUT',
      pathWith((s) => `/api/providers/${s}`, f.providerId),
      fc.constant(providerRow({ id: f.providerId, name: 'Fuzz Target Home', ragReason: 'Set up' })),
      64 * 1024,
      'qa',
    ),
    jsonRoute(
      'POST /api/providers/:id/intelligence',
      'POST',
      pathWith((s) => `/api/providers/${s}/intelligence`, f.providerId),
      intelligence,
      64 * 1024,
      'manager',
    ),
    jsonRoute(
      'POST /api/providers/:id/monitoring-reviews',
      'POST',
      pathWith((s) => `/api/providers/${s}/monitoring-reviews`, f.providerId),
      fc.record({
        level: fc.integer({ min: 1, max: 5 }),
        rag: fc.constantFrom('green', 'amber', 'red'),
        reason: fc.constantFrom('', 'Agreed at the contracts meeting'),
        suggested: fc.record({ level: fc.integer({ min: 1, max: 5 }), rag: fc.constantFrom('green', 'amber', 'red') }),
      }),
      16 * 1024,
      'qa',
    ),
    jsonRoute(
      'POST /api/providers/:id/escalations',
      'POST',
      pathWith((s) => `/api/providers/${s}/escalations`, f.providerId),
      fc.record({
        trigger: fc.constantFrom('significant-incident', 'failed-cqc-inspection', 'safeguarding'),
        reason: fc.constant('Rated inadequate overall'),
        openedOn: day,
      }),
      64 * 1024,
      'manager',
    ),
    jsonRoute(
      'POST /api/escalations/:id/steps',
      'POST',
      pathWith((s) => `/api/escalations/${s}/steps`, f.escalationId ?? ''),
      fc.record({
        kind: fc.constantFrom('concerns-meeting', 'placement-embargo', 'notify-cqc'),
        date: day,
        owner: fc.constant('QA manager'),
        note: fc.constant('Met the provider'),
      }),
      64 * 1024,
      'qa',
    ),
    jsonRoute(
      'POST /api/escalations/:id/close',
      'POST',
      pathWith((s) => `/api/escalations/${s}/close`, f.escalationId ?? ''),
      fc.record({
        outcome: fc.constantFrom('concerns-resolved', 'other'),
        summary: fc.constant('Verified'),
        closedOn: day,
      }),
      64 * 1024,
      'manager',
    ),
    jsonRoute('POST /api/assignments', 'POST', fc.constant('/api/assignments'), assignment, 16 * 1024, 'qa'),
    jsonRoute(
      'PATCH /api/assignments/:id',
      'PATCH',
      pathWith((s) => `/api/assignments/${s}`, f.assignmentId),
      fc.constantFrom({ status: 'open' }, { status: 'cancelled' }),
      4 * 1024,
      'officer',
    ),
    jsonRoute('POST /api/users', 'POST', fc.constant('/api/users'), user, 16 * 1024, 'qa'),
    jsonRoute('POST /api/templates', 'POST', fc.constant('/api/templates'), template, 256 * 1024, 'qa'),
    jsonRoute(
      'POST /api/session',
      'POST',
      fc.constant('/api/session'),
      fc.constantFrom(
        { email: 'officer.one@example.org', password: 'not the password' },
        { email: 'nobody@example.org', password: 'x' },
      ),
      8 * 1024,
      'anon',
    ),
    csvRoute('POST /api/providers/import', '/api/providers/import', PROVIDER_COLUMNS, 'qa'),
    csvRoute(
      'POST /api/providers/intelligence/import',
      '/api/providers/intelligence/import',
      INTELLIGENCE_COLUMNS,
      'manager',
    ),
    queryRoute('GET /api/submissions?filters', '/api/submissions', FILTER_KEYS, 'qa'),
    queryRoute('GET /api/reports/quarterly?quarter=', '/api/reports/quarterly', ['quarter'], 'qa'),
    queryRoute('GET /api/reports/quarterly.csv?quarter=', '/api/reports/quarterly.csv', ['quarter'], 'manager'),
    queryRoute('GET /api/sync/pull?cursor=', '/api/sync/pull', ['cursor'], 'officer'),
    queryRoute('GET /api/actions?status=', '/api/actions', ['status'], 'manager'),
    queryRoute(`GET /api/submissions/:id?revision=`, `/api/submissions/${f.recordId}`, ['revision'], 'officer'),
  ];
}
