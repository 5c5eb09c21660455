// A QA manager publishes a new version of the QMF while an officer's draft is open on the old
// one: the device receives the new version for new visits, and the draft is completed and
// accepted on the version it was started on.
import { expect, it } from 'vitest';
import { builtInTemplates, qmfCareHomeV3 } from '../../src/shared/templates/index';
import { USERS } from './engines/app-model';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions } from './support/api';

describeWithChromium('template versions (Chromium)', (env) => {
  it('keeps a draft on the version it started on after a new version is published', async () => {
    const app = await env.signedIn('officer');
    const page = app.page;
    const id = await app.startVisit('Laurel Gardens');

    const qa = await env.api('qa');
    const next = {
      ...qmfCareHomeV3,
      version: qmfCareHomeV3.version + 1,
      title: 'Care Home Quality Monitoring Framework (2027)',
    };
    expect((await qa.post('/api/templates', { data: next })).status()).toBe(201);

    // The device receives the new version; the open draft stays on the one it started on.
    await app.syncNow();
    await expect.poll(() => app.count('templates')).toBe(builtInTemplates.length + 1);
    await page.reload();
    await app.waitForHeading('Laurel Gardens');
    expect(await page.getByText('Care Home Quality Monitoring Framework ·').count()).toBe(1);
    await app.completeAllAreas('Laurel Gardens');
    await app.checkAnswers();
    await app.submitVisit();
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');

    const stored = (await serverSubmissions(env.server.url, USERS.officer)).find((s) => s.id === id) as unknown as {
      body: { templateVersion: number };
    };
    expect(stored.body.templateVersion).toBe(qmfCareHomeV3.version);

    // A new visit starts on the new version.
    await page.getByRole('button', { name: 'Start a visit' }).click();
    await app.waitForHeading('Start a visit');
    await page.getByText('Care Home Quality Monitoring Framework (2027)').waitFor();
  });
});
