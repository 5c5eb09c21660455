// Random scenarios for the record-effects property (record-effects.test.ts): steps that create
// assignments, store new records of every kind (with and without an assignment, raised actions,
// checks of earlier actions, attachments and signatures), amend and replay earlier ones. Steps
// hold choices ("the nth earlier action"), which resolve() turns into concrete bodies against
// what the scenario has stored so far — once, so both databases receive the very same bodies.
// Ids come from a counter (unique across runs) behind a random prefix (random order, for the
// last visit's tie-break), so a seeded run is fully deterministic.
import fc from 'fast-check';
import type { Assignment } from '../../../src/shared/briefings/register';
import type { ActionCheck, RaisedAction, RecordBody } from '../../../src/shared/records/schema';
import type { Template } from '../../../src/shared/templates/schema';
import { makeRecord } from '../../../src/server/seed/record-maker';
import { caseFileAuditV1, observationHomeVisitV1, qmfCareHomeV1 } from '../../../src/shared/templates/index';

export const PROVIDERS = ['willow-bank', 'hartwell-lodge'] as const;
/** The people who submit, as keys of Fixture['users']. */
export const SUBMITTERS = ['officer', 'officer2'] as const;
export type Submitter = (typeof SUBMITTERS)[number];
/** Files the databases hold (the test inserts them), by hash. */
export const FILES = ['a', 'b', 'c'].map((c) => c.repeat(64));

const few = (max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max }) });

const newRecord = fc.record({
  type: fc.constantFrom('visit', 'visit', 'observation', 'audit'),
  submitter: fc.constantFrom(...SUBMITTERS),
  provider: fc.constantFrom(...PROVIDERS),
  /** Few distinct dates, so ties on a provider's last visit happen. */
  day: fc.integer({ min: 1, max: 4 }),
  prefix: fc.nat(),
  /** none, one of the open assignments (by index), or an id nobody holds. */
  assignment: fc.oneof(fc.constant<'none'>('none'), fc.constant<'unknown'>('unknown'), fc.nat()),
  actions: few(2),
  checks: fc.array(fc.record({ pick: fc.nat(), status: fc.constantFrom('open', 'in-progress', 'done', 'verified') }), {
    maxLength: 2,
  }),
  files: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(FILES) }),
  signed: fc.boolean(),
});

const step = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      officer: fc.constantFrom(...SUBMITTERS),
      provider: fc.constantFrom(...PROVIDERS),
      prefix: fc.nat(),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('new' as const), record: newRecord }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      pick: fc.nat(),
      provider: fc.constantFrom(...PROVIDERS),
      day: fc.integer({ min: 1, max: 4 }),
      keep: fc.boolean(),
      extra: few(1),
      prefix: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
);

