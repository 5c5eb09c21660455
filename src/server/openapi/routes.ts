// GET /api/openapi.json: the OpenAPI 3.1 description of the API, readable without signing in (it
// describes shapes, never data), built from the same route declarations the app registers. The
// document depends on nothing per app or per request, so it is built on first use and the same
// JSON text is served from then on.
import { routeDeclarer, raw, type ApiRoute } from '../http/route';
import { buildDocument } from './document';

const route = routeDeclarer('meta');

const OPENAPI_PATH = '/api/openapi.json';

/** `routes` and the route serving their document, which describes itself too. */
export function withOpenApi(routes: readonly ApiRoute[]): readonly ApiRoute[] {
  let text: string | null = null;
  const all: ApiRoute[] = [...routes];
  all.push(
    route(`GET ${OPENAPI_PATH}`, 'public', {
      summary: 'This OpenAPI 3.1 document',
      responses: {
        200: { description: 'The document', body: raw('OpenAPI 3.1', ['application/json'], { type: 'object' }) },
      },
      handler: (c) => {
        text ??= JSON.stringify(buildDocument(all));
        return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8' });
      },
    }),
  );
  return all;
}
