// Test fixtures for the server contract suite: a fresh database per suite (PGlite in memory, or a
// throw-away PostgreSQL schema when DATABASE_URL is set), seeded people and providers, and small
// request helpers over app.request() so no port is opened.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { createUser, ensureTeam, setTeamManager } from '../../src/server/auth/users';
import { loadConfig, type Config } from '../../src/server/config';
import { migrate, type Db } from '../../src/server/db';
import { diskAttachmentStorage } from '../../src/server/evidence/storage';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import type { AppEnv } from '../../src/server/http/env';
import { upsertProvider } from '../../src/server/reference/store';
import { seed } from '../../src/server/seed/index';
import { makeRecord } from '../../src/server/seed/record-maker';
import type { SessionUser } from '../../src/shared/auth/schema';
import type { RaisedAction, RecordBody, VisitBody } from '../../src/shared/records/schema';
import type { Provider } from '../../src/shared/sync/schema';
import type { Template } from '../../src/shared/templates/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/index';

export type DbKind = 'pglite' | 'postgres';

export interface TestDb {
  db: Db;
  dispose(): Promise<void>;
}

export async function openTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite();
    return { db, dispose: () => db.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = `qa_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ connectionString: url, schema });
  return {
    db,
    async dispose() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: '/tmp/qa-visits-test-unused', STATIC_DIR: '/nonexistent-qa-static' }),
    ...overrides,
  };
}

export const PASSWORD = 'correct horse battery staple';

/** A complete register row with the derived fields null, as stored. */
export function providerRow(overrides: Partial<Provider> & Pick<Provider, 'id' | 'name'>): Provider {
  return {
    cqcLocationId: null,
    serviceType: 'care-home',
    address: '',
    registeredManager: '',
    capacity: null,
    contract: null,
    allocatedOfficerId: null,
    rag: 'green',
    ragReason: '',
    ragChangedAt: null,
    monitoringLevel: 2,
    lastVisitDate: null,
    nextVisitDue: null,
    ...overrides,
  };
}

export const providers: Provider[] = [
  providerRow({
    id: 'willow-bank',
    name: 'Willow Bank Care Home',
    serviceType: 'care-home',
    address: '14 Mill Lane, Ashby Green',
    rag: 'green',
    monitoringLevel: 2,
  }),
  providerRow({
    id: 'hartwell-lodge',
    name: 'Hartwell Lodge Nursing Home',
    serviceType: 'nursing-home',
    address: 'Hartwell Road, Kingsmere',
    rag: 'amber',
    monitoringLevel: 3,
  }),
];

export interface Fixture {
  db: Db;
  users: { officer: SessionUser; officer2: SessionUser; manager: SessionUser; manager2: SessionUser; qa: SessionUser };
}

/**
 * Migrates, ensures the built-in templates, and creates five people (scrypt is slow: once per
 * suite): officer and manager in team North (manager manages it), officer2 and manager2 in South.
 */
export async function prepare(db: Db): Promise<Fixture> {
  await migrate(db);
  await seed(db, { demo: false });
  for (const p of providers) await upsertProvider(db, p);
  const [north, south] = [await ensureTeam(db, 'North'), await ensureTeam(db, 'South')];
  const [officer, officer2, manager, manager2, qa] = await Promise.all([
    createUser(db, {
      email: 'Officer.One@Example.org',
      name: 'Olivia Okafor',
      role: 'officer',
      password: PASSWORD,
      teamId: north,
    }),
    createUser(db, {
      email: 'officer.two@example.org',
      name: 'Tom Haddad',
      role: 'officer',
      password: PASSWORD,
      teamId: south,
    }),
    createUser(db, {
      email: 'manager@example.org',
      name: 'Priya Shah',
      role: 'manager',
      password: PASSWORD,
      teamId: north,
    }),
    createUser(db, {
      email: 'manager2@example.org',
      name: 'Sam Okoro',
      role: 'manager',
      password: PASSWORD,
      teamId: south,
    }),
    createUser(db, { email: 'qa@example.org', name: 'Gareth Lloyd', role: 'qa', password: PASSWORD }),
  ]);
  await setTeamManager(db, north, manager!.id);
  await setTeamManager(db, south, manager2!.id);
  return { db, users: { officer: officer!, officer2: officer2!, manager: manager!, manager2: manager2!, qa: qa! } };
}

/**
 * A clock the test moves by hand. It starts at the real time by default because apps without a
 * clock share the database, and sign-in sweeps sessions that look expired by its own clock.
 */
export function manualClock(start?: string) {
  let t = start === undefined ? Math.floor(Date.now() / 1000) * 1000 : new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

export type App = Hono<AppEnv>;

export function makeApp(
  db: Db,
  options: { now?: () => Date; config?: Partial<Config>; log?: (line: string) => void; attachmentsDir?: string } = {},
): App {
  const attachments = options.attachmentsDir === undefined ? undefined : diskAttachmentStorage(options.attachmentsDir);
  return createApp({
    db,
    config: testConfig(options.config),
    now: options.now,
    log: options.log ?? (() => undefined),
    attachments,
  });
}

export interface Call {
  method?: string;
  body?: unknown;
  /** Sent as-is (not JSON-encoded) when a string. */
  raw?: BodyInit;
  cookie?: string;
  headers?: Record<string, string>;
  contentType?: string;
}

export async function call(app: App, path: string, opts: Call = {}) {
  const headers: Record<string, string> = { ...(opts.cookie ? { cookie: opts.cookie } : {}) };
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const init: RequestInit & { duplex?: 'half' } = {
    method: opts.method ?? 'GET',
    headers: { ...headers, ...opts.headers },
    body,
  };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const res = await app.request(path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary fields
  return { status: res.status, headers: res.headers, json: json as any };
}

/**
 * An action raised on a record: a new id, raised on the record as a whole, routine, for the provider
 * and with no detail unless `fields` says otherwise.
 */
export function raisedAction(fields: Partial<RaisedAction> & Pick<RaisedAction, 'title' | 'dueDate'>): RaisedAction {
  return { id: randomUUID(), itemId: null, detail: '', significance: 'routine', owner: 'provider', ...fields };
}

/** A password sign-in as it arrives through a proxy that names `forwardedFor`; the answer unchecked. */
export function signInThrough(app: App, forwardedFor: string, email: string, password: string) {
  return call(app, '/api/session', {
    method: 'POST',
    body: { email, password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

/** Signs in and returns the Cookie header value to send back. */
export async function signIn(app: App, email: string, password = PASSWORD): Promise<string> {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in for ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/** A complete, valid visit record against `template` (every item answered "met" or with text). */
export function visitBody(overrides: Partial<VisitBody> = {}, template: Template = qmfCareHomeV1): VisitBody {
  const answers: RecordBody['answers'] = {};
  const sectionRatings: RecordBody['sectionRatings'] = {};
  for (const section of template.sections) {
    for (const item of section.items) {
      answers[item.id] =
        item.type === 'choice'
          ? { value: 'met', note: '' }
          : { value: 'Seen and discussed with the manager.', note: '' };
    }
    if (section.rated) sectionRatings[section.id] = 'green';
  }
  return {
    id: randomUUID(),
    revision: 1,
    baseRevision: null,
    kind: 'visit',
    templateId: template.id,
    templateVersion: template.version,
    details: { providerId: 'willow-bank', date: '2026-03-01', announced: true, spokeWith: 'Registered manager' },
    answers,
    sectionRatings,
    startedAt: '2026-03-01T09:30:00+00:00',
    submittedAt: '2026-03-01T15:10:00+00:00',
    ...overrides,
  };
}

/**
 * A complete, valid record of any kind against `template`: every item answered (groups get the
 * rows they need), every rating the one the scoring rule suggests.
 */
export function recordBody(
  template: Template,
  details: RecordBody['details'],
  overrides: Record<string, unknown> = {},
): RecordBody {
  return makeRecord(template, details, {
    overrides: { startedAt: '2026-03-01T09:30:00+00:00', submittedAt: '2026-03-01T15:10:00+00:00', ...overrides },
  });
}

export async function countRows(db: Db, id: string): Promise<number> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM submissions WHERE id = $1', [id]);
  return Number(row?.n ?? 0);
}
