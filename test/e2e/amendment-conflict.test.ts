// A stale amendment (issue 4): the officer amends a returned visit on this device while their
// other device has already sent an amendment of the same revision. The server answers 409; the
// app sets the council's copy beside this one, and the officer keeps theirs as the next revision.
import { expect, it } from 'vitest';
import { qmfCareHomeV2 } from '../../src/shared/templates/index';
import { recordBody } from '../server/helpers';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const visit = { providerId: 'meadowview-court', date: '2026-11-02', announced: true, spokeWith: 'Deputy manager' };

describeWithChromium('stale amendment (Chromium)', (env) => {
  it('shows both versions side by side after a 409 and keeps this device’s as the next revision', async () => {
    const officer = await env.api('officer');
    const qa = await env.api('qa');
    const body = recordBody(qmfCareHomeV2, visit);
    expect((await officer.put(`/api/submissions/${body.id}`, { data: body })).status()).toBe(201);
    expect(
      (
        await qa.post(`/api/submissions/${body.id}/review`, {
          data: { decision: 'return', revision: 1, comment: 'Say who you spoke to by role.' },
        })
      ).status(),
    ).toBe(200);

    const app = await env.signedIn('officer');
    const page = app.page;
    await page.getByTestId('returned').getByRole('link').click();
    await page.getByRole('button', { name: 'Amend this visit' }).click();
    await page.getByRole('link', { name: 'Visit details' }).click();
    await page.getByLabel('Who did you speak to?').fill('Deputy manager; two senior carers (amended on the tablet)');
    await page.getByRole('button', { name: 'Save details' }).click();

    // Meanwhile the officer's phone sends its own amendment of revision 1.
    const phone = {
      ...body,
      revision: 2,
      baseRevision: 1,
      details: { ...visit, spokeWith: 'Deputy manager (amended on the phone)' },
    };
    expect((await officer.put(`/api/submissions/${body.id}`, { data: phone })).status()).toBe(201);

    await app.checkAnswers();
    await app.submitVisit();
    const attention = page.locator('#group-attention').locator('..');
    await attention.getByRole('link').first().waitFor({ timeout: 30_000 });
    await attention.getByRole('link').first().click();
    await page.getByRole('link', { name: 'Compare with the council’s copy' }).click();
    await app.waitForHeading('Your amendment and the council’s copy differ');
    const row = page.getByTestId('difference').filter({ hasText: 'Details' });
    expect(await row.textContent()).toContain('amended on the phone');
    expect(await row.textContent()).toContain('amended on the tablet');
    await expectAccessible(page, 'conflict');
    await page.getByRole('button', { name: 'Keep my version' }).click();
    await app.waitForHeading('Check your answers');
    await app.submitVisit();
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    const stored = (await (await qa.get(`/api/submissions/${body.id}`)).json()) as {
      revision: number;
      body: { baseRevision: number; details: { spokeWith: string } };
    };
    expect(stored.revision).toBe(3);
    expect(stored.body.baseRevision).toBe(2);
    expect(stored.body.details.spokeWith).toContain('amended on the tablet');
  });
});
