// Builds the OpenAPI 3.1 document from the route table. Schemas come from the shared zod/mini
// schemas through zod's own converter (z.toJSONSchema, which takes zod/mini schemas): every body
// schema is put in one registry under a name and the registry is converted in a single pass, so a
// schema inside another becomes a $ref into components/schemas rather than a copy. io 'input'
// describes what the server accepts (optional keys stay optional, no additionalProperties:false,
// which is also the lenient reading for responses); unrepresentable 'any' keeps a schema zod cannot
// express (none today) from failing the whole document.
import * as z from 'zod/mini';
import { SESSION_COOKIE } from '../auth/sessions';
import { APP_VERSION } from '../version';
import { NAMED_SCHEMAS } from './components';
import type { Body, JsonSchema, RouteDoc } from './doc-types';
import { ROUTES, TAGS } from './routes-doc';

const SCHEMA_REF = '#/components/schemas/';
const ERROR_RESPONSE_REF = '#/components/responses/Error';
const SECURITY_SCHEME = 'sessionCookie';
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const CONVERT = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `put /api/submissions/{id}` → putSubmissionsById. */
export function operationId(route: Pick<RouteDoc, 'method' | 'path'>): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .split(/[/.]/)
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return (param ? `by-${param[1]}` : segment).split('-').map(capital).join('');
    });
  return route.method + words.join('');
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

function parameters(route: RouteDoc): JsonSchema[] {
  const out: JsonSchema[] = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: route.params?.[name!] ?? { type: 'string' },
  }));
  if (route.query !== undefined) {
    const converted = z.toJSONSchema(route.query, CONVERT) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(converted.properties ?? {})) {
      out.push({ name, in: 'query', required: converted.required?.includes(name) ?? false, schema });
    }
  }
  return out;
}

/** Error statuses: defaults from access and body kind, then the route's own; 403 reasons are joined. */
function errorDescriptions(route: RouteDoc): Map<number, string> {
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

function operation(route: RouteDoc, registry: SchemaRegistry): JsonSchema {
  const id = operationId(route);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, reply] of Object.entries(route.ok)) {
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

export function buildDocument(routes: readonly RouteDoc[] = ROUTES): JsonSchema {
  const registry = new SchemaRegistry();
  registry.ref(NAMED_SCHEMAS.ErrorBody!, 'ErrorBody');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method] !== undefined) throw new Error(`OpenAPI: ${route.method} ${route.path} is described twice`);
    item[route.method] = operation(route, registry);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'QA Visits API',
      version: APP_VERSION,
      description:
        'Sync contract version 1 (DESIGN.md §4). Every error body is an ErrorBody. Sign in with POST /api/session.',
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
