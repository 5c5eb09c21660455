// Brings reference data (templates, providers) onto the device from GET /api/sync/pull.
// The cursor is the server's, stored as given: the device clock never decides what is new.
import { get, set } from 'idb-keyval';
import { PullResponse } from '../../shared/schemas';
import { requestJson, type HttpResult } from '../net/http';
import { db } from '../storage/database';

const CURSOR_KEY = 'pull-cursor';

export type PullOutcome =
  | { result: 'done' }
  | { result: 'auth-required' }
  | { result: 'retry'; message: string; status: number | null };

export async function pullReferenceData(request: typeof requestJson = requestJson): Promise<PullOutcome> {
  const cursor = (await get<string>(CURSOR_KEY)) ?? '';
  let response: HttpResult = await request('GET', `/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (response.kind === 'response' && response.status === 400 && cursor) {
    // The server no longer understands our cursor (e.g. a restored database): start again in full.
    response = await request('GET', '/api/sync/pull');
  }
  if (response.kind === 'network-error') return { result: 'retry', message: response.message, status: null };
  if (response.status === 401) return { result: 'auth-required' };
  if (response.status !== 200) return { result: 'retry', message: `The server answered ${response.status}`, status: response.status };
  const parsed = PullResponse.safeParse(response.body);
  if (!parsed.success) return { result: 'retry', message: 'The server sent reference data this version cannot read', status: 200 };
  const data = parsed.data;
  const database = db();
  await database.transaction('rw', database.templates, database.providers, async () => {
    if (data.full) {
      // Templates are kept even when withdrawn: a draft started on one must stay completable.
      await database.providers.clear();
    }
    await database.templates.bulkPut(data.templates);
    await database.providers.bulkPut(data.providers);
    await database.providers.bulkDelete(data.removed.providers);
  });
  await set(CURSOR_KEY, data.cursor);
  return { result: 'done' };
}
