// One /api route, declared once: method, path (Hono syntax), who may call it, the zod schemas of
// what it takes (path parameters, query, body) and answers, and its handler. app.ts registers the
// declarations with Hono and openapi/document.ts describes the same declarations, so a route
// cannot be served undocumented or documented differently. Handlers validate their own input
// (with the declared schemas) because the contract fixes the order of checks (401, 413, 400, 422);
// the helpers at the end (validBody, valid, validQuery) are the checks they share. CSV imports are
// declared through http/csv-import.ts.
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { toIssues } from '../../shared/records/record-rules';
import type { Role } from '../../shared/auth/schema';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { readJsonBody } from './body';
import type { AppContext, AppEnv, Deps } from './env';
import { badRequest, invalid } from './errors';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type JsonSchema = { [key: string]: unknown };

/** The document's tags; their descriptions are in openapi/document.ts. */
export type Tag =
  | 'meta'
  | 'session'
  | 'sync'
  | 'records'
  | 'attachments'
  | 'actions'
  | 'providers'
  | 'assignments'
  | 'admin'
  | 'reports';

/** A JSON body described by a zod schema, or a non-JSON body (CSV, image bytes) by media type. */
export type Body =
  { kind: 'json'; schema: z.ZodMiniType } | { kind: 'raw'; description: string; media: Record<string, JsonSchema> };

export interface Reply {
  description: string;
  body?: Body;
}

/** A handler's context: `c.req.param('id')` is typed from the route's path. */
export type RouteContext<P extends string> = Context<AppEnv, P>;

export interface ApiRoute<P extends string = string> {
  method: Method;
  /** Hono syntax: `/api/submissions/:id` (the document writes `{id}`). */
  path: P;
  summary: string;
  tag: Tag;
  description?: string;
  /** 'public' needs no session; 'signed-in' any session; a role list is what requireRole lets through. */
  access: 'public' | 'signed-in' | readonly Role[];
  /** Path parameters, one key each; a parameter not listed is a plain string. */
  params?: z.ZodMiniObject;
  /** Query parameters: one per key, required unless optional. */
  query?: z.ZodMiniObject;
  body?: Body;
  /** Success responses by status. */
  responses: Record<number, Reply>;
  /** Error responses (all with the ErrorBody), by status. 401 and 403 are added from `access`, 400/413/415/422 for JSON bodies. */
  errors?: Record<number, string>;
  handler: (c: RouteContext<P>, deps: Deps) => Response | Promise<Response>;
}

export type Access = ApiRoute['access'];

/** `GET /api/submissions/:id` → `/api/submissions/:id`. */
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : string;

/** What a feature writes for one route; method, path, tag and access come from the declarer's arguments. */
export type RouteDeclaration<P extends string> = Omit<
  ApiRoute<P>,
  'method' | 'path' | 'tag' | 'access' | 'responses' | 'errors'
> & {
  /** Each status the route answers: a Reply for a success, the reason for an error (sent as the ErrorBody). */
  responses: Record<number, Reply | string>;
};

/**
 * The declarer of one tag's routes, as a feature's routes module writes them:
 * `route('GET /api/actions', 'signed-in', { summary, query, responses, handler })`. The handler's
 * path parameters are typed from the key.
 */
export function routeDeclarer(tag: Tag) {
  return <K extends `${Uppercase<Method>} /api/${string}`>(
    key: K,
    access: Access,
    declaration: RouteDeclaration<PathOf<K>>,
  ): ApiRoute => {
    const [method, path] = key.split(' ') as [Uppercase<Method>, string];
    const { responses: statuses, ...rest } = declaration;
    const responses: Record<number, Reply> = {};
    const errors: Record<number, string> = {};
    for (const [status, answer] of Object.entries(statuses)) {
      if (typeof answer === 'string') errors[Number(status)] = answer;
      else responses[Number(status)] = answer;
    }
    const route = { ...rest, method: method.toLowerCase() as Method, path, tag, access, responses };
    // A handler typed for its own path serves any path Hono matched to it.
    return (Object.keys(errors).length > 0 ? { ...route, errors } : route) as unknown as ApiRoute;
  };
}

export const json = (schema: z.ZodMiniType): Body => ({ kind: 'json', schema });

export const reply = (description: string, schema?: z.ZodMiniType): Reply =>
  schema === undefined ? { description } : { description, body: json(schema) };

/** A body sent as-is: text (CSV) or bytes (images), one schema per accepted media type. */
export function raw(description: string, types: readonly string[], schema: JsonSchema): Body {
  return {
    kind: 'raw',
    description,
    media: Object.fromEntries(types.map((type) => [type, { ...schema, contentMediaType: type }])),
  };
}

/** A CSV body or download, documented with its columns. */
export const csv = (columns: readonly string[], what: string): Body =>
  raw(`${what} as CSV (UTF-8, header row first). Columns: ${columns.join(', ')}`, ['text/csv'], { type: 'string' });

/** Registers each declaration: the session and role checks its `access` asks for, then the handler. */
export function registerRoutes(app: Hono<AppEnv>, deps: Deps, routes: readonly ApiRoute[]): void {
  const signedIn = requireUser(deps);
  for (const route of routes) {
    const method = route.method.toUpperCase();
    const handle = (c: AppContext) => route.handler(c, deps);
    if (route.access === 'public') app.on(method, route.path, handle);
    else if (route.access === 'signed-in') app.on(method, route.path, signedIn, handle);
    else app.on(method, route.path, signedIn, requireRole(...route.access), handle);
  }
}

/** The JSON body under `limit` bytes, parsed with `schema`: 413 / 400 / 422 (issues listed) otherwise. */
export async function validBody<S extends z.ZodMiniType>(
  c: AppContext,
  schema: S,
  limit: number,
): Promise<z.output<S>> {
  return valid(schema, await readJsonBody(c, limit));
}

/** A body already read (by a handler whose other checks come between), parsed with `schema`: 422 (issues listed) otherwise. */
export function valid<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
  return parsed.data;
}

/** The query string parsed with `schema` (the first value of each key); 400 with `message` otherwise. */
export function validQuery<S extends z.ZodMiniType>(c: AppContext, schema: S, message: string): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw badRequest(message);
  return parsed.data;
}
