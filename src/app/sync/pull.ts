// Brings reference data onto the device from GET /api/sync/pull: templates, providers, and the
// briefings and assignments within this person's scope. The cursor is the server's, stored as
// given: the device clock never decides what is new. Scoped collections are trimmed to the
// `scope` lists on every pull, so withdrawn access removes the data from the device.
import { getValue, setValue } from '../storage/device-keyval';
import type { StoredSubmission } from '../../shared/records/schema';
import type { PullResponse } from '../../shared/sync/schema';
import { requestJson, type HttpResult } from '../lib/http';
import { db, type QaDatabase, type LocalRecord } from '../storage/database';
import { fromRecordBody, listedName } from '../records/record-body';
import { pulledSettings } from './settings';

const CURSOR_KEY = 'pull-cursor';

export type PullOutcome =
  { result: 'done' } | { result: 'auth-required' } | { result: 'retry'; message: string; status: number | null };

export async function pullReferenceData(request: typeof requestJson = requestJson): Promise<PullOutcome> {
  const cursor = (await getValue<string>(CURSOR_KEY)) ?? '';
  let response: HttpResult = await request(
    'GET',
    `/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  if (response.kind === 'response' && response.status === 400 && cursor) {
    // The server no longer understands our cursor (e.g. a restored database): start again in full.
    response = await request('GET', '/api/sync/pull');
  }
  if (response.kind === 'network-error') return { result: 'retry', message: response.message, status: null };
  if (response.status === 401) return { result: 'auth-required' };
  if (response.status !== 200)
    return { result: 'retry', message: `The server answered ${response.status}`, status: response.status };
  const { PullResponse } = await import('../../shared/sync/schema');
  const parsed = PullResponse.safeParse(response.body);
  if (!parsed.success)
    return { result: 'retry', message: 'The server sent reference data this version cannot read', status: 200 };
  await applyPull(parsed.data);
  await setValue(CURSOR_KEY, parsed.data.cursor);
  return { result: 'done' };
}

/** Applies one pull in a single transaction, so the device never holds half of one. */
export async function applyPull(data: PullResponse): Promise<void> {
  const database = db();
  const tables = [database.templates, database.providers, database.briefings, database.assignments, database.records];
  await database.transaction('rw', tables, async () => {
    // Templates are kept even when withdrawn: a draft started on one must stay completable.
    await database.templates.bulkPut(data.templates);
    if (data.full) await database.providers.clear();
    await database.providers.bulkPut(data.providers);
    await database.providers.bulkDelete(data.removed.providers);

    await database.briefings.bulkPut(data.briefings);
    const briefingScope = new Set(data.scope.briefings);
    await database.briefings.filter((b) => !briefingScope.has(b.providerId)).delete();
    await database.assignments.bulkPut(data.assignments);
    const assignmentScope = new Set(data.scope.assignments);
    await database.assignments.filter((a) => !assignmentScope.has(a.id)).delete();
    await applyReturned(database, data.returned);
  });
  await pulledSettings({ pinned: data.pinned, briefingStaleDays: data.settings.briefingStaleDays });
}

/**
 * Records returned for amendment: shown with the reviewer's comment. A record this device no
 * longer holds (a wiped shared tablet) comes back from the server's copy; a draft being amended
 * is never overwritten. Records no longer returned lose the flag.
 */
async function applyReturned(database: QaDatabase, returned: StoredSubmission[]): Promise<void> {
  const listed = new Set(returned.map((r) => r.id));
  await database.records
    .filter((r) => r.review !== null && r.review.status === 'returned' && !listed.has(r.id))
    .modify({ review: null });
  for (const stored of returned) {
    const local = await database.records.get(stored.id);
    if (local && (local.status !== 'sent' || local.revision > stored.revision)) {
      await database.records.update(stored.id, { review: stored.review });
      continue;
    }
    const { body } = stored;
    const provider = body.kind === 'visit' ? await database.providers.get(body.details.providerId) : undefined;
    const record: LocalRecord = {
      ...fromRecordBody(body),
      ownerId: stored.submitterId,
      status: 'sent',
      subjectName: listedName(body, provider?.name),
      review: stored.review,
      updatedAt: local?.updatedAt ?? Date.now(),
      receivedAt: stored.receivedAt,
      problem: null,
    };
    await database.records.put(record);
  }
}
