// Reads what the app stored on the device, straight from IndexedDB in the page, so tests can
// check autosave and the outbox without going through the UI.
import type { Page } from 'playwright-core';

export type DeviceRecord = {
  id: string;
  status: string;
  answers: Record<string, { value: string | null; note: string }>;
  sectionRatings: Record<string, string>;
};

function readStore<T>(page: Page, store: string, key: string | null): Promise<T> {
  return page.evaluate(
    ([storeName, recordKey]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('qa-visits');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(storeName!)) {
            database.close();
            resolve(recordKey ? undefined : []);
            return;
          }
          const objects = database.transaction(storeName!).objectStore(storeName!);
          const request = recordKey ? objects.get(recordKey) : objects.getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [store, key] as const,
  ) as Promise<T>;
}

export function readRecord(page: Page, id: string): Promise<DeviceRecord | undefined> {
  return readStore<DeviceRecord | undefined>(page, 'records', id);
}

export function readOutbox(page: Page): Promise<Array<{ recordId: string; state: string }>> {
  return readStore(page, 'outbox', null);
}
