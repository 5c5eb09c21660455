// Retention on the device (issue 14): sent records go with their photos after the council's
// number of days from receipt, unless returned for amendment; stale reference data goes with the
// pull cursor; templates stay; unsent work is never removed; a file another kept record names
// stays; the storage page says what goes when.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { db } from '../../src/app/storage/database';
import { getValue, setValue } from '../../src/app/storage/device-keyval';
import {
  applyRetention,
  referenceRefreshed,
  REFERENCE_REFRESHED_KEY,
  retentionForecast,
} from '../../src/app/device/retention';
import { DEFAULT_DEVICE_POLICY, pulledSettings, rememberDevicePolicy } from '../../src/app/sync/settings';
import { StoragePage } from '../../src/app/device/StoragePage';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import type { DevicePolicy } from '../../src/shared/auth/schema';
import { resetDevice } from './helpers';
import { A, B, hash, ids, putRecord, putReferenceData } from './device-fixtures';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-08T09:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString();

async function policy(change: Partial<DevicePolicy>): Promise<void> {
  await pulledSettings({ pinned: [], briefingStaleDays: 7, devicePolicy: { ...DEFAULT_DEVICE_POLICY, ...change } });
}

beforeEach(async () => {
  await resetDevice();
  await setValue('pulled-settings', undefined);
  await setValue(REFERENCE_REFRESHED_KEY, undefined);
  await setValue('last-sync-at', undefined);
  await setValue('returned-record-ids', undefined);
});
afterEach(() => {
  vi.useRealTimers();
  delete (navigator as unknown as { storage?: unknown }).storage;
});

describe('sent records', () => {
  it('go, with their photos, the default 14 days after the council received them', async () => {
    await putRecord('old', A, {
      status: 'sent',
      receivedAt: daysAgo(15),
      photos: [hash('1')],
      signatures: [hash('2')],
    });
    await putRecord('recent', A, { status: 'sent', receivedAt: daysAgo(13), photos: [hash('3')] });

    expect(await applyRetention(NOW)).toEqual({ records: 1, files: 2, reference: false });

    expect(await ids('records')).toEqual(['recent']);
    expect(await ids('files')).toEqual([hash('3')]);
  });

  it('follow the council’s number of days: 0 removes every sent record at once', async () => {
    await policy({ sentRetentionDays: 0 });
    await putRecord('just-sent', A, { status: 'sent', receivedAt: new Date(NOW - 1000).toISOString() });
    await applyRetention(NOW);
    expect(await ids('records')).toEqual([]);
  });

  it('never removes unsent work, anyone’s, however old', async () => {
    await policy({ sentRetentionDays: 0, referenceRetentionDays: 0 });
    await putRecord('draft', A, { photos: [hash('1')] });
    await putRecord('queued', A, { status: 'queued', photos: [hash('2')] });
    await putRecord('attention', A, { status: 'attention' });
    await putRecord('held', B, { status: 'queued', signatures: [hash('3')] });

    await applyRetention(NOW + 1000 * DAY);

    expect(await ids('records')).toEqual(['attention', 'draft', 'held', 'queued']);
    expect(await db().outbox.count()).toBe(3);
    expect(await ids('files')).toEqual([hash('1'), hash('2'), hash('3')]);
  });

  it('keeps records returned for amendment: by their review, or as the last pull listed them', async () => {
    await policy({ sentRetentionDays: 0 });
    const review = {
      status: 'returned' as const,
      revision: 1,
      comment: 'Add the rota',
      reviewerId: 'qa',
      reviewerName: 'QA',
      at: daysAgo(1),
    };
    await putRecord('returned', A, { status: 'sent', receivedAt: daysAgo(40), review });
    await putRecord('listed', A, { status: 'sent', receivedAt: daysAgo(40) });
    await db().records.update('listed', { review: undefined } as never); // a sealed row shows no review
    await putRecord('plain', A, { status: 'sent', receivedAt: daysAgo(40) });
    await referenceRefreshed(['listed'], NOW);

    await applyRetention(NOW);

    expect(await ids('records')).toEqual(['listed', 'returned']);
  });

  it('keeps a photo that a kept record names too (the same bytes in a draft)', async () => {
    await putRecord('old', A, { status: 'sent', receivedAt: daysAgo(30), photos: [hash('1'), hash('2')] });
    await putRecord('draft', A, { photos: [hash('1')] });
    await db().files.update(hash('1'), { recordId: 'old' }); // added last by the sent record

    await applyRetention(NOW);

    expect(await ids('records')).toEqual(['draft']);
    expect(await ids('files')).toEqual([hash('1')]);
  });

  it('keeps every file of a person whose unsent record cannot be read (sealed), as the safe side', async () => {
    await putRecord('old', A, { status: 'sent', receivedAt: daysAgo(30), photos: [hash('1')] });
    await putRecord('sealed-draft', A);
    await db().records.update('sealed-draft', { answers: undefined, signatures: undefined } as never);

    await applyRetention(NOW);

    expect(await ids('records')).toEqual(['sealed-draft']);
    expect(await ids('files')).toEqual([hash('1')]);
    // With its files listed in the clear, the draft is read after all and the old photo goes.
    await db().records.update('sealed-draft', { fileHashes: [] } as never);
    await applyRetention(NOW);
    expect(await ids('files')).toEqual([]);
  });

  it('takes the policy from a sign-in or session answer too', async () => {
    await rememberDevicePolicy({ user: {}, devicePolicy: { ...DEFAULT_DEVICE_POLICY, sentRetentionDays: 1 } });
    await putRecord('two-days', A, { status: 'sent', receivedAt: daysAgo(2) });
    await applyRetention(NOW);
    expect(await ids('records')).toEqual([]);
    // An answer without a valid policy changes nothing.
    await rememberDevicePolicy({ devicePolicy: { sentRetentionDays: -1 } });
    expect((await getValue<{ devicePolicy: DevicePolicy }>('pulled-settings'))?.devicePolicy.sentRetentionDays).toBe(1);
  });
});

