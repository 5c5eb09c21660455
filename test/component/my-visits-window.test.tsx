// My visits with many records (issue 16): each group shows its newest rows and the rest a page at
// a time, by a "Show more" button that moves the focus to the first row it added, so every record
// stays reachable by keyboard and screen reader; the group headings count every record.
import { beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { MyVisitsPage, PAGE_ROWS } from '../../src/app/records/MyVisitsPage';
import { db } from '../../src/app/storage/database';
import { putRecord } from './device-fixtures';
import { officer, resetDevice, startQmfVisit, storeTemplate } from './helpers';

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

it('shows every record a page at a time, the focus moving to the first one added', async () => {
  const SENT = 2 * PAGE_ROWS + 7;
  for (let n = 0; n < SENT; n++) {
    await putRecord(`sent-${String(n).padStart(3, '0')}`, officer.id, { status: 'sent' });
    await db().records.update(`sent-${String(n).padStart(3, '0')}`, { updatedAt: 10_000 - n });
  }
  await startQmfVisit({ providerName: 'Draft House' });

  render(<MyVisitsPage user={officer} />);
  const heading = await screen.findByRole('heading', { level: 2, name: `Sent (${SENT})` });
  const sent = screen.getByRole('region', { name: `Sent (${SENT})` });
  expect(heading).toBeTruthy();
  expect(within(sent).getAllByRole('listitem')).toHaveLength(PAGE_ROWS);
  // Newest first.
  expect(within(sent).getAllByRole('link')[0]?.textContent).toBe('Visit sent-000');
  expect(within(screen.getByRole('region', { name: 'Drafts (1)' })).getAllByRole('link')[0]?.textContent).toBe(
    'Draft House',
  );

  fireEvent.click(
    within(sent).getByRole('button', { name: `Show ${PAGE_ROWS} more in “Sent” (${PAGE_ROWS} of ${SENT} shown)` }),
  );
  await waitFor(() => expect(within(sent).getAllByRole('listitem')).toHaveLength(2 * PAGE_ROWS));
  await waitFor(() =>
    expect(document.activeElement?.textContent).toBe(`Visit sent-${String(PAGE_ROWS).padStart(3, '0')}`),
  );

  fireEvent.click(
    within(sent).getByRole('button', { name: `Show 7 more in “Sent” (${2 * PAGE_ROWS} of ${SENT} shown)` }),
  );
  await waitFor(() => expect(within(sent).getAllByRole('listitem')).toHaveLength(SENT));
  expect(within(sent).queryByRole('button')).toBeNull();
  const links = within(sent)
    .getAllByRole('link')
    .map((a) => a.textContent);
  expect(new Set(links).size).toBe(SENT);
});

it('re-reads the list as records change, a few times a second at most', async () => {
  const id = await startQmfVisit({ providerName: 'Changing House' });
  render(<MyVisitsPage user={officer} />);
  await screen.findByRole('heading', { level: 2, name: 'Drafts (1)' });
  for (let n = 0; n < 5; n++) await startQmfVisit({ providerName: `Burst ${n}` });
  await screen.findByRole('heading', { level: 2, name: 'Drafts (6)' });
  await db().records.delete(id);
  await screen.findByRole('heading', { level: 2, name: 'Drafts (5)' });
});
