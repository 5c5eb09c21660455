// Small key-values kept outside the Dexie database (last user, pull cursor, settings, last sync):
// readable before Dexie opens, on its own idb-keyval store. The store is ours rather than
// idb-keyval's default so sign-out can close its connection and delete the database outright —
// a shared tablet must hold nothing of the last person afterwards.
import { createStore, del, entries, get, keys, set, setMany, type UseStore } from 'idb-keyval';

const DATABASE_NAME = 'qa-visits-device';
const STORE_NAME = 'keyval';
/** Where releases before this module kept the same keys (idb-keyval's default store). */
const LEGACY_DATABASE_NAME = 'keyval-store';

let ready: Promise<UseStore> | null = null;

function current(): Promise<UseStore> {
  ready ??= (async () => {
    const store = createStore(DATABASE_NAME, STORE_NAME);
    await adoptLegacyValues(store);
    return store;
  })();
  return ready;
}

/**
 * Moves values an earlier release stored in idb-keyval's default database, so an officer who
 * updates the app while signed in stays signed in offline, then deletes that database.
 */
async function adoptLegacyValues(into: UseStore): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes(LEGACY_DATABASE_NAME)) return;
  const legacy = createStore(LEGACY_DATABASE_NAME, 'keyval');
  const found = await entries(legacy).catch(() => []);
  const already = new Set((await entries(into)).map(([key]) => key));
  await setMany(
    found.filter(([key]) => !already.has(key)),
    into,
  );
  await legacy('readonly', (objectStore) => objectStore.transaction.db.close());
  await deleteNamedDatabase(LEGACY_DATABASE_NAME);
}

export async function getValue<T>(key: string): Promise<T | undefined> {
  return get<T>(key, await current());
}

export async function setValue(key: string, value: unknown): Promise<void> {
  return set(key, value, await current());
}

export async function deleteValue(key: string): Promise<void> {
  return del(key, await current());
}

/** The keys stored now (to tell whether anything is left worth keeping the store for). */
export async function storedKeys(): Promise<string[]> {
  return (await keys(await current())).map(String);
}

/** Closes this store's connection and deletes its database; the next use starts an empty one. */
export async function deleteKeyValues(): Promise<void> {
  if (ready) {
    const open = await ready.catch(() => null);
    if (open) await open('readonly', (objectStore) => objectStore.transaction.db.close());
    ready = null;
  }
  await deleteNamedDatabase(DATABASE_NAME);
}

function deleteNamedDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('Could not delete the device settings.'));
    // Another tab still holds it open: the delete completes once that tab closes or reloads.
    request.onblocked = () => resolve();
  });
}
