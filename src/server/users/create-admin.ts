// The create-admin command's logic (the process entry point is src/server/create-admin.ts): reads
// --email and --name from the arguments and the password from ADMIN_PASSWORD or the first line of
// standard input, never an argument (arguments show up in process lists and shell history), then
// creates a QA manager. Input is checked before the database is opened, and an email that already
// exists is refused with nothing changed. Takes its arguments, environment, streams and database
// as parameters so the tests run it in-process.
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { createUser, emailTaken } from '../auth/users';
import { loadConfig, type Config } from '../config';
import { migrate, type Db } from '../db';
import { seed } from '../seed/index';

const Args = z.object({
  email: z.email().check(z.maxLength(254)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(12, 'The password must have at least 12 characters'), z.maxLength(1024)),
});

const USAGE = 'usage: npm run create-admin -- --email someone@council.gov.uk --name "Full Name"';

export interface CreateAdminIo {
  /** The command-line arguments after the script. */
  args: readonly string[];
  /** ADMIN_PASSWORD, and the server's own settings (DATA_DIR, DATABASE_URL). */
  env: Record<string, string | undefined>;
  /** Read for the password when ADMIN_PASSWORD is unset; a terminal gets a prompt on stderr. */
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

async function readFirstLine(io: CreateAdminIo): Promise<string> {
  if (io.stdin.isTTY) io.stderr.write('Password for the new QA manager (at least 12 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    if (bytes.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

class Refusal extends Error {}

async function run(io: CreateAdminIo, open: (config: Config) => Promise<Db>): Promise<string> {
  const { values } = parseArgs({
    args: [...io.args],
    options: { email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !values.name) throw new Refusal(USAGE);
  const password = io.env.ADMIN_PASSWORD ?? (await readFirstLine(io));
  const parsed = Args.safeParse({ email: values.email, name: values.name, password });
  if (!parsed.success)
    throw new Refusal(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  const db = await open(loadConfig(io.env, []));
  await migrate(db);
  await seed(db, { demo: false });
  if (await emailTaken(db, parsed.data.email))
    throw new Refusal(`an account for ${parsed.data.email} already exists; nothing was changed`);
  const user = await createUser(db, { ...parsed.data, role: 'qa', teamId: null });
  return `Created QA manager ${user.email} (${user.name}). They can sign in now.`;
}

/**
 * Runs the command and returns its exit code: 0 with one line on stdout, or 1 with one
 * "create-admin: …" line on stderr. `open` is called only once the input is valid; the caller
 * owns the database it returns (and closes it).
 */
export async function createAdmin(io: CreateAdminIo, open: (config: Config) => Promise<Db>): Promise<number> {
  try {
    io.stdout.write(`${await run(io, open)}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`create-admin: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
