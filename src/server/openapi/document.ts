// Builds the OpenAPI 3.1 document from the route declarations (http/route.ts) the app registers.
// Schemas come from the shared zod/mini schemas through zod's own converter (z.toJSONSchema, which
// takes zod/mini schemas): every body schema is put in one registry under a name and the registry
// is converted in a single pass, so a schema inside another becomes a $ref into components/schemas
// rather than a copy. io 'input' describes what the server accepts (optional keys stay optional,
// no additionalProperties:false, which is also the lenient reading for responses); unrepresentable
// 'any' keeps a schema zod cannot express (none today) from failing the whole document.
import * as z from 'zod/mini';
import { SESSION_COOKIE } from '../auth/sessions';
import type { ApiRoute, Body, JsonSchema, Method, Tag } from '../http/route';
import { APP_VERSION } from '../version';
import { NAMED_SCHEMAS } from './components';

const SCHEMA_REF = '#/components/schemas/';
const ERROR_RESPONSE_REF = '#/components/responses/Error';
const SECURITY_SCHEME = 'sessionCookie';
const MUTATING = new Set<Method>(['post', 'put', 'patch', 'delete']);
const CONVERT = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;

const TAGS: Record<Tag, string> = {
  meta: 'Service health and this document',
  session: 'Signing in and out (the session cookie)',
  sync: 'Reference data for offline use',
  records: 'Visit, observation and audit records, and their review',
  attachments: 'Photos and signatures, stored under their SHA-256',
  actions: 'The action tracker and deadlines',
  providers: 'The provider register, intelligence and briefings',
  assignments: 'Visit assignments and pinned providers',
  admin: 'People and templates (QA manager)',
  reports: 'Office reports: the quarterly QA report and provider histories',
};

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Hono's `/api/submissions/:id` in OpenAPI form, `/api/submissions/{id}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** `put /api/submissions/{id}` → putSubmissionsById. */
export function operationId(method: Method, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.]/)
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return (param ? `by-${param[1]}` : segment).split('-').map(capital).join('');
    });
  return method + words.join('');
}

/** Names each body schema once; unnamed ones get a name from their route. */
class SchemaRegistry {
  private readonly registry = z.registry<{ id: string }>();

  constructor() {
    for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) this.registry.add(schema, { id });
  }

  ref(schema: z.ZodMiniType, fallbackName: string): JsonSchema {
    let id = this.registry.get(schema)?.id;
    if (id === undefined) {
      id = fallbackName;
      this.registry.add(schema, { id });
    }
    return { $ref: SCHEMA_REF + id };
  }

  /** Every registered schema as JSON Schema, with zod's per-schema $schema/$id dropped (the document sets the dialect). */
  components(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, { ...CONVERT, uri: (id) => SCHEMA_REF + id });
    return Object.fromEntries(
      Object.entries(schemas).map(([id, schema]) => {
        const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
        return [id, rest];
      }),
    );
  }
}

function content(body: Body, registry: SchemaRegistry, fallbackName: string): Record<string, { schema: JsonSchema }> {
  if (body.kind === 'json') return { 'application/json': { schema: registry.ref(body.schema, fallbackName) } };
  return Object.fromEntries(Object.entries(body.media).map(([type, schema]) => [type, { schema }]));
}

/** An object schema's keys as JSON Schema, and which are required. */
function fields(schema: z.ZodMiniObject | undefined): { properties: Record<string, JsonSchema>; required: string[] } {
  if (schema === undefined) return { properties: {}, required: [] };
  const converted = z.toJSONSchema(schema, CONVERT) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return { properties: converted.properties ?? {}, required: converted.required ?? [] };
}

function parameters(route: ApiRoute): JsonSchema[] {
  const names = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => name!);
  const params = fields(route.params);
  const stray = Object.keys(params.properties).filter((name) => !names.includes(name));
  if (stray.length > 0) throw new Error(`OpenAPI: ${route.path} declares params not in its path: ${stray.join(', ')}`);
  const out: JsonSchema[] = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: params.properties[name] ?? { type: 'string' },
  }));
  const query = fields(route.query);
  for (const [name, schema] of Object.entries(query.properties)) {
    out.push({ name, in: 'query', required: query.required.includes(name), schema });
  }
  return out;
}

/** Error statuses: defaults from access and body kind, then the route's own; 403 reasons are joined. */
function errorDescriptions(route: ApiRoute): Map<number, string> {
  const out = new Map<number, string>();
  if (route.access !== 'public') out.set(401, 'Not signed in');
  if (route.body?.kind === 'json') {
    out.set(400, 'The body is not valid JSON');
    out.set(413, 'The body is over the size limit');
    out.set(415, 'The body is not sent as application/json');
    out.set(422, 'The body is not valid; issues lists each problem');
  }
  const forbidden = [
    route.errors?.[403],
    typeof route.access === 'object' ? `Only for the ${route.access.join(' and ')} roles` : undefined,
    MUTATING.has(route.method) ? 'A cross-origin request' : undefined,
  ].filter((reason) => reason !== undefined);
  for (const [status, description] of Object.entries(route.errors ?? {})) out.set(Number(status), description);
  if (forbidden.length > 0) out.set(403, forbidden.join('; '));
  return out;
}

function operation(route: ApiRoute, registry: SchemaRegistry): JsonSchema {
  const id = operationId(route.method, openApiPath(route.path));
  const responses: Record<string, JsonSchema> = {};
  for (const [status, reply] of Object.entries(route.responses)) {
    responses[status] =
      reply.body === undefined
        ? { description: reply.description }
        : { description: reply.description, content: content(reply.body, registry, `${capital(id)}${status}`) };
  }
  for (const [status, description] of [...errorDescriptions(route)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description,
      content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ErrorBody` } } },
    };
  }
  responses.default = { $ref: ERROR_RESPONSE_REF };
  const params = parameters(route);
  return {
    operationId: id,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(params.length === 0 ? {} : { parameters: params }),
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            ...(route.body.kind === 'raw' ? { description: route.body.description } : {}),
            content: content(route.body, registry, `${capital(id)}Request`),
          },
        }),
    responses,
  };
}

export function buildDocument(routes: readonly ApiRoute[]): JsonSchema {
  const registry = new SchemaRegistry();
  registry.ref(NAMED_SCHEMAS.ErrorBody!, 'ErrorBody');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const item = (paths[path] ??= {});
    if (item[route.method] !== undefined) throw new Error(`OpenAPI: ${route.method} ${path} is declared twice`);
    item[route.method] = operation(route, registry);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'QA Visits API',
      version: APP_VERSION,
      description:
        'Sync contract version 1 (docs/sync-contract.md). Every error body is an ErrorBody. Sign in with POST /api/session.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas: registry.components(),
      responses: {
        Error: {
          description: 'Any other error, e.g. 500 internal',
          content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ErrorBody` } } },
        },
      },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'HttpOnly session cookie set by POST /api/session',
        },
      },
    },
  };
}