export const scenario = fc.array(step, { minLength: 1, maxLength: 6 });
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** What every earlier step left, shared by both databases (it holds no database's ids). */
export interface Stored {
  records: { body: RecordBody; submitter: Submitter }[];
  assignments: { id: string; officer: Submitter; providerId: string }[];
  actions: { id: string; providerId: string | null }[];
}

export type Resolved =
  | { kind: 'assign'; assignment: Omit<Assignment, 'officerId'>; officer: Submitter }
  | { kind: 'put'; body: RecordBody; submitter: Submitter };

let counter = 0;
const uuid = (prefix: number) =>
  `${(prefix >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${(counter += 1).toString(16).padStart(12, '0')}`;

const TEMPLATES: Record<RecordBody['kind'], Template> = {
  visit: qmfCareHomeV1,
  observation: observationHomeVisitV1,
  audit: caseFileAuditV1,
};

function raise(kind: RecordBody['kind'], count: number, prefix: number, date: string): RaisedAction[] {
  return Array.from({ length: count }, (_, i) => ({
    id: uuid(prefix + i),
    itemId: null,
    title: `Action ${i + 1}`,
    detail: 'Put it right.',
    significance: i % 2 === 0 ? 'significant' : 'routine',
    owner: kind === 'visit' ? 'provider' : 'practitioner',
    dueDate: date.replace(/^2026-03/, '2026-05'),
  }));
}

function details(kind: RecordBody['kind'], provider: string, date: string): RecordBody['details'] {
  if (kind === 'visit') return { providerId: provider, date, announced: true, spokeWith: 'Registered manager' };
  const person = { practitionerName: 'Jo Bloggs', team: 'North, Adults', date };
  return kind === 'observation'
    ? { ...person, practitionerRole: 'Social worker' }
    : { ...person, caseReference: 'CASE-0001' };
}

/** Files on the first answer, and a signature, as the record names them. */
function withFiles(body: RecordBody, files: string[], signed: boolean): RecordBody {
  const [first] = Object.keys(body.answers);
  const answers = { ...body.answers };
  if (first !== undefined && files.length > 0)
    answers[first] = {
      ...answers[first]!,
      attachments: files.map((sha256) => ({ sha256, type: 'image/jpeg' as const, bytes: 100, caption: '' })),
    };
  const signatures = signed
    ? [
        {
          sha256: FILES[0]!,
          type: 'image/png' as const,
          bytes: 100,
          role: 'observer' as const,
          name: 'A Person',
          signedAt: '2026-03-01T15:00:00+00:00',
        },
      ]
    : undefined;
  return { ...body, answers, ...(signatures ? { signatures } : {}) };
}

/** The concrete step; updates `stored` as if it succeeded (a refused one changes nothing that matters here). */
export function resolve(s: Step, stored: Stored): Resolved | null {
  if (s.kind === 'assign') {
    const assignment = {
      id: `assignment-${uuid(s.prefix)}`,
      providerId: s.provider,
      templateId: qmfCareHomeV1.id,
      dueDate: '2026-06-30',
      announced: true,
      notes: '',
      status: 'open' as const,
    };
    stored.assignments.push({ id: assignment.id, officer: s.officer, providerId: s.provider });
    return { kind: 'assign', assignment, officer: s.officer };
  }
  if (s.kind === 'replay') {
    const target = stored.records[s.pick % Math.max(1, stored.records.length)];
    return target === undefined ? null : { kind: 'put', body: target.body, submitter: target.submitter };
  }
  if (s.kind === 'amend') {
    const target = stored.records[s.pick % Math.max(1, stored.records.length)];
    if (target === undefined) return null;
    const old = target.body;
    const date = `2026-03-0${s.day}`;
    const kept = s.keep ? (old.actions ?? []) : (old.actions ?? []).slice(1);
    const body = {
      ...old,
      revision: old.revision + 1,
      baseRevision: old.revision,
      details: details(old.kind, s.provider, date),
      actions: [...kept, ...raise(old.kind, s.extra, s.prefix, date)],
      actionChecks: [],
    } as RecordBody;
    target.body = body;
    for (const a of body.actions ?? [])
      stored.actions.push({ id: a.id, providerId: body.kind === 'visit' ? body.details.providerId : null });
    return { kind: 'put', body, submitter: target.submitter };
  }
  const r = s.record;
  const date = `2026-03-0${r.day}`;
  const kind = r.type as RecordBody['kind'];
  const open = stored.assignments;
  const assignmentId =
    r.assignment === 'none'
      ? undefined
      : r.assignment === 'unknown' || open.length === 0
        ? 'assignment-nobody-holds'
        : open[r.assignment % open.length]!.id;
  const checks: ActionCheck[] =
    kind !== 'visit' || stored.actions.length === 0
      ? []
      : r.checks.map((c) => ({
          actionId: stored.actions[c.pick % stored.actions.length]!.id,
          status: c.status as ActionCheck['status'],
          evidence: 'Seen on the visit.',
        }));
  const body = withFiles(
    makeRecord(TEMPLATES[kind], details(kind, r.provider, date), {
      overrides: {
        id: uuid(r.prefix),
        ...(r.actions > 0 ? { actions: raise(kind, r.actions, r.prefix, date) } : {}),
        ...(checks.length > 0 ? { actionChecks: checks } : {}),
        ...(assignmentId === undefined ? {} : { assignmentId }),
      },
    }),
    r.files,
    r.signed && r.files.length > 0,
  );
  stored.records.push({ body, submitter: r.submitter });
  for (const a of body.actions ?? [])
    stored.actions.push({ id: a.id, providerId: kind === 'visit' ? r.provider : null });
  return { kind: 'put', body, submitter: r.submitter };
}