describe('reference data', () => {
  it('goes, with the pull cursor, when not refreshed for the council’s number of days; templates stay', async () => {
    await putReferenceData();
    await db().templates.put(qmfCareHomeV1);
    await setValue('pull-cursor', 'c9.x');
    await referenceRefreshed(null, NOW - 29 * DAY);

    expect((await applyRetention(NOW)).reference).toBe(false);
    expect(await db().providers.count()).toBe(1);

    expect((await applyRetention(NOW + 2 * DAY)).reference).toBe(true);
    expect(await db().providers.count()).toBe(0);
    expect(await db().briefings.count()).toBe(0);
    expect(await db().assignments.count()).toBe(0);
    expect(await db().templates.count()).toBe(1);
    expect(await getValue('pull-cursor')).toBeUndefined();
  });

  it('starts the clock on a device that never recorded a refresh', async () => {
    await putReferenceData();
    expect((await applyRetention(NOW)).reference).toBe(false);
    expect(await getValue(REFERENCE_REFRESHED_KEY)).toBe(NOW);
    expect((await applyRetention(NOW + 31 * DAY)).reference).toBe(true);
  });
});

describe('the storage page', () => {
  it('says what will be removed from this device, and when', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const received = '2026-12-07T10:00:00.000Z';
    for (const id of ['s1', 's2', 's3']) await putRecord(id, A, { status: 'sent', receivedAt: received });
    await putRecord('s4', A, { status: 'sent', receivedAt: '2026-12-08T08:00:00.000Z' });
    await putRecord('draft', A);
    await putReferenceData();
    await referenceRefreshed(null, NOW);

    render(<StoragePage />);

    const sent = await screen.findByTestId('retention-sent');
    expect(Array.from(sent.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '3 sent visits will be removed from this device on 21 December 2026.',
      '1 sent visit will be removed from this device on 22 December 2026.',
    ]);
    expect(screen.getByTestId('retention-reference').textContent).toBe(
      'Briefings, provider details and assignments will be removed on 7 January 2027 unless the device syncs before then.',
    );
    expect(screen.getByTestId('retention').textContent).toMatch(/Drafts and visits waiting to send are never removed/);
    expect(screen.getByTestId('retention').textContent).toMatch(/Forms stay/);
    expect((await retentionForecast(NOW)).sent.map((g) => g.count)).toEqual([3, 1]);
  });
});
