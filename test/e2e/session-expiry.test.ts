// The sign-in ends while visits are queued: the app keeps working, pauses sending, asks the
// person to sign in again, then sends everything — nothing queued is lost.
import { expect, it } from 'vitest';
import { expectAccessible, withFailureShot } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { AFTER_DEMO_HISTORY } from './support/api';
import { readOutbox } from './support/device';
import { OFFICER, signIn, submitCompleteVisit, waitForHeading, waitForSynced, waitingCount } from './support/pages';

describeWithChromium('expired sign-in with queued work (Chromium)', (env) => {
  it('pauses the outbox on 401, asks to sign in again, then drains it', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.url });
    const page = await context.newPage();
    await withFailureShot(
      () => page,
      'session-expiry',
      async () => {
        await page.goto('/');
        await signIn(page);
        await waitForSynced(page);
        await context.setOffline(true);
        const id = await submitCompleteVisit(page, 'Primrose Villa');
        expect(await waitingCount(page)).toBe('1 visit waiting to send');

        // Signing out with a visit not yet sent asks first and does nothing without the tick.
        await page.getByRole('link', { name: 'Sign out' }).click();
        await waitForHeading(page, 'Sign out');
        await page.getByText('1 visit on this device has not been sent to the council.').waitFor();
        await page.getByRole('button', { name: 'Sign out and clear this device' }).click();
        await page.getByText('Tick the box to confirm').waitFor();
        expect((await readOutbox(page)).length).toBe(1);
        await page.getByRole('link', { name: 'Back' }).click();
        await waitForHeading(page, 'My visits');

        // The session ends while the device is away (the server no longer knows the cookie).
        await context.clearCookies();
        await context.setOffline(false);
        await page.getByText('Your sign-in has ended.').waitFor({ timeout: 30_000 });
        expect(await waitingCount(page)).toBe('1 visit waiting to send');
        expect((await readOutbox(page)).map((e) => [e.recordId, e.state])).toEqual([[id, 'pending']]);

        await page.getByRole('link', { name: 'Sign in again' }).click();
        await waitForHeading(page, 'Sign in');
        await expectAccessible(page, 'sign in again');
        expect(await page.getByLabel('Email address').inputValue()).toBe(OFFICER.email);
        await page.getByLabel('Password').fill(OFFICER.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await waitForHeading(page, 'My visits');
        await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe('0 visits waiting to send');
        await expect.poll(() => page.getByText('Your sign-in has ended.').count()).toBe(0);

        const api = await env.browser.newContext({ baseURL: env.server.url });
        await api.request.post('/api/session', { data: OFFICER });
        const list = (await (await api.request.get(`/api/submissions${AFTER_DEMO_HISTORY}`)).json()) as {
          submissions: Array<{ id: string }>;
        };
        expect(list.submissions.map((s) => s.id)).toEqual([id]);
        await api.close();

        const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
        expect(await databases()).toEqual(['qa-visits', 'qa-visits-device']);
        // Nothing is left unsent, so signing out clears the device without asking twice.
        await page.getByRole('link', { name: 'Sign out' }).click();
        await waitForHeading(page, 'Sign out');
        await expectAccessible(page, 'sign out');
        await page.getByRole('button', { name: 'Sign out and clear this device' }).click();
        await waitForHeading(page, 'Sign in');
        // No IndexedDB database at all is left for the origin: visits, reference data and settings.
        await expect.poll(databases).toEqual([]);
      },
    );
    await context.close();
  });
});
