// Views read IndexedDB through this hook: a Dexie liveQuery that re-renders when the data changes,
// in this tab or another. `undefined` means "still loading".
import { liveQuery } from 'dexie';
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
