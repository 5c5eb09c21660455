// `npm run create-admin -- --email x@council.gov.uk --name "Full Name"`: creates a QA manager on a
// real deployment (no demo data), using the server's own configuration (DATA_DIR, DATABASE_URL).
// The password comes from ADMIN_PASSWORD or the first line of standard input, never an argument
// (arguments show up in process lists and shell history). Refuses an email that already exists.
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { createUser, emailTaken } from './auth/users';
import { ConfigError, loadConfig } from './config';
import { migrate, openDb } from './db';
import { seed } from './seed/index';
import { StartupError, lockDataDir } from './startup';

const Args = z.object({
  email: z.email().check(z.maxLength(254)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(12, 'The password must have at least 12 characters'), z.maxLength(1024)),
});

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password for the new QA manager (at least 12 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function fail(message: string): never {
  console.error(`create-admin: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !values.name)
    fail('usage: npm run create-admin -- --email someone@council.gov.uk --name "Full Name"');
  const password = process.env.ADMIN_PASSWORD ?? (await readStdinLine());
  const parsed = Args.safeParse({ email: values.email, name: values.name, password });
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  const config = loadConfig(process.env, []);
  // PGlite is single-process: refuse while a server holds the data folder.
  const unlock = config.databaseUrl === null ? lockDataDir(config.dataDir) : () => undefined;
  process.once('exit', unlock);
  const db = await openDb(config);
  try {
    await migrate(db);
    await seed(db, { demo: false });
    if (await emailTaken(db, parsed.data.email))
      fail(`an account for ${parsed.data.email} already exists; nothing was changed`);
    const user = await createUser(db, { ...parsed.data, role: 'qa', teamId: null });
    console.log(`Created QA manager ${user.email} (${user.name}). They can sign in now.`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) fail(err.message);
  fail(err instanceof Error ? err.message : String(err));
});
