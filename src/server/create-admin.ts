// `npm run create-admin -- --email x@council.gov.uk --name "Full Name"`: creates a QA manager on a
// real deployment (no demo data), using the server's own configuration (DATA_DIR, DATABASE_URL).
// The password comes from ADMIN_PASSWORD or the first line of standard input, never an argument.
// This is the process entry point (built to dist-server/create-admin.js); the command itself is
// createAdmin() in users/create-admin.ts.
import { openDb, type Db } from './db';
import { lockDataDir } from './startup';
import { createAdmin } from './users/create-admin';

async function main(): Promise<number> {
  const opened: Db[] = [];
  try {
    return await createAdmin(
      {
        args: process.argv.slice(2),
        env: process.env,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      },
      async (config) => {
        // PGlite is single-process: refuse while a server holds the data folder.
        if (config.databaseUrl === null) process.once('exit', await lockDataDir(config.dataDir));
        const db = await openDb(config);
        opened.push(db);
        return db;
      },
    );
  } finally {
    for (const db of opened) await db.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`create-admin: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
