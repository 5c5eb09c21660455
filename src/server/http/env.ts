// What every handler can reach: the Hono environment type and the dependencies createApp wires in.
import type { Context } from 'hono';
import type { SessionUser } from '../../shared/auth/schema';
import type { SignInLimiter } from '../auth/rate-limit';
import type { SessionCache } from '../auth/session-cache';
import type { Config } from '../config';
import type { Db } from '../db';
import type { ReferenceCache } from '../reference/cache';
import type { AttachmentStorage } from '../evidence/storage';

export type AppEnv = {
  Variables: {
    /** Set by requireUser; handlers behind it can rely on it. */
    user: SessionUser;
  };
};

export type AppContext = Context<AppEnv>;

export interface Deps {
  db: Db;
  config: Config;
  now: () => Date;
  log: (line: string) => void;
  limiter: SignInLimiter;
  reference: ReferenceCache;
  sessions: SessionCache;
  attachments: AttachmentStorage;
}
