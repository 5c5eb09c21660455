// Faults between the device and the server, injected by intercepting the app's requests in the
// browser (service worker blocked so every request is visible): a response lost after the server
// committed, a body the server rejects (422), and a conflicting body for the same id (409).
// Visits are queued while every submission request fails as if the network were down; then
// the faulty link is switched on and "Sync now" pressed.
import { expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { USERS } from './engines/app-model';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions as heldFor } from './support/api';

describeWithChromium('sync under faults (Chromium)', (env) => {
  const serverSubmissions = () => heldFor(env.server.url, USERS.officer);

  /** Signs in with every submission PUT failing as if the network were down, until connect() routes them to `fault`. */
  async function signedInWithFaults(fault: (route: Route) => Promise<void>) {
    const app = await env.newApp({ serviceWorkers: 'block' });
    const link = { up: false };
    await app.page.route('**/api/submissions/*', (route: Route) =>
      link.up ? fault(route) : route.abort('internetdisconnected'),
    );
    await app.openSignedIn('officer');
    const connect = async () => {
      link.up = true;
      await app.syncNow();
    };
    return { app, page: app.page, connect };
  }

  it('stores a visit once when the response is lost, keeps a rejected one flagged, and sends the rest', async () => {
    const puts: string[] = [];
    let dropped = false;
    const ids = { lost: '', rejected: '', normal: '' };
    const { app, page, connect } = await signedInWithFaults(async (route: Route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as {
        id: string;
        answers: Record<string, { value: string }>;
      };
      puts.push(body.id);
      if (body.id === ids.lost && !dropped) {
        dropped = true;
        await route.fetch(); // the server commits...
        await route.abort('connectionreset'); // ...and the answer never reaches the device
        return;
      }
      if (body.id === ids.rejected) {
        body.answers['staffing-rota'] = { ...body.answers['staffing-rota']!, value: 'not-an-option' };
        await route.continue({ postData: JSON.stringify(body) });
        return;
      }
      await route.continue();
    });
    ids.lost = await app.submitCompleteVisit('Willow Bank Care Home');
    ids.rejected = await app.submitCompleteVisit('Hartwell Lodge Nursing Home');
    ids.normal = await app.submitCompleteVisit('Meadowview Court');
    const { lost, rejected, normal } = ids;
    expect(await app.waitingCount()).toBe('3 visits waiting to send');
    puts.length = 0;

    await connect();
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    await page.getByTestId('attention').filter({ hasText: '1 needs attention' }).waitFor();

    const stored = await serverSubmissions();
    expect(stored.map((s) => s.id).sort()).toEqual([lost, normal].sort());
    expect(puts.filter((id) => id === lost)).toHaveLength(2); // retried after the lost answer, stored once

    // The rejected visit stays on the device, flagged, with its answers intact.
    const local = await app.record(rejected);
    expect(local?.status).toBe('attention');
    expect(local?.answers['staffing-rota']?.value).toBe('met');
    expect((await app.outbox()).map((e) => [e.recordId, e.state])).toEqual([[rejected, 'attention']]);
    await page.getByRole('heading', { name: /Needs attention \(1\)/ }).waitFor();
    const attention = page.getByRole('region', { name: /Needs attention/ });
    await attention.getByRole('link', { name: 'Hartwell Lodge Nursing Home' }).click();
    await app.waitForHeading('Hartwell Lodge Nursing Home');
    await page.getByText('The server did not accept this visit').waitFor();
    await expectAccessible(page, 'visit needing attention');
  });

  it('flags a visit whose id and revision the server holds with a different body (409)', async () => {
    let tampered = false;
    const { app, connect } = await signedInWithFaults(async (route: Route) => {
      if (!tampered) {
        // Something between device and server altered the body; the server stored that version.
        tampered = true;
        const body = JSON.parse(route.request().postData() ?? '{}') as { details: { spokeWith: string } };
        body.details.spokeWith = 'Someone else entirely';
        await route.fetch({ postData: JSON.stringify(body) });
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    const id = await app.submitCompleteVisit('Oakfield House');
    await connect();
    await app.page.getByTestId('attention').filter({ hasText: '1 needs attention' }).waitFor({ timeout: 30_000 });
    expect((await app.record(id))?.status).toBe('attention');
    const stored = (await serverSubmissions()).filter((s) => s.id === id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body.details.spokeWith).toBe('Someone else entirely');
  });
});
