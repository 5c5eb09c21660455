// Views read IndexedDB through this hook: a Dexie liveQuery that re-renders when the data changes,
// in this tab or another. `undefined` means "still loading".
import Dexie, { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult(() => value),
      error: (e: unknown) => setError(e),
    });
    return () => subscription.unsubscribe();
  }, deps);
  if (error) throw error;
  return result;
}

/**
 * Like useLiveQuery, for a query that reads many rows (a long list): it re-reads when a write to
 * one of `tables` commits (in this tab or another), but at most once every `everyMs`, so a long
 * sync that commits a record at a time re-reads the list a few times a second, not once per record.
 * Run outside a live query, so what it reads is not observed: only the tables named are.
 */
export function useThrottledQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  options: { tables: string[]; everyMs: number },
): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stopped = false;
    let running = false;
    let dirty = false;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      running = true;
      dirty = false;
      last = Date.now();
      try {
        const value = await query();
        if (!stopped) setResult(() => value);
      } catch (e) {
        if (!stopped) setError(e);
      } finally {
        running = false;
        if (dirty) schedule();
      }
    };
    const schedule = () => {
      if (stopped || running || timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          void run();
        },
        Math.max(0, last + options.everyMs - Date.now()),
      );
    };
    // Dexie names what a commit changed 'idb://<database>/<table>/<index>'.
    const listener = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => options.tables.includes(part.split('/')[3] ?? ''))) {
        dirty = true;
        schedule();
      }
    };
    Dexie.on('storagemutated', listener);
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(listener);
    };
  }, deps);
  if (error) throw error;
  return result;
}
