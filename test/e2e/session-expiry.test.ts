// The sign-in ends while visits are queued: the app keeps working, pauses sending, asks the
// person to sign in again, then sends everything — nothing queued is lost.
import { expect, it } from 'vitest';
import { USERS } from './engines/app-model';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions } from './support/api';

describeWithChromium('expired sign-in with queued work (Chromium)', (env) => {
  it('pauses the outbox on 401, asks to sign in again, then drains it', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    await context.setOffline(true);
    const id = await app.submitCompleteVisit('Primrose Villa');
    expect(await app.waitingCount()).toBe('1 visit waiting to send');

    // Signing out with a visit not yet sent asks first and does nothing without the tick.
    await app.openSignOut();
    await page.getByText('1 visit on this device has not been sent to the council.').waitFor();
    await page.getByRole('button', { name: 'Sign out and clear this device' }).click();
    await page.getByText('Tick the box to confirm').waitFor();
    expect((await app.outbox()).length).toBe(1);
    await page.getByRole('link', { name: 'Back' }).click();
    await app.waitForHeading('My visits');

    // The session ends while the device is away (the server no longer knows the cookie).
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByText('Your sign-in has ended.').waitFor({ timeout: 30_000 });
    expect(await app.waitingCount()).toBe('1 visit waiting to send');
    expect((await app.outbox()).map((e) => [e.recordId, e.state])).toEqual([[id, 'pending']]);

    await page.getByRole('link', { name: 'Sign in again' }).click();
    await app.waitForHeading('Sign in');
    await expectAccessible(page, 'sign in again');
    expect(await page.getByLabel('Email address').inputValue()).toBe(USERS.officer.email);
    await page.getByLabel('Password').fill(USERS.officer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await app.waitForHeading('My visits');
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    await expect.poll(() => page.getByText('Your sign-in has ended.').count()).toBe(0);

    expect((await serverSubmissions(env.server.url, USERS.officer)).map((s) => s.id)).toEqual([id]);

    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
    expect(await databases()).toEqual(['qa-visits', 'qa-visits-device']);
    // Nothing is left unsent, so signing out clears the device without asking twice.
    await app.openSignOut();
    await expectAccessible(page, 'sign out');
    await app.signOutAndClear();
    // No IndexedDB database at all is left for the origin: visits, reference data and settings.
    await expect.poll(databases).toEqual([]);
  });
});
