// Read-side hooks for the sync status: how many of this person's outbox entries wait to send and
// how many need their attention, and how many records of other people are held on this device
// (issue 14: counted, never shown). Counts come from indexes, so they stay cheap with a long queue.
import { useLiveQuery } from '../lib/use-live-query';
import { db, type StoredOutboxEntry } from '../storage/database';

const UNSENT = ['draft', 'queued', 'attention'] as const;

/**
 * This person's entries in `state`, from one index. An entry stored without a person is nobody's:
 * it is not sent (outbox-store.ts) unless its record names one, so it is not counted either.
 */
function countFor(ownerId: string, state: StoredOutboxEntry['state']): Promise<number> {
  return db().outbox.where('[ownerId+state]').equals([ownerId, state]).count();
}

export function useOutboxCounts(ownerId: string): { waiting: number; attention: number } {
  const waiting = useLiveQuery(() => countFor(ownerId, 'pending'), [ownerId]) ?? 0;
  const attention = useLiveQuery(() => countFor(ownerId, 'attention'), [ownerId]) ?? 0;
  return { waiting, attention };
}

/** Other people's unsent records on this device (held until they sign in here again), and how many people. */
export function useHeldWork(ownerId: string): { records: number; people: number } {
  return (
    useLiveQuery(async () => {
      const records = db().records;
      // Other people's keys only, made unique here (WebKitGTK cannot open the 'nextunique' cursor
      // uniqueKeys() needs): this person's own records are neither read nor watched, so a sync that
      // marks thousands of them sent does not re-run this (issue 16).
      const others = [...new Set((await records.where('ownerId').noneOf([ownerId]).keys()) as string[])];
      let count = 0;
      let people = 0;
      for (const other of others) {
        const n = await records
          .where('[ownerId+status]')
          .anyOf(UNSENT.map((status) => [other, status]))
          .count();
        count += n;
        if (n > 0) people++;
      }
      return { records: count, people };
    }, [ownerId]) ?? { records: 0, people: 0 }
  );
}
