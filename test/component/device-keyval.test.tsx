// The device key-value store (fake-indexeddb): adopts what an earlier release left in
// idb-keyval's default database, and sign-out deletes its database outright.
import { createStore, set } from 'idb-keyval';
import { expect, it } from 'vitest';
import { deleteKeyValues, getValue, setValue } from '../../src/app/storage/device-keyval';

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name).sort();

it('adopts values from the legacy store, then deletes it; sign-out deletes the whole database', async () => {
  const legacy = createStore('keyval-store', 'keyval');
  await set('last-user', { id: 'u1' }, legacy);
  await set('sync-cursor', 'c2.abc', legacy);
  await legacy('readonly', (s) => s.transaction.db.close());

  expect(await getValue('last-user')).toEqual({ id: 'u1' });
  expect(await getValue('sync-cursor')).toBe('c2.abc');
  expect(await databaseNames()).toEqual(['qa-visits-device']);

  await setValue('last-sync-at', 42);
  await deleteKeyValues();
  expect(await databaseNames()).toEqual([]);
  // Used again after sign-out, it starts empty.
  expect(await getValue('last-user')).toBeUndefined();
  await deleteKeyValues();
});
