// MyVisitsPage: the signed-in officer's visits on this device, grouped by status with counts,
// kept live as records change; another officer's visits on the same tablet are never listed.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { db } from '../../src/app/storage/database';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { MyVisitsPage } from '../../src/app/records/MyVisitsPage';
import { submitRecord } from '../../src/app/records/record-store';
import {
  answerEverything,
  asPerson,
  officer,
  otherOfficer,
  resetDevice,
  startQmfVisit,
  storeTemplate,
} from './helpers';

const store = createOutboxStore(officer.id);
const problemMessage = 'The visit was not accepted: 1 answer needs correcting.';

async function submitted(providerName: string, ownerId = officer.id): Promise<string> {
  const id = await startQmfVisit({ providerName, ownerId });
  await answerEverything(id);
  await submitRecord(id);
  return id;
}

/** Sends or turns down the one pending outbox entry, as the sync engine would. */
async function answerPending(outcome: 'sent' | 'attention'): Promise<void> {
  const [entry] = await store.pending();
  if (outcome === 'sent')
    await store.markSent([{ entry: entry!, receipt: { status: 201, receivedAt: '2026-06-04T14:05:00.000Z' } }]);
  else await store.markAttention(entry!, { status: 422, code: 'invalid', message: problemMessage });
}

const group = (name: string) => screen.getByRole('region', { name });
const names = (region: HTMLElement) =>
  within(region)
    .getAllByRole('link')
    .map((a) => a.textContent);

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

describe('my visits', () => {
  it('groups my visits under Needs attention, Drafts, Waiting to send and Sent, with counts', async () => {
    const olderDraft = await startQmfVisit({ providerName: 'Ashgrove Care Home' });
    const newerDraft = await startQmfVisit({ providerName: 'Cedar Court' });
    await db().records.update(olderDraft, { updatedAt: 1_000 });
    await db().records.update(newerDraft, { updatedAt: 2_000 });
    await submitted('Birch Lodge');
    await answerPending('attention');
    const sentId = await submitted('Elm Grange');
    await answerPending('sent');
    const queuedId = await submitted('Dale View');

    render(<MyVisitsPage user={officer} />);

    await screen.findByRole('heading', { level: 2, name: 'Drafts (2)' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Needs attention (1)',
      'Drafts (2)',
      'Waiting to send (1)',
      'Sent (1)',
    ]);
    expect(names(group('Needs attention (1)'))).toEqual(['Birch Lodge']);
    within(group('Needs attention (1)')).getByText(problemMessage);
    // Most recently changed first.
    expect(names(group('Drafts (2)'))).toEqual(['Cedar Court', 'Ashgrove Care Home']);
    expect(names(group('Waiting to send (1)'))).toEqual(['Dale View']);
    expect(names(group('Sent (1)'))).toEqual(['Elm Grange']);

    // Drafts open the task list; everything else opens the read-only view.
    expect(within(group('Drafts (2)')).getByRole('link', { name: 'Cedar Court' }).getAttribute('href')).toBe(
      `/visits/${newerDraft}`,
    );
    expect(within(group('Waiting to send (1)')).getByRole('link', { name: 'Dale View' }).getAttribute('href')).toBe(
      `/visits/${queuedId}/check`,
    );
    expect(within(group('Sent (1)')).getByRole('link', { name: 'Elm Grange' }).getAttribute('href')).toBe(
      `/visits/${sentId}/check`,
    );
  });

  it("never lists another officer's visits from the same device", async () => {
    await startQmfVisit({ providerName: 'Ashgrove Care Home' });
    // Made by the other officer on this device, sealed under their key.
    await asPerson(otherOfficer, async () => {
      await startQmfVisit({ providerName: 'Someone Else Draft House', ownerId: otherOfficer.id });
      await submitted('Someone Else Queued Lodge', otherOfficer.id);
    });

    render(<MyVisitsPage user={officer} />);

    await screen.findByRole('heading', { level: 2, name: 'Drafts (1)' });
    expect(names(group('Drafts (1)'))).toEqual(['Ashgrove Care Home']);
    screen.getByRole('heading', { level: 2, name: 'Waiting to send (0)' });
    expect(screen.queryByText(/Someone Else/)).toBeNull();
  });

  it('shows empty groups with a hint, and no "Needs attention" heading when nothing needs attention', async () => {
    render(<MyVisitsPage user={officer} />);

    await screen.findByRole('heading', { level: 2, name: 'Drafts (0)' });
    expect(screen.queryByRole('heading', { name: /Needs attention/ })).toBeNull();
    within(group('Drafts (0)')).getByText('No drafts. Start a visit to begin one.');
    within(group('Waiting to send (0)')).getByText('Nothing waiting to send.');
    within(group('Sent (0)')).getByText('No visits sent from this device yet.');
    expect(screen.getByRole('button', { name: 'Start a visit' }).getAttribute('href')).toBe('/visits/new');
  });

  it('moves a visit between groups as it is submitted, without a reload', async () => {
    const id = await startQmfVisit({ providerName: 'Ashgrove Care Home' });
    await answerEverything(id);
    render(<MyVisitsPage user={officer} />);
    await screen.findByRole('heading', { level: 2, name: 'Drafts (1)' });

    await submitRecord(id);

    await screen.findByRole('heading', { level: 2, name: 'Waiting to send (1)' });
    expect(names(group('Waiting to send (1)'))).toEqual(['Ashgrove Care Home']);
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Drafts (0)' }));
  });
});
