// Retention on the device (issue 14), by the council's device policy (sync/settings.ts):
// - a sent record goes `sentRetentionDays` after the council received it (receivedAt), with the
//   photos and signatures no other record on the device names — unless it was returned for
//   amendment (its review set, or listed as returned by the last pull: the review may be sealed),
//   or is no longer plain 'sent' (an amendment in progress is a draft);
// - briefings, providers and assignments go when the device has not refreshed them (a successful
//   pull) for `referenceRetentionDays`; the pull cursor goes with them, so the next pull is full;
// - templates stay: they are the council's public forms, hold no personal data, and unsent drafts
//   cannot be finished without them;
// - unsent work (drafts, queued, needing attention, anyone's) is never removed here.
// It reads only fields kept in clear (status, dates, ids), so it can run before the app is
// unlocked: at app start and after each pull.
import { db } from '../storage/database';
import { deleteValue, getValue, setValue } from '../storage/device-keyval';
import { storedDevicePolicy } from '../sync/settings';
import { CURSOR_KEY, LAST_SYNC_KEY } from '../sync/sync-state';
import type { DevicePolicy } from '../../shared/auth/schema';
import { calendarDay } from '../../shared/calendar';
import { deleteUnnamedFiles } from './kept-files';

const DAY_MS = 86_400_000;
const DATABASE_NAME = 'qa-visits';

/** When the reference data was last refreshed (ms): set after each successful pull. */
export const REFERENCE_REFRESHED_KEY = 'reference-refreshed-at';
/** The ids of this person's records returned for amendment, as the last pull listed them. */
export const RETURNED_KEY = 'returned-record-ids';

/** What retention reads of a stored record: clear fields only (a sealed row has no `review`). */
type RecordDates = {
  id: string;
  status: string;
  review?: unknown;
  receivedAt: string | null;
  submittedAt: string | null;
  updatedAt: number;
};

/**
 * When a sent record is due to go (ms), or null when retention keeps it: not sent, or returned
 * for amendment (a review on the row, or its id in `returned`).
 */
export function sentRecordExpiry(
  record: RecordDates,
  policy: DevicePolicy,
  returned: ReadonlySet<string> = new Set(),
): number | null {
  if (record.status !== 'sent' || (record.review !== undefined && record.review !== null)) return null;
  if (returned.has(record.id)) return null;
  const received = Date.parse(record.receivedAt ?? record.submittedAt ?? '');
  const from = Number.isNaN(received) ? record.updatedAt : received;
  return from + policy.sentRetentionDays * DAY_MS;
}

/** Records a pull that succeeded: the reference data is fresh, and which records are returned. */
export async function referenceRefreshed(returned: string[] | null, at = Date.now()): Promise<void> {
  await setValue(REFERENCE_REFRESHED_KEY, at);
  if (returned) await setValue(RETURNED_KEY, returned);
}

async function returnedIds(): Promise<Set<string>> {
  return new Set((await getValue<string[]>(RETURNED_KEY)) ?? []);
}

/**
 * When the reference data was last refreshed. A device holding reference data with no time
 * recorded (an earlier release) falls back to its last sync, else starts the clock now.
 */
async function refreshedAt(now: number, hasReference: boolean): Promise<number | null> {
  const at = (await getValue<number>(REFERENCE_REFRESHED_KEY)) ?? (await getValue<number>(LAST_SYNC_KEY));
  if (at !== undefined) return at;
  if (!hasReference) return null;
  await setValue(REFERENCE_REFRESHED_KEY, now);
  return now;
}

async function referenceCount(): Promise<number> {
  const database = db();
  return (await database.providers.count()) + (await database.briefings.count()) + (await database.assignments.count());
}

/**
 * Whether the device database exists, so a signed-out device's start does not create it. A browser
 * that cannot say within a moment (WebKitGTK may never answer) is taken as "no": nothing is removed.
 */
