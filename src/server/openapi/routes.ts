// GET /api/openapi.json: the OpenAPI 3.1 description of the API, readable without signing in (it
// describes shapes, never data). The document depends on nothing per app or per request, so it is
// built on first use and the same JSON text is served from then on.
import type { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/env';
import { buildDocument } from './document';
import { OPENAPI_PATH } from './routes-doc';

let cached: string | null = null;

export function openApiJson(): string {
  cached ??= JSON.stringify(buildDocument());
  return cached;
}

export function registerOpenApiRoute(app: Hono<AppEnv>, _deps: Deps): void {
  app.get(OPENAPI_PATH, (c) => c.body(openApiJson(), 200, { 'Content-Type': 'application/json; charset=utf-8' }));
}
