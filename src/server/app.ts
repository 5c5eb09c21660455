// The Hono app: middleware order, route registration and error mapping. Exported without listen()
// so tests drive it with app.request() and main.ts serves it. Invariant: every error leaves as the
// contract's ErrorBody, and nothing about the request body or the person reaches the log.
import { join } from 'node:path';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { SignInLimiter } from './auth/rate-limit';
import { sessionRoutes } from './auth/routes';
import { SessionCache } from './auth/session-cache';
import type { Config } from './config';
import type { Db } from './db';
import { ReferenceCache } from './reference/cache';
import { accessLog } from './http/access-log';
import { compressResponses } from './http/compress';
import type { AppEnv, Deps } from './http/env';
import { ApiError, notFound } from './http/errors';
import { routeDeclarer, registerRoutes, reply, type ApiRoute } from './http/route';
import { apiRequestGuard, securityHeaders } from './http/security';
import { staticApp } from './http/static';
import { HealthResponse } from '../shared/http';
import { submissionRoutes } from './records/routes';
import { reviewRoutes } from './records/review-routes';
import { actionRoutes } from './actions/routes';
import { deadlineRoutes } from './deadlines/routes';
import { pullRoutes } from './sync/routes';
import { assignmentRoutes } from './assignments/routes';
import { intelligenceImportRoutes } from './intelligence/import-route';
import { intelligenceRoutes } from './intelligence/routes';
import { escalationRoutes } from './escalations/routes';
import { providerImportRoutes } from './providers/import-route';
import { providerRoutes } from './providers/routes';
import { monitoringRoutes } from './providers/monitoring-routes';
import { templateRoutes } from './templates/routes';
import { reportRoutes } from './reports/routes';
import { userRoutes } from './users/routes';
import { APP_VERSION } from './version';
import { diskAttachmentStorage, type AttachmentStorage } from './evidence/storage';
import { attachmentRoutes } from './evidence/routes';
import { exportRoutes } from './reports/exports/routes';
import { withOpenApi } from './openapi/routes';

const route = routeDeclarer('meta');

z.config(en());

export interface AppOptions {
  db: Db;
  config: Config;
  now?: () => Date;
  /** Access and error log sink; defaults to stdout. */
  log?: (line: string) => void;
  /** Where attachment bytes are kept; defaults to `attachments/` in the data folder. */
  attachments?: AttachmentStorage;
}

const healthRoute = route('GET /api/health', 'public', {
  summary: 'Service health',
  responses: { 200: reply('Up, with the database kind and version', HealthResponse) },
  handler: (c, deps) => c.json({ status: 'ok', database: deps.db.kind, version: APP_VERSION } satisfies HealthResponse),
});

/** Every /api route, each declared once in its feature's routes module; the OpenAPI document describes exactly these. */
const API_ROUTES: readonly ApiRoute[] = withOpenApi([
  healthRoute,
  ...sessionRoutes,
  ...pullRoutes,
  ...submissionRoutes,
  ...attachmentRoutes,
  ...reviewRoutes,
  ...actionRoutes,
  ...deadlineRoutes,
  ...userRoutes,
  ...providerImportRoutes,
  ...intelligenceImportRoutes,
  ...providerRoutes,
  ...monitoringRoutes,
  ...intelligenceRoutes,
  ...escalationRoutes,
  ...assignmentRoutes,
  ...templateRoutes,
  ...reportRoutes,
  ...exportRoutes,
]);

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

export function createApp(options: AppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const deps: Deps = {
    db: options.db,
    config: options.config,
    now,
    log,
    limiter: new SignInLimiter(now),
    reference: new ReferenceCache(),
    sessions: new SessionCache(now),
    attachments: options.attachments ?? diskAttachmentStorage(join(options.config.dataDir, 'attachments')),
  };
  const app = new Hono<AppEnv>();

  app.use('*', accessLog(log));
  app.use('*', securityHeaders);
  // Static files are precompressed at build time (http/static.ts); only API answers are compressed here.
  app.use('/api/*', compressResponses());
  app.use('/api/*', apiRequestGuard(options.config.trustProxy, API_ROUTES));

  registerRoutes(app, deps, API_ROUTES);
  app.all('/api/*', () => {
    throw notFound('No such API route');
  });

  app.get('*', staticApp(options.config.staticDir));

  app.notFound((c) => {
    if (isApi(c.req.path)) return c.json(notFound('No such API route').body(), 404);
    return c.text('Not found', 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(err.body(), err.status);
    }
    // Name, code and stack only: driver errors can carry row values in `detail`, so that is left out.
    const code = (err as { code?: unknown }).code;
    log(
      `error ${c.req.method} ${isApi(c.req.path) ? 'api' : 'static'}: ${err.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${err.message}\n${err.stack ?? ''}`,
    );
    return c.json({ error: 'internal', message: 'Something went wrong on the server. Try again later.' }, 500);
  });

  return app;
}
