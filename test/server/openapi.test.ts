// GET /api/openapi.json (src/server/openapi): readable without a session, a valid OpenAPI 3.1
// document whose every $ref resolves, and describing exactly the /api routes the Hono app
// registers. The document is generated from the route declarations (src/server/http/route.ts)
// that app.ts registers, so a route added to Hono outside them fails here, and so would a
// declaration the app stopped registering.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/sessions';
import { type App, call, makeApp, openTestDb, type TestDb } from './helpers';

type Json = { [key: string]: unknown };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let testDb: TestDb;
let app: App;
let doc: Json;

beforeAll(async () => {
  testDb = await openTestDb('pglite');
  app = makeApp(testDb.db);
  const res = await call(app, '/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = res.json as Json;
});

afterAll(async () => {
  await testDb.dispose();
});

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "GET /api/submissions/{id}" for every route the app registers under /api (middleware and the catch-all left out). */
function registeredRoutes(target: App): Set<string> {
  const out = new Set<string>();
  for (const route of target.routes) {
    if (!route.path.startsWith('/api/') || route.path === '/api/*' || route.method === 'ALL') continue;
    out.add(`${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  }
  return out;
}

function documentedRoutes(document: Json): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const method of Object.keys(item as Json))
      if (METHODS.includes(method)) out.add(`${method.toUpperCase()} ${path}`);
  }
  return out;
}

function routeDiff(documented: Set<string>, registered: Set<string>) {
  return {
    undocumented: [...registered].filter((r) => !documented.has(r)).sort(),
    notRegistered: [...documented].filter((r) => !registered.has(r)).sort(),
  };
}

/** Every value of a `$ref` key anywhere in the document. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) refs(child, out);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refs(value, out);
    }
  }
  return out;
}

function resolvePointer(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

describe('GET /api/openapi.json', () => {
  it('is served without signing in and is the same document every time', async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const again = await call(makeApp(testDb.db), '/api/openapi.json');
    expect(again.json).toEqual(doc);
  });

  it('passes the OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is structurally sound: info, responses on every operation, unique operation ids, every $ref resolves', () => {
    const info = doc.info as Json;
    expect(typeof info.title).toBe('string');
    expect(typeof info.version).toBe('string');
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      expect(path).toMatch(/^\/api\//);
      const operations = Object.entries(item as Json).filter(([method]) => METHODS.includes(method));
      expect(operations.length, path).toBeGreaterThan(0);
      for (const [method, op] of operations) {
        const responses = (op as Json).responses;
        expect(isObject(responses) && Object.keys(responses).length > 0, `${method} ${path} has responses`).toBe(true);
        ids.push(String((op as Json).operationId));
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((ref) => resolvePointer(doc, ref) === undefined)).toEqual([]);
  });

  it('describes auth as the session cookie, and errors as the contract ErrorBody', () => {
    const components = doc.components as Json;
    expect(components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }),
    });
    const errorBody = (components.schemas as Json).ErrorBody as Json;
    expect(errorBody.required).toEqual(['error', 'message']);
    const put = ((doc.paths as Json)['/api/submissions/{id}'] as Json).put as Json;
    const conflict = (put.responses as Json)['409'] as Json;
    expect(conflict.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } });
    expect(((doc.paths as Json)['/api/health'] as Json).get).toMatchObject({ security: [] });
  });

  it('documents exactly the /api routes the app registers', () => {
    const registered = registeredRoutes(app);
    expect(registered.size).toBeGreaterThan(20);
    expect(routeDiff(documentedRoutes(doc), registered)).toEqual({ undocumented: [], notRegistered: [] });
  });

  it('would notice an undocumented route and a row for a route that is gone', () => {
    const extra = makeApp(testDb.db);
    extra.get('/api/undocumented/:id', (c) => c.body(null, 204));
    const registered = registeredRoutes(extra);
    registered.delete('GET /api/health');
    expect(routeDiff(documentedRoutes(doc), registered)).toEqual({
      undocumented: ['GET /api/undocumented/{id}'],
      notRegistered: ['GET /api/health'],
    });
  });
});
