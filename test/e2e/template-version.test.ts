// A QA manager publishes a new version of the QMF while an officer's draft is open on the old
// one: the device receives the new version for new visits, and the draft is completed and
// accepted on the version it was started on.
import { expect, it } from 'vitest';
import { builtInTemplates, qmfCareHomeV2 } from '../../src/shared/templates/index';
import { withFailureShot } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions } from './support/api';
import {
  OFFICER,
  completeAllAreas,
  signIn,
  startVisit,
  waitForHeading,
  waitForSynced,
  waitingCount,
} from './support/pages';

const QA = { email: 'qa@example.org', password: 'qa-demo-pass' };

describeWithChromium('template versions (Chromium)', (env) => {
  it('keeps a draft on the version it started on after a new version is published', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.url });
    const page = await context.newPage();
    await withFailureShot(
      () => page,
      'template-version',
      async () => {
        await page.goto('/');
        await signIn(page);
        await waitForSynced(page);
        const id = await startVisit(page, 'Laurel Gardens');

        const qa = await env.browser.newContext({ baseURL: env.server.url });
        expect((await qa.request.post('/api/session', { data: QA })).status()).toBe(200);
        const next = {
          ...qmfCareHomeV2,
          version: qmfCareHomeV2.version + 1,
          title: 'Care Home Quality Monitoring Framework (2027)',
        };
        expect((await qa.request.post('/api/templates', { data: next })).status()).toBe(201);
        await qa.close();

        // The device receives the new version; the open draft stays on the one it started on.
        await page.getByRole('button', { name: 'Sync now' }).click();
        await expect
          .poll(() =>
            page.evaluate(
              () =>
                new Promise<number>((resolve) => {
                  const open = indexedDB.open('qa-visits');
                  open.onsuccess = () => {
                    const count = open.result.transaction('templates').objectStore('templates').count();
                    count.onsuccess = () => {
                      open.result.close();
                      resolve(count.result);
                    };
                  };
                }),
            ),
          )
          .toBe(builtInTemplates.length + 1);
        await page.reload();
        await waitForHeading(page, 'Laurel Gardens');
        expect(await page.getByText('Care Home Quality Monitoring Framework ·').count()).toBe(1);
        await completeAllAreas(page, 'Laurel Gardens');
        await page.getByRole('link', { name: 'Check answers and submit' }).click();
        await waitForHeading(page, 'Check your answers');
        await page.getByRole('button', { name: 'Submit visit' }).click();
        await waitForHeading(page, 'My visits');
        await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe('0 visits waiting to send');

        const stored = (await serverSubmissions(env.server.url, OFFICER)).find((s) => s.id === id) as unknown as {
          body: { templateVersion: number };
        };
        expect(stored.body.templateVersion).toBe(qmfCareHomeV2.version);

        // A new visit starts on the new version.
        await page.getByRole('button', { name: 'Start a visit' }).click();
        await waitForHeading(page, 'Start a visit');
        await page.getByText('Care Home Quality Monitoring Framework (2027)').waitFor();
      },
    );
    await context.close();
  });
});
