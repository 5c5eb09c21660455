// Faults between the device and the server, injected by intercepting the app's requests in the
// browser (service worker blocked so every request is visible): a response lost after the server
// committed, a body the server rejects (422), and a conflicting body for the same id (409).
// Visits are queued while every submission request fails as if the network were down; then
// the faulty link is switched on and "Sync now" pressed.
import { expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { expectAccessible, withFailureShot } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { AFTER_DEMO_HISTORY } from './support/api';
import { readOutbox, readRecord } from './support/device';
import { OFFICER, signIn, submitCompleteVisit, waitForHeading, waitForSynced, waitingCount } from './support/pages';

type Stored = {
  id: string;
  body: { details: { spokeWith: string }; answers: Record<string, { value: string | null; note: string }> };
};

describeWithChromium('sync under faults (Chromium)', (env) => {
  async function serverSubmissions(): Promise<Stored[]> {
    const api = await env.browser.newContext({ baseURL: env.server.url });
    expect((await api.request.post('/api/session', { data: OFFICER })).status()).toBe(200);
    const list = (await (await api.request.get(`/api/submissions${AFTER_DEMO_HISTORY}`)).json()) as {
      submissions: Stored[];
    };
    await api.close();
    return list.submissions;
  }

  /** Signs in and routes submission PUTs to `handler`, failing them all until `handler.faulty` is set. */
  async function signedIn(fault: (route: Route) => Promise<void>) {
    const context = await env.browser.newContext({ baseURL: env.server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    const link = { up: false };
    await page.route('**/api/submissions/*', (route: Route) =>
      link.up ? fault(route) : route.abort('internetdisconnected'),
    );
    await page.goto('/');
    await signIn(page);
    await waitForSynced(page);
    const connect = async () => {
      link.up = true;
      await page.getByRole('button', { name: 'Sync now' }).click();
    };
    return { context, page, connect };
  }

  it('stores a visit once when the response is lost, keeps a rejected one flagged, and sends the rest', async () => {
    const puts: string[] = [];
    let dropped = false;
    const ids = { lost: '', rejected: '', normal: '' };
    const { context, page, connect } = await signedIn(async (route: Route) => {
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
    await withFailureShot(
      () => page,
      'sync-faults-422',
      async () => {
        ids.lost = await submitCompleteVisit(page, 'Willow Bank Care Home');
        ids.rejected = await submitCompleteVisit(page, 'Hartwell Lodge Nursing Home');
        ids.normal = await submitCompleteVisit(page, 'Meadowview Court');
        const { lost, rejected, normal } = ids;
        expect(await waitingCount(page)).toBe('3 visits waiting to send');
        puts.length = 0;

        await connect();
        await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe('0 visits waiting to send');
        await page.getByTestId('attention').filter({ hasText: '1 needs attention' }).waitFor();

        const stored = await serverSubmissions();
        expect(stored.map((s) => s.id).sort()).toEqual([lost, normal].sort());
        expect(puts.filter((id) => id === lost)).toHaveLength(2); // retried after the lost answer, stored once

        // The rejected visit stays on the device, flagged, with its answers intact.
        const local = await readRecord(page, rejected);
        expect(local?.status).toBe('attention');
        expect(local?.answers['staffing-rota']?.value).toBe('met');
        expect((await readOutbox(page)).map((e) => [e.recordId, e.state])).toEqual([[rejected, 'attention']]);
        await page.getByRole('heading', { name: /Needs attention \(1\)/ }).waitFor();
        const attention = page.getByRole('region', { name: /Needs attention/ });
        await attention.getByRole('link', { name: 'Hartwell Lodge Nursing Home' }).click();
        await waitForHeading(page, 'Hartwell Lodge Nursing Home');
        await page.getByText('The server did not accept this visit').waitFor();
        await expectAccessible(page, 'visit needing attention');
      },
    );
    await context.close();
  });

  it('flags a visit whose id and revision the server holds with a different body (409)', async () => {
    let tampered = false;
    const { context, page, connect } = await signedIn(async (route: Route) => {
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
    await withFailureShot(
      () => page,
      'sync-faults-409',
      async () => {
        const id = await submitCompleteVisit(page, 'Oakfield House');
        await connect();
        await page.getByTestId('attention').filter({ hasText: '1 needs attention' }).waitFor({ timeout: 30_000 });
        expect((await readRecord(page, id))?.status).toBe('attention');
        const stored = (await serverSubmissions()).filter((s) => s.id === id);
        expect(stored).toHaveLength(1);
        expect(stored[0]!.body.details.spokeWith).toBe('Someone else entirely');
      },
    );
    await context.close();
  });
});
