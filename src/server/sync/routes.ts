// GET /api/sync/pull: reference data for offline use since a cursor (docs/sync-contract.md; see ./pull.ts).
// No cursor, or an empty one, asks for a full snapshot; a cursor this server cannot read is 400,
// and the device pulls again without one.
import * as z from 'zod/mini';
import { PullResponse } from '../../shared/sync/schema';
import { badRequest } from '../http/errors';
import { routeDeclarer, reply, type ApiRoute } from '../http/route';
import { type Cursor, decodeCursor } from './cursor';
import { pull } from './pull';

const route = routeDeclarer('sync');

export const pullRoutes: readonly ApiRoute[] = [
  route('GET /api/sync/pull', 'signed-in', {
    summary: 'Pull reference data since a cursor',
    query: z.object({ cursor: z.optional(z.string()) }),
    responses: {
      200: reply('Changes and the next cursor (no cursor: a full snapshot)', PullResponse),
      400: 'The cursor is not valid; pull again without one',
    },
    handler: async (c, deps) => {
      const raw = c.req.query('cursor');
      let since: Cursor | null = null;
      if (raw !== undefined && raw !== '') {
        since = decodeCursor(raw);
        if (since === null) throw badRequest('The sync cursor is not valid; pull again without one');
      }
      return c.json(await pull(deps, c.get('user'), since));
    },
  }),
];
