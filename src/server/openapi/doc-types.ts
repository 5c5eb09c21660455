// The shape of one row of the route table (routes-doc.ts) and small helpers to write rows tersely.
// A row says what a route takes and answers; document.ts turns rows into OpenAPI operations.
import type * as z from 'zod/mini';
import type { Role } from '../../shared/schemas';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type JsonSchema = { [key: string]: unknown };

/** A JSON body described by a zod schema, or a non-JSON body (CSV, image bytes) by media type. */
export type Body =
  { kind: 'json'; schema: z.ZodMiniType } | { kind: 'raw'; description: string; media: Record<string, JsonSchema> };

export interface Reply {
  description: string;
  body?: Body;
}

export interface RouteDoc {
  method: Method;
  /** OpenAPI form: `/api/submissions/{id}`. */
  path: string;
  summary: string;
  tag: string;
  description?: string;
  /** 'public' needs no session; 'signed-in' any session; a role list is what requireRole lets through. */
  access: 'public' | 'signed-in' | readonly Role[];
  /** Schemas of path parameters; any not listed is a plain string. */
  params?: Record<string, JsonSchema>;
  /** Query parameters as a zod object: one parameter per key, required unless optional. */
  query?: z.ZodMiniObject;
  body?: Body;
  /** Success responses by status. */
  ok: Record<number, Reply>;
  /** Error responses (all with the ErrorBody), by status. 401 and 403 are added from `access`. */
  errors?: Record<number, string>;
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
