// Migrations and seeding on both databases: running them again (or at the same time, as several
// servers starting together would) changes nothing; demo data only when asked for.
import { afterEach, describe, expect, it } from 'vitest';
import { countUsers } from '../../src/server/auth/users';
import { migrate } from '../../src/server/db';
import { migrations } from '../../src/server/db/migrations';
import { seed } from '../../src/server/seed/index';
import { builtInTemplates } from '../../src/shared/templates/index';
import { Provider } from '../../src/shared/sync/schema';
import { type DbKind, openTestDb, type TestDb } from './helpers';

function databaseSuite(kind: DbKind) {
  let open: TestDb | undefined;
  afterEach(async () => {
    await open?.dispose();
    open = undefined;
  });

  it('applies every migration once, and nothing when run again', async () => {
    open = await openTestDb(kind);
    const all = migrations.map((m) => m.version);
    expect(await migrate(open.db)).toEqual(all);
    expect(await migrate(open.db)).toEqual([]);
    const rows = await open.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(all);
  });

  it('lets concurrent starts race: one applies, the others find nothing to do', async () => {
    open = await openTestDb(kind);
    const results = await Promise.all([migrate(open.db), migrate(open.db), migrate(open.db)]);
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(results.flat().sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
  });

  it('seeds templates always, demo people and providers only when asked, and only once', async () => {
    open = await openTestDb(kind);
    const { db } = open;
    await migrate(db);
    expect(await seed(db, { demo: false })).toEqual({
      templatesAdded: builtInTemplates.length,
      demoUsersAdded: 0,
      demoProvidersAdded: 0,
    });
    expect(await countUsers(db)).toBe(0);
    const first = await seed(db, { demo: true });
    expect(first.templatesAdded).toBe(0);
    expect(first.demoUsersAdded).toBe(4);
    expect(first.demoProvidersAdded).toBeGreaterThanOrEqual(14);
    expect(await seed(db, { demo: true })).toEqual({ templatesAdded: 0, demoUsersAdded: 0, demoProvidersAdded: 0 });

    const users = await db.query<{ email: string; role: string; name: string }>(
      'SELECT email, role, name FROM users ORDER BY email',
    );
    expect(users).toEqual([
      { email: 'manager@example.org', role: 'manager', name: 'Priya Shah' },
      { email: 'officer2@example.org', role: 'officer', name: 'Tom Haddad' },
      { email: 'officer@example.org', role: 'officer', name: 'Olivia Okafor' },
      { email: 'qa@example.org', role: 'qa', name: 'Gareth Lloyd' },
    ]);
    const providers = (await db.query<{ body: unknown }>('SELECT body FROM providers')).map((r) =>
      Provider.parse(r.body),
    );
    expect(new Set(providers.map((p) => p.rag))).toEqual(new Set(['green', 'amber', 'red']));
    expect(new Set(providers.map((p) => p.monitoringLevel))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(providers.map((p) => p.serviceType))).toEqual(
      new Set(['care-home', 'nursing-home', 'home-care', 'supported-living', 'day-service', 'advice-advocacy']),
    );
    // Levels as seed 004 §19 sets them: care and support at 3-5, preventative contracts at 1-2.
    for (const p of providers)
      expect(p.monitoringLevel >= 3, p.id).toBe(!['day-service', 'advice-advocacy'].includes(p.serviceType));
    // Day services and advice are not registered with CQC (seed 004 §3).
    expect(
      providers.every(
        (p) =>
          (['day-service', 'advice-advocacy'].includes(p.serviceType)
            ? p.cqcLocationId === null
            : /^1-\d{9,10}$/.test(p.cqcLocationId ?? '')) &&
          p.contract !== null &&
          p.allocatedOfficerId !== null,
      ),
    ).toBe(true);

    // Teams: officer@ and manager@ in one team that manager@ manages, officer2@ in another, qa@ in none.
    const teams = await db.query<{ email: string; team: string | null; manages: string | null }>(
      `SELECT u.email, t.name AS team, m.name AS manages FROM users u
         LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN teams m ON m.manager_id = u.id ORDER BY u.email`,
    );
    expect(teams).toEqual([
      { email: 'manager@example.org', team: 'Contracts North', manages: 'Contracts North' },
      { email: 'officer2@example.org', team: 'Contracts South', manages: null },
      { email: 'officer@example.org', team: 'Contracts North', manages: null },
      { email: 'qa@example.org', team: null, manages: null },
    ]);
    const kinds = await db.query<{ kind: string }>('SELECT DISTINCT kind FROM intelligence ORDER BY kind');
    expect(kinds.map((k) => k.kind)).toEqual([
      'complaint',
      'cqc-inspection',
      'feedback',
      'fire-inspection',
      'incident',
      'safeguarding-referral',
    ]);
    const assignments = await db.query<{ email: string; provider_id: string }>(
      `SELECT u.email, a.provider_id FROM assignments a JOIN users u ON u.id = a.officer_id WHERE a.status = 'open' ORDER BY u.email, a.provider_id`,
    );
    expect(assignments.filter((a) => a.email === 'officer@example.org').map((a) => a.provider_id)).toEqual([
      'hartwell-lodge',
      'the-beeches',
      'willow-bank',
    ]);
    expect(assignments.filter((a) => a.email === 'officer2@example.org')).toHaveLength(1);
  });

  it('never rewrites a stored template version', async () => {
    open = await openTestDb(kind);
    const { db } = open;
    await migrate(db);
    const t = builtInTemplates[0]!;
    const edited = { ...t, title: 'Edited in the database' };
    await db.query(
      `INSERT INTO templates (id, version, body, change_seq) VALUES ($1, $2, $3::jsonb, nextval('change_seq'))`,
      [t.id, t.version, JSON.stringify(edited)],
    );
    await seed(db, { demo: false });
    const [row] = await db.query<{ body: { title: string } }>(
      'SELECT body FROM templates WHERE id = $1 AND version = $2',
      [t.id, t.version],
    );
    expect(row?.body.title).toBe('Edited in the database');
  });
}

describe('database on PGlite', () => databaseSuite('pglite'));

describe.skipIf(!process.env.DATABASE_URL)('database on PostgreSQL (DATABASE_URL)', () => databaseSuite('postgres'));
