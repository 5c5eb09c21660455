// Start-up seeding. Built-in template versions are always ensured (added if missing, never
// altered), and every provider's derived last visit is re-checked (cheap; repairs the rare crash
// between storing a visit and updating its provider). Demo people, teams, providers, intelligence
// and assignments go in only when demo data is on and there are no users yet, so a real
// deployment (DEMO_DATA=off) never gets demo accounts and re-running changes nothing.
import { randomUUID } from 'node:crypto';
import type { Assignment, IntelligenceEntry } from '../../shared/briefings/register';
import { Provider } from '../../shared/sync/schema';
import { Template } from '../../shared/templates/schema';
import { builtInTemplates } from '../../shared/templates/index';
import { validateTemplate } from '../../shared/templates/template-rules';
import { countUsers, ensureTeam, insertUser, setTeamManager } from '../auth/users';
import { hashPassword } from '../auth/passwords';
import { writeAssignment } from '../assignments/store';
import type { Db } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { insertIntelligence } from '../intelligence/store';
import { refreshProviderVisit } from '../providers/store';
import { ensureTemplates, insertProviderIfMissing } from '../reference/store';
import { demoProviders, demoTeamManagers, demoTeams, demoUsers } from './demo-data';
import { demoActions, demoAssignments, demoIntelligence } from './demo-intelligence';
import { seedDemoHistory } from './demo-history';
import { seedDemoReviews } from './demo-reviews';
import { calendarDay } from '../../shared/calendar';

const DEMO_SEED_LOCK = 4_711_020_252;

interface SeedReport {
  templatesAdded: number;
  demoUsersAdded: number;
  demoProvidersAdded: number;
}

export async function seed(db: Db, options: { demo: boolean; now?: Date }): Promise<SeedReport> {
  const now = options.now ?? new Date();
  // Parsing here catches a malformed built-in template at start, not when an officer opens it.
  const templates = builtInTemplates.map((t) => Template.parse(t));
  for (const template of templates) {
    const problems = validateTemplate(template);
    if (problems.length > 0)
      throw new Error(
        `Built-in template ${template.id} v${template.version}: ${problems.map((p) => p.message).join('; ')}`,
      );
  }
  const report: SeedReport = {
    templatesAdded: await ensureTemplates(db, templates),
    demoUsersAdded: 0,
    demoProvidersAdded: 0,
  };
  const ids = await db.query<{ id: string }>('SELECT id FROM providers');
  for (const { id } of ids) await db.transaction((tx) => refreshProviderVisit(tx, id));
  if (!options.demo || (await countUsers(db)) > 0) return report;

  // Hash before the transaction: scrypt is slow and should not be done holding a lock.
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  const userIds = await db.transaction(async (tx) => {
    // Several servers starting at once on one PostgreSQL: only the first seeds the people.
    await tx.query(`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if ((await countUsers(tx)) > 0) return null;
    const byEmail = new Map<string, string>();
    for (const [i, u] of demoUsers.entries()) {
      const team = demoTeams[u.email];
      const teamId = team === undefined ? null : await ensureTeam(tx, team);
      const user = await insertUser(tx, { ...u, teamId }, hashes[i] ?? '');
      byEmail.set(u.email, user.id);
      if (team !== undefined && teamId !== null && demoTeamManagers[team] === u.email)
        await setTeamManager(tx, teamId, user.id);
    }
    return byEmail;
  });
  if (userIds === null) return report;
  report.demoUsersAdded = demoUsers.length;

  const today = calendarDay(now);
  const qaId = userIds.get('qa@example.org') ?? null;
  for (const [i, demo] of demoProviders.entries()) {
    const { officerEmail, ...row } = demo;
    const provider = Provider.parse({
      ...row,
      allocatedOfficerId: userIds.get(officerEmail) ?? null,
      ragChangedAt: today,
      lastVisitDate: null,
      nextVisitDue: null,
    });
    if (!(await insertProviderIfMissing(db, provider, today))) continue;
    report.demoProvidersAdded += 1;
    await db.transaction(async (tx) => {
      for (const draft of demoIntelligence(demo, i, today)) {
        const entry = {
          ...draft,
          id: randomUUID(),
          providerId: provider.id,
          recordedBy: 'Gareth Lloyd',
          recordedAt: now.toISOString(),
        } as IntelligenceEntry;
        await insertIntelligence(tx, entry, qaId);
      }
    });
  }
  // The history goes in before the assignments: a stored visit completes its officer's open assignments.
  const people = new Map(
    demoUsers.map((u) => [u.email, { id: userIds.get(u.email) ?? '', email: u.email, name: u.name, role: u.role }]),
  );
  await seedDemoHistory(
    db,
    people,
    demoProviders.map((p) => p.id),
  );
  await seedDemoReviews(db, qaId);
  await db.transaction(async (tx) => {
    for (const a of demoAssignments(today)) {
      const { officerEmail, ...rest } = a;
      const officerId = userIds.get(officerEmail);
      if (officerId === undefined) continue;
      const assignment: Assignment = { ...rest, officerId };
      await writeAssignment(tx, assignment, qaId, now);
    }
    for (const action of demoActions(today)) {
      await tx.query(
        `INSERT INTO actions (id, provider_id, status, due_date, body, change_seq) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (id) DO NOTHING`,
        [action.id, action.providerId, action.status, action.dueDate, JSON.stringify(action), await nextChangeSeq(tx)],
      );
    }
  });
  return report;
}
