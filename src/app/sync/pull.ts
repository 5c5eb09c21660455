// Brings reference data onto the device from GET /api/sync/pull: templates, providers, and the
// briefings and assignments within this person's scope. The cursor is the server's, stored as
// given: the device clock never decides what is new. Scoped collections are trimmed to the
// `scope` lists on every pull, so withdrawn access removes the data from the device.
// Briefings, assignment notes and returned records are sealed under the signed-in person's key
// (issue 14) before the one transaction that applies a pull; while the app is locked nothing is
// pulled (the next sync after unlocking does it).
import { getValue, setValue } from '../storage/device-keyval';
import type { StoredSubmission } from '../../shared/records/schema';
import type { PullResponse } from '../../shared/sync/schema';
import { requestJson, type HttpResult } from '../lib/http';
import { db, type QaDatabase, type LocalRecord, type StoredRecord } from '../storage/database';
import { fromRecordBody, listedName } from '../records/record-body';
import { LockedError, unlockedUserId } from '../crypto/vault';
import { clearPart, editsOf, openRecord, sealedPartsOf } from '../records/sealed-record';
import { sealRecord } from '../records/record-seal';
import { sealAssignment, sealBriefing } from '../briefings/briefing-seal';
import { pulledSettings } from './settings';
import { CURSOR_KEY } from './sync-state';

/** Exported for retention (device/retention.ts), which forgets it with the reference data it named. */

export type PullOutcome =
  { result: 'done' } | { result: 'auth-required' } | { result: 'retry'; message: string; status: number | null };

export async function pullReferenceData(request: typeof requestJson = requestJson): Promise<PullOutcome> {
  if (unlockedUserId() === null) return { result: 'done' }; // locked: nothing could be stored
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
  // A returned record left out of this pull (another write changed it meanwhile) is sent again
  // only from the cursor before this one, so the cursor moves on only when none was.
  if (await applyPull(parsed.data)) await setValue(CURSOR_KEY, parsed.data.cursor);
  return { result: 'done' };
}

/**
 * Applies one pull in a single transaction, so the device never holds half of one. False when a
 * returned record was left for the next pull (applyReturned); the pull's cursor must then not be kept.
 */
export async function applyPull(data: PullResponse): Promise<boolean> {
  const database = db();
  const ownerId = unlockedUserId();
  if (ownerId === null) throw new LockedError();
  // Sealed first: no WebCrypto promise is awaited inside the transaction.
  const briefings = await Promise.all(data.briefings.map((b) => sealBriefing(ownerId, b)));
  const assignments = await Promise.all(data.assignments.map((a) => sealAssignment(ownerId, a)));
  const returned = await prepareReturned(database, ownerId, data.returned);
  const tables = [
    database.templates,
    database.providers,
    database.briefings,
    database.assignments,
    database.records,
    database.summaries,
  ];
  let complete = true;
  await database.transaction('rw', tables, async () => {
    // Templates are kept even when withdrawn: a draft started on one must stay completable.
    await database.templates.bulkPut(data.templates);
    if (data.full) await database.providers.clear();
    await database.providers.bulkPut(data.providers);
    await database.providers.bulkDelete(data.removed.providers);

    await database.briefings.bulkPut(briefings);
    const briefingScope = new Set(data.scope.briefings);
    await database.briefings.filter((b) => !briefingScope.has(b.providerId)).delete();
    await database.assignments.bulkPut(assignments);
    const assignmentScope = new Set(data.scope.assignments);
    await database.assignments.filter((a) => !assignmentScope.has(a.id)).delete();
    complete = await applyReturned(database, data.scope.returned ?? data.returned.map((r) => r.id), returned);
  });
  await pulledSettings({
    pinned: data.pinned,
    briefingStaleDays: data.settings.briefingStaleDays,
    devicePolicy: data.settings.devicePolicy,
    deadlines: data.settings.deadlines,
  });
  return complete;
}

/** A returned record's row, sealed before the transaction from the row it replaces (`from`: its edits, null when none). */
type Prepared = { id: string; from: number | null; row: StoredRecord; reviewOnly: boolean };

/**
 * Seals what applyReturned writes: the server's copy of a record this device no longer holds (or
 * holds as sent, older), or, for a draft being amended, only the new review (its comment sealed
 * in the head). This person's records only: another person's key is not in memory.
 */
async function prepareReturned(
  database: QaDatabase,
  ownerId: string,
  returned: StoredSubmission[],
): Promise<Prepared[]> {
  const mine = returned.filter((r) => r.submitterId === ownerId);
  const locals = await database.records.bulkGet(mine.map((r) => r.id));
  const prepared: Prepared[] = [];
  for (const [at, stored] of mine.entries()) {
    const local = locals[at];
    if (local && local.ownerId !== ownerId) continue;
    if (local && (local.status !== 'sent' || local.revision > stored.revision)) {
      const record = { ...(await openRecord(local)), review: stored.review };
      const { row } = await sealRecord(record, editsOf(local) + 1);
      prepared.push({ id: stored.id, from: editsOf(local), row, reviewOnly: true });
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
    const { row } = await sealRecord(record, (local ? editsOf(local) : 0) + 1);
    prepared.push({ id: stored.id, from: local ? editsOf(local) : null, row, reviewOnly: false });
  }
  return prepared;
}

/**
 * Records returned for amendment: shown with the reviewer's comment. A record this device no
 * longer holds (a wiped shared tablet) comes back from the server's copy; a draft being amended
 * is never overwritten. Records not in `returnedNow` (every id returned now; the server sends a
 * whole record only after a new decision on it) lose the flag. A record another write changed
 * since it was prepared is left for the next pull: false then, and the caller keeps the old cursor.
 */
async function applyReturned(database: QaDatabase, returnedNow: string[], prepared: Prepared[]): Promise<boolean> {
  const listed = new Set(returnedNow);
  // Found from the summaries (small rows), not by reading every whole record on every pull.
  const unflagged = (await database.summaries
    .filter((r) => r.review !== null && r.review.status === 'returned' && !listed.has(r.id))
    .primaryKeys()) as string[];
  await database.records
    .where('id')
    .anyOf(unflagged)
    .filter((r) => r.review !== null && r.review.status === 'returned')
    .modify((r) => {
      r.review = null;
      r.edits = (r.edits ?? 0) + 1; // a draft's writer prepared on the row before must see it changed
    });
  let complete = true;
  for (const { id, from, row, reviewOnly } of prepared) {
    const fresh = await database.records.get(id);
    if (from === null ? fresh !== undefined : fresh === undefined || editsOf(fresh) !== from) {
      complete = false;
      continue;
    }
    if (reviewOnly && fresh) {
      await database.records.put({ ...clearPart(fresh), review: row.review, ...sealedPartsOf(row) });
    } else {
      await database.records.put(row);
    }
  }
  return complete;
}
