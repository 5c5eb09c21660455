// Read-side hooks for visits and the reference data they need, over live Dexie queries.
import { useLiveQuery } from '../lib/use-live-query';
import { db, type VisitRecord } from '../storage/database';

export function useVisit(id: string): VisitRecord | null | undefined {
  return useLiveQuery(async () => (await db().records.get(id)) ?? null, [id]);
}

export function useVisits(ownerId: string): VisitRecord[] | undefined {
  return useLiveQuery(() => db().records.where('ownerId').equals(ownerId).reverse().sortBy('updatedAt'), [ownerId]);
}

export function useTemplate(id: string | undefined, version: number | undefined) {
  return useLiveQuery(async () => (id && version ? ((await db().templates.get([id, version])) ?? null) : null), [id, version]);
}

/** The newest version of each template the device holds, for starting new visits. */
export function useLatestTemplate(id: string) {
  return useLiveQuery(async () => (await db().templates.where('id').equals(id).sortBy('version')).at(-1) ?? null, [id]);
}

export function useProviders() {
  return useLiveQuery(() => db().providers.orderBy('name').toArray(), []);
}
