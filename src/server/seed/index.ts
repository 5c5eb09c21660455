// Start-up seeding. Built-in template versions are always ensured (added if missing, never
// altered). Demo people and providers go in only when demo data is on and there are no users yet,
// so a real deployment (DEMO_DATA=off) never gets demo accounts and re-running changes nothing.
import { Provider, Template } from '../../shared/schemas';
import { builtInTemplates } from '../../shared/templates/index';
import { countUsers, insertUser } from '../auth/users';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db';
import { ensureTemplates, insertProviderIfMissing } from '../reference/store';
import { demoProviders, demoUsers } from './demo-data';

const DEMO_SEED_LOCK = 4_711_020_252;

export interface SeedReport {
  templatesAdded: number;
  demoUsersAdded: number;
  demoProvidersAdded: number;
}

export async function seed(db: Db, options: { demo: boolean }): Promise<SeedReport> {
  // Parsing here catches a malformed built-in template at start, not when an officer opens it.
  const templates = builtInTemplates.map((t) => Template.parse(t));
  const report: SeedReport = { templatesAdded: await ensureTemplates(db, templates), demoUsersAdded: 0, demoProvidersAdded: 0 };
  if (!options.demo || (await countUsers(db)) > 0) return report;

  const providers = demoProviders.map((p) => Provider.parse(p));
  // Hash before the transaction: scrypt is slow and should not be done holding a lock.
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  const seeded = await db.transaction(async (tx) => {
    // Several servers starting at once on one PostgreSQL: only the first seeds the people.
    await tx.query(`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if ((await countUsers(tx)) > 0) return false;
    for (const [i, u] of demoUsers.entries()) await insertUser(tx, u, hashes[i] ?? '');
    return true;
  });
  if (!seeded) return report;
  report.demoUsersAdded = demoUsers.length;
  for (const p of providers) {
    if (await insertProviderIfMissing(db, p)) report.demoProvidersAdded += 1;
  }
  return report;
}
