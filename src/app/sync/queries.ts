// Read-side hook for the sync status: how many outbox entries wait to send and how many need the
// person's attention. Counts come from the state index, so they stay cheap with a long queue.
import { useLiveQuery } from '../lib/use-live-query';
import { db } from '../storage/database';

export function useOutboxCounts(): { waiting: number; attention: number } {
  const waiting = useLiveQuery(() => db().outbox.where('state').equals('pending').count(), []) ?? 0;
  const attention = useLiveQuery(() => db().outbox.where('state').equals('attention').count(), []) ?? 0;
  return { waiting, attention };
}