async function databaseExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  const known = indexedDB
    .databases()
    .then((list) => list.some((d) => d.name === DATABASE_NAME))
    .catch(() => false);
  try {
    return await Promise.race([known, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type RetentionForecast = {
  policy: DevicePolicy;
  /** Sent records by the council day they are due to go, soonest first (`at`: the first of them, ms). */
  sent: Array<{ day: string; at: number; count: number }>;
  /** Sent records kept because they were returned for amendment. */
  returned: number;
  /** Providers, briefings and assignments on the device, and when they go unless refreshed (ms). */
  reference: { count: number; at: number | null };
};

/** What retention will remove, and when (the storage page). */
export async function retentionForecast(now = Date.now()): Promise<RetentionForecast> {
  const policy = await storedDevicePolicy();
  const returnedNow = await returnedIds();
  const records = (await db().records.where('status').equals('sent').toArray()) as unknown as RecordDates[];
  const byDay = new Map<string, { day: string; at: number; count: number }>();
  let returned = 0;
  for (const record of records) {
    const at = sentRecordExpiry(record, policy, returnedNow);
    if (at === null) {
      returned++;
      continue;
    }
    const day = calendarDay(new Date(Math.max(at, now)));
    const group = byDay.get(day) ?? { day, at, count: 0 };
    group.count++;
    group.at = Math.min(group.at, at);
    byDay.set(day, group);
  }
  const count = await referenceCount();
  const last = count > 0 ? await refreshedAt(now, true) : null;
  return {
    policy,
    sent: [...byDay.values()].sort((a, b) => a.at - b.at),
    returned,
    reference: { count, at: last === null ? null : last + policy.referenceRetentionDays * DAY_MS },
  };
}

export type RetentionResult = { records: number; files: number; reference: boolean };

let running: Promise<RetentionResult> | null = null;

/**
 * Applies the policy now; concurrent calls share one run. Safe to call before the app is unlocked.
 * `opened`: the caller knows the device database exists (it has just used it), so it is not asked.
 */
export function applyRetention(now = Date.now(), options: { opened?: boolean } = {}): Promise<RetentionResult> {
  running ??= apply(now, options.opened ?? false).finally(() => {
    running = null;
  });
  return running;
}

async function apply(now: number, opened: boolean): Promise<RetentionResult> {
  const nothing: RetentionResult = { records: 0, files: 0, reference: false };
  if (!opened && !(await databaseExists())) return nothing;
  const policy = await storedDevicePolicy();
  const returned = await returnedIds();
  const database = db();
  const last = await refreshedAt(now, (await referenceCount()) > 0);
  const referenceDue = last !== null && now >= last + policy.referenceRetentionDays * DAY_MS;
  const tables = [
    database.records,
    database.outbox,
    database.files,
    database.providers,
    database.briefings,
    database.assignments,
  ];
  const result = await database.transaction('rw', tables, async () => {
    // A record with an entry in the outbox is unsent work whatever its status says.
    const keys = (await database.outbox.orderBy('[recordId+revision]').keys()) as unknown as Array<[string, number]>;
    const queued = new Set(keys.map(([recordId]) => recordId));
    const due = await database.records
      .where('status')
      .equals('sent')
      .filter((row) => {
        const record = row as unknown as RecordDates;
        const at = sentRecordExpiry(record, policy, returned);
        return at !== null && at <= now && !queued.has(record.id);
      })
      .primaryKeys();
    await database.records.bulkDelete(due);
    const left = new Set(await database.records.toCollection().primaryKeys());
    const files = await deleteUnnamedFiles(database, (file) => !left.has(file.recordId));
    if (referenceDue) {
      await database.providers.clear();
      await database.briefings.clear();
      await database.assignments.clear();
    }
    return { records: due.length, files, reference: referenceDue };
  });
  if (referenceDue) {
    await deleteValue(CURSOR_KEY);
    await deleteValue(REFERENCE_REFRESHED_KEY);
  }
  return result;
}
