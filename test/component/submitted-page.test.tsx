// The confirmation after a submit (records/SubmittedPage.tsx, issue 17): a panel saying it is
// submitted, what happens next as things stand (offline: sent when back online; online: being
// sent; then received), and the way back to My visits. It follows the record as it is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import { SubmittedPage } from '../../src/app/records/SubmittedPage';
import { submitRecord } from '../../src/app/records/record-store';
import { db } from '../../src/app/storage/database';
import { online } from '../../src/app/sync/sync-state';
import { answerEverything, LiveVisit, resetDevice, startQmfVisit } from './helpers';

beforeEach(async () => {
  await resetDevice();
});
afterEach(() => online.set(true));

async function submitted() {
  const id = await startQmfVisit({ providerName: 'Willow Bank Care Home' });
  await answerEverything(id);
  await submitRecord(id);
  render(<LiveVisit id={id}>{(visit) => <SubmittedPage visit={visit} />}</LiveVisit>);
  await screen.findByRole('heading', { level: 1, name: 'Visit submitted' });
  return id;
}
const next = () => screen.getByTestId('submitted-next').textContent ?? '';

describe('the confirmation page', () => {
  it('says a visit submitted offline is sent when the device is back online, and where to find it', async () => {
    online.set(false);
    const id = await submitted();
    expect(screen.getByRole('heading', { level: 1 }).closest('.panel')?.textContent).toContain('Willow Bank Care Home');
    expect(next()).toMatch(
      /^This device is offline\. Your visit is saved on it and will be sent to the council automatically when it is back online\./,
    );
    expect(screen.getByRole('link', { name: 'Go to My visits' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: 'look at what you submitted' }).getAttribute('href')).toBe(
      `/visits/${id}/check`,
    );
    expect(document.body.textContent).toContain('under “Waiting to send” until it has been sent');
  });

  it('follows the record: being sent while online, then received', async () => {
    online.set(true);
    const id = await submitted();
    expect(next()).toBe('Your visit is saved on this device and is being sent to the council now.');
    await act(async () => {
      await db().records.update(id, { status: 'sent', receivedAt: '2026-03-04T10:15:00.000Z' });
    });
    await screen.findByText(/^The council received your visit on /);
  });
});
