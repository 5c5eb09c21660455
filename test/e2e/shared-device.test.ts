// A shared tablet (issue 14), in Chromium against the real server: officer A fills in and queues
// two visits offline, and their sign-in ends; officer B signs in on the same browser profile.
// B sees none of A's work — only that another person's unsent work is held here — and the server
// receives none of it under B. B signs out (A's held work stays); A signs in again and both
// visits arrive under A, each exactly once.
import { expect, it } from 'vitest';
import { USERS } from './engines/app-model';
import { describeWithChromium } from './support/chromium-suite';
import {
  arrivedRecords,
  deviceOutbox,
  deviceRecords,
  pastTheLock,
  signInAsSomeoneElse,
  userId,
} from './support/device-people';

const OFFICER_B = { email: 'officer2@example.org', password: 'officer-demo-pass' };
const HELD = 'Another person’s unsent work (2 records) is held on this device and will be sent when they sign in here.';

describeWithChromium('a shared tablet: held work (Chromium)', (env) => {
  it("holds A's queued visits unseen and unsent while B uses the tablet, then sends them under A once", async () => {
    const [a, b] = [await userId(env.server.url, USERS.officer), await userId(env.server.url, OFFICER_B)];
    const qa = await env.api('qa');
    const app = await env.signedIn('officer');
    const { page, context } = app;

    // A queues two visits with no network.
    await context.setOffline(true);
    const first = await app.submitCompleteVisit('Primrose Villa');
    const second = await app.submitCompleteVisit('Laurel Gardens');
    await expect.poll(() => app.waitingCount()).toBe('2 visits waiting to send');

    // A's sign-in ends while away (the server no longer knows the cookie); back online, nothing goes.
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByText('Your sign-in has ended.').waitFor({ timeout: 30_000 });

    // B signs in on the same tablet.
    await signInAsSomeoneElse(app, OFFICER_B);
    await expect.poll(() => app.testId('held'), { timeout: 30_000 }).toBe(HELD);
    expect(await app.waitingCount()).toBe('0 visits waiting to send');
    await app.syncNow();
    await app.waitForSynced();
    expect(await app.testId('held')).toBe(HELD);
    // Nothing of A's on B's pages: not listed, not openable.
    expect(await page.getByText('Primrose Villa').count()).toBe(0);
    expect(await page.getByText('Laurel Gardens').count()).toBe(0);
    await app.open(`/visits/${first}/check`);
    await pastTheLock(app, OFFICER_B, 'Page not found');
    await app.open('/');
    await pastTheLock(app, OFFICER_B, 'My visits');
    // The device still holds A's two visits and their entries, as A's.
    const held = (await deviceRecords(app)).filter((r) => [first, second].includes(r.id));
    expect(held.map((r) => [r.ownerId, r.status])).toEqual([
      [a, 'queued'],
      [a, 'queued'],
    ]);
    expect((await deviceOutbox(app)).map((e) => e.ownerId)).toEqual([a, a]);
    // The server received nothing, under B or anyone.
    expect(await arrivedRecords(qa)).toEqual([]);

    // B signs out (nothing of B's is unsent): A's held work stays on the device.
    await app.openSignOut();
    await page.getByText('Another person’s unsent work (2 records) stays held on this device').waitFor();
    await app.signOutAndClear();
    expect((await deviceOutbox(app)).map((e) => e.recordId).sort()).toEqual([first, second].sort());

    // A signs in again: the visits are A's again, and go, under A, once each.
    await app.signIn('officer');
    await expect
      .poll(async () => (await arrivedRecords(qa)).map((r) => r.id).sort(), { timeout: 60_000 })
      .toEqual([first, second].sort());
    await expect.poll(async () => (await deviceOutbox(app)).length, { timeout: 30_000 }).toBe(0);
    expect(await app.waitingCount()).toBe('0 visits waiting to send');
    expect(await page.getByTestId('held').count()).toBe(0);
    await page.getByText('Primrose Villa').first().waitFor();
    // Once each: nothing more arrives on later syncs.
    await app.syncNow();
    await app.waitForSynced();
    const arrived = await arrivedRecords(qa);
    expect(arrived.map((r) => r.id).sort()).toEqual([first, second].sort());
    expect(arrived.every((r) => r.submitterId === a && r.revision === 1)).toBe(true);
    expect(arrived.some((r) => r.submitterId === b)).toBe(false);
  });
});
