// GET /api/sync/pull: reference data for offline use since a cursor (docs/sync-contract.md; see ./pull.ts).
// No cursor, or an empty one, asks for a full snapshot; a cursor this server cannot read is 400,
// and the device pulls again without one. POST /api/sync/receipts: which of the person's sent
// records this server no longer holds (./receipts.ts), so the device sends them again.
import * as z from 'zod/mini';
import { PullResponse } from '../../shared/sync/schema';
import { RECEIPTS_LIMIT_BYTES, RECEIPTS_MAX, ReceiptsRequest, ReceiptsResponse } from '../../shared/sync/receipts';
import { badRequest, forbidden } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { type Cursor, decodeCursor } from './cursor';
import { pull } from './pull';
import { missingReceipts, SERVER_INSTANCE } from './receipts';

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
      return c.json({ ...(await pull(deps, c.get('user'), since)), server: SERVER_INSTANCE } satisfies PullResponse);
    },
  }),
  route('POST /api/sync/receipts', 'signed-in', {
    summary: 'Which of my sent records the server does not hold',
    description: `The device lists the records it holds as sent (at most ${RECEIPTS_MAX} a request) and sends again each one answered as missing. A revision is held when it, or a later revision of the same record, is stored as this person's. Only about the session's own records: \`person\` must be the signed-in person.`,
    body: json(ReceiptsRequest),
    responses: {
      200: reply('The asked revisions the server does not hold, in the order asked', ReceiptsResponse),
      403: 'person is not the signed-in person',
    },
    handler: async (c, deps) => {
      const asked = await validBody(c, ReceiptsRequest, RECEIPTS_LIMIT_BYTES);
      const user = c.get('user');
      if (asked.person !== user.id) throw forbidden('You can only ask about your own records');
      const missing = await missingReceipts(deps.db, user.id, asked.records);
      return c.json({ missing, server: SERVER_INSTANCE } satisfies ReceiptsResponse);
    },
  }),
];
