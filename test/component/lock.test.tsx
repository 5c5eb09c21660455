// The app lock (issue 14), through App as the person meets it: while locked only the lock screen
// is in the page (nothing of the record behind it); it asks for the password with a labelled,
// focused field and an error summary; wrong tries are counted, warned about from the 5th, and at
// the council's limit (10 by default) the device is wiped; the right password unlocks offline.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { session } from '../../src/app/auth/session';
import { lockVault, unlockedUserId } from '../../src/app/crypto/vault';
import { wipedAfterTries } from '../../src/app/lock/lock';
import { unlock } from '../../src/app/lock/unlock';
import { navigate } from '../../src/app/lib/router';
import { db } from '../../src/app/storage/database';
import { officer, record, resetDevice, startQmfVisit, storeTemplate, TEST_PASSWORD } from './helpers';

const SUBJECT = 'Oakwood SENTINEL House';
const NOTE = 'Rota short SENTINEL-note';

const offline = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );

beforeEach(async () => {
  offline();
  wipedAfterTries.set(null);
  await resetDevice();
  await storeTemplate();
  session.set({ status: 'signed-in', user: officer, verified: false, expired: false });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the lock screen', () => {
  it('replaces every view while locked, and the right password offline brings the draft back', async () => {
    const id = await startQmfVisit({ providerName: SUBJECT });
    const { saveAnswer } = await import('../../src/app/records/answer-store');
    await saveAnswer(id, 'staffing-rota', { value: 'partly-met', note: NOTE });
    navigate(`/visits/${id}`);
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: SUBJECT });

    await lockVault();
    const field = await screen.findByLabelText('Password');
    screen.getByRole('heading', { level: 1, name: 'QA Visits is locked' });
    expect(document.body.innerHTML).not.toContain('SENTINEL');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByRole('link', { name: 'Sign in as someone else' }).getAttribute('href')).toBe('/sign-in');
    expect(screen.queryByRole('link', { name: 'Sign out' })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    within(await screen.findByRole('alert')).getByRole('link', { name: 'Enter your password' });

    await user.type(screen.getByLabelText('Password'), 'not it');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findAllByText('The password is not right.');
    expect(unlockedUserId()).toBeNull();

    await user.type(screen.getByLabelText('Password'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: SUBJECT });
    expect(unlockedUserId()).toBe(officer.id);
    expect((await record(id))?.answers['staffing-rota']?.note).toBe(NOTE);
  });
});

describe('wrong tries', () => {
  it('warns from the 5th how many are left, and wipes the device at the 10th', async () => {
    await startQmfVisit({ providerName: SUBJECT });
    await lockVault();
    const messages: string[] = [];
    for (let n = 1; n <= 9; n++) {
      const outcome = await unlock(officer, 'password', `wrong ${n}`);
      if (outcome.ok || 'wiped' in outcome) throw new Error(`try ${n} should only be refused`);
      messages.push(outcome.message);
    }
    expect(messages.slice(0, 4)).toEqual(Array(4).fill('The password is not right.'));
    expect(messages[4]).toBe("The password is not right. 5 tries left before this device's data is wiped.");
    expect(messages[8]).toBe("The password is not right. 1 try left before this device's data is wiped.");
    expect(await db().records.count()).toBe(1);

    expect(await unlock(officer, 'password', 'wrong 10')).toEqual({ ok: false, wiped: true });
    expect(session.get()).toEqual({ status: 'signed-out' });
    expect(wipedAfterTries.get()).toBe(10);
    expect(await db().records.count()).toBe(0);
    expect(await db().keyring.count()).toBe(0);
  });

  it('starts counting again after the right password', async () => {
    await lockVault();
    for (let n = 1; n <= 6; n++) await unlock(officer, 'password', `wrong ${n}`);
    expect(await unlock(officer, 'password', TEST_PASSWORD)).toEqual({ ok: true });
    await lockVault();
    expect(await unlock(officer, 'password', 'wrong again')).toMatchObject({
      ok: false,
      message: 'The password is not right.',
    });
  });
});
