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

/**
 * Puts submitted records straight into the device database, as submitVisit leaves them (a queued
 * record and its pending outbox entry, written in one transaction), so a test can queue hundreds
 * without typing them. The app picks them up on its next drain.
 */
export function queueRecords(
  page: Page,
  ownerId: string,
  bodies: Array<{ id: string; revision: number; details: unknown } & Record<string, unknown>>,
): Promise<void> {
  return page.evaluate(
    ([owner, list]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qa-visits');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction(['records', 'outbox'], 'readwrite');
          const now = Date.now();
          for (const body of list) {
            const b = body as Record<string, unknown> & { id: string; revision: number };
            tx.objectStore('records').put({
              id: b.id,
              ownerId: owner,
              status: 'queued',
              revision: b.revision,
              baseRevision: b.baseRevision,
              templateId: b.templateId,
              templateVersion: b.templateVersion,
              kind: b.kind,
              details: b.details,
              subjectName: 'Queued by a test',
              answers: b.answers,
              sectionRatings: b.sectionRatings,
              overallRating: b.overallRating ?? null,
              ratingOverrides: b.ratingOverrides ?? {},
              actions: b.actions ?? [],
              actionChecks: b.actionChecks ?? [],
              review: null,
              startedAt: b.startedAt,
              updatedAt: now,
              submittedAt: b.submittedAt,
              receivedAt: null,
              problem: null,
            });
            tx.objectStore('outbox').add({
              recordId: b.id,
              revision: b.revision,
              body: b,
              state: 'pending',
              attempts: 0,
              lastProblem: null,
              enqueuedAt: now,
              uploaded: [],
            });
          }
          tx.oncomplete = () => {
            database.close();
            resolve();
          };
          tx.onerror = () => {
            database.close();
            reject(tx.error);
          };
        };
      }),
    [ownerId, bodies] as const,
  );
}
