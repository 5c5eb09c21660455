// Process entry point: config → start-up checks → database → migrations → seed → HTTP server, and
// a clean shutdown on SIGINT/SIGTERM. Start-up failures print one plain sentence and exit non-zero.
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { migrate, openDb, type Db } from './db';
import { demoUsers } from './seed/demo-data';
import { seed } from './seed/index';
import { calendarDay } from '../shared/calendar';
import { StartupError, assertPortFree, lockDataDir } from './startup';

function fail(message: string): never {
  console.error(`QA Visits could not start: ${message}`);
  process.exit(1);
}

function banner(config: Config, db: Db, templatesAdded: number): string {
  const lines = [`QA Visits is running at http://localhost:${config.port}`];
  lines.push(
    `Database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/db`}`,
  );
  if (templatesAdded > 0) lines.push(`Added ${templatesAdded} built-in template version(s).`);
  const lastHoliday = config.deadlineRules.bankHolidays.at(-1) ?? '';
  if (config.deadlineRules.dayCount === 'working' && lastHoliday < calendarDay(new Date(Date.now() + 365 * 86_400_000)))
    lines.push(
      `Warning: the bank holidays known end on ${lastHoliday || 'no date'}; add later ones with BANK_HOLIDAYS_FILE (GOV.UK's bank-holidays.json) or working-day deadlines will count them as working days.`,
    );
  if (config.demoData) {
    lines.push('Demo data is on (set DEMO_DATA=off or pass --no-demo for a real deployment). Demo sign-ins:');
    for (const u of demoUsers) lines.push(`  ${u.role.padEnd(8)} ${u.email.padEnd(22)} ${u.password}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  await assertPortFree(config.port, config.host);
  const unlock = config.databaseUrl === null ? await lockDataDir(config.dataDir) : () => undefined;
  process.once('exit', unlock);

  let db: Db;
  try {
    db = await openDb(config);
  } catch (err) {
    const where =
      config.databaseUrl !== null ? 'the PostgreSQL database in DATABASE_URL' : `the database in ${config.dataDir}/db`;
    throw new StartupError(`cannot open ${where}: ${(err as Error).message}`);
  }
  await migrate(db);
  const seeded = await seed(db, { demo: config.demoData });

  const app = createApp({ db, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  server.once('error', (err: NodeJS.ErrnoException) => {
    // Lost the race for the port since the probe, or another listen failure.
    void db
      .close()
      .finally(() => fail(err.code === 'EADDRINUSE' ? `port ${config.port} is already in use` : err.message));
  });
  server.once('listening', () => console.log(banner(config, db, seeded.templatesAdded)));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    // Stop accepting, let in-flight requests finish, then close the database; force after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) fail(err.message);
  console.error(err);
  fail(err instanceof Error ? err.message : String(err));
});
