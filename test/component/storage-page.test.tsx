// The storage page's figures and its 80% warning, over the real device database. The browser's
// storage estimate is set per test (happy-dom has none), as a device reports it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { StoragePage } from '../../src/app/device/StoragePage';
import { checkStorage, storageNearlyFull } from '../../src/app/device/storage-usage';
import { db } from '../../src/app/storage/database';
import { resetDevice } from './helpers';

function deviceReports(usage: number, quota: number, persisted: boolean) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage, quota }), persisted: async () => persisted, persist: async () => true },
  });
}

beforeEach(resetDevice);
afterEach(() => {
  delete (navigator as unknown as { storage?: unknown }).storage;
});

it('warns at 80% full and offers to free the photos of sent records only', async () => {
  deviceReports(85 * 1024 * 1024, 100 * 1024 * 1024, false);
  await db().files.put({
    sha256: 'a'.repeat(64),
    blob: new Blob([new Uint8Array(2048)]),
    type: 'image/jpeg',
    bytes: 2048,
    thumbnail: null,
    recordId: 'r1',
    ownerId: 'u1',
    addedAt: 1,
  });
  render(<StoragePage />);
  expect((await screen.findByTestId('storage-warning')).textContent).toMatch(/85% full/);
  expect(screen.getByTestId('persisted').textContent).toMatch(/may clear/);
  expect(screen.getByTestId('usage').textContent).toBe('85.0 MB of 100.0 MB (85%)');
  // The photo's record is not a sent one, so nothing may be freed.
  expect((screen.getByRole('button', { name: 'Remove photos of sent records' }) as HTMLButtonElement).disabled).toBe(
    true,
  );
  await checkStorage();
  expect(storageNearlyFull.get()).toBe(true);
});

it('does not warn at half full', async () => {
  deviceReports(50, 100, true);
  render(<StoragePage />);
  expect((await screen.findByTestId('persisted')).textContent).toMatch(/will not be cleared/);
  expect(screen.queryByTestId('storage-warning')).toBeNull();
  await checkStorage();
  expect(storageNearlyFull.get()).toBe(false);
});
