// Before the visit, with no signal: the officer's assigned provider has its briefing on the device
// (CQC rating, complaints, safeguarding referrals, professional feedback, fire inspection, open
// actions), readable after a cold start offline, and the visit starts from it carrying a snapshot.
import { expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const PROVIDER = 'Willow Bank Care Home';

describeWithChromium('pre-visit briefing offline (Chromium)', (env) => {
  it('shows an assigned provider’s briefing after an offline cold start and starts the visit from it', async () => {
    const app = await env.signedIn('officer', { profile: true });
    let page = app.page;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const todo = page.getByTestId('todo').filter({ hasText: PROVIDER });
    await todo.waitFor();
    await expectAccessible(page, 'my visits with visits to do');

    await app.coldStart({ offline: true });
    page = app.page;
    await page.getByRole('link', { name: PROVIDER, exact: true }).click();
    await app.waitForHeading(PROVIDER);
    await expectAccessible(page, 'briefing');

    await page.getByRole('heading', { name: 'Latest CQC inspection' }).waitFor();
    expect(await page.getByTestId('cqc-overall').textContent()).toMatch(
      /Outstanding|Good|Requires improvement|Inadequate/,
    );
    expect(await page.getByTestId('complaints-summary').textContent()).toMatch(/\d+ open · \d+ in the last 12 months/);
    expect(await page.getByTestId('safeguarding-summary').textContent()).toMatch(
      /\d+ open · \d+ in the last 12 months/,
    );
    const feedback = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Feedback from professionals' }) });
    expect(await feedback.locator('li').count()).toBeGreaterThan(0);
    const fire = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Fire inspection' }) });
    expect(await fire.textContent()).toMatch(/Satisfactory|Action required|Enforcement notice/);
    const actions = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: /Open actions from earlier visits/ }) });
    expect(await actions.locator('li').count()).toBeGreaterThan(0);

    expect(await page.getByTestId('assignment').textContent()).toMatch(/^Visit assigned to you, due /);
    await page.getByRole('link', { name: 'Start a visit' }).click();
    await app.waitForHeading('Start a visit');
    expect(await page.getByLabel('Provider', { exact: true }).inputValue()).toBe('willow-bank');
    await page.getByLabel('Announced', { exact: true }).check();
    await page.getByRole('button', { name: 'Start visit' }).click();
    await app.waitForHeading(PROVIDER);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const record = (await app.record(id)) as unknown as {
      briefingSnapshot: { providerId: string; compiledAt: string } | null;
      assignmentId: string | null;
    };
    expect(record.briefingSnapshot?.providerId).toBe('willow-bank');
    // Started from the briefing, the visit fulfils the officer's assignment for this provider.
    const assignment = await page.evaluate(async (providerId) => {
      const open = indexedDB.open('qa-visits');
      const database = await new Promise<IDBDatabase>((resolve) => {
        open.onsuccess = () => resolve(open.result);
      });
      const all = await new Promise<Array<{ id: string; providerId: string }>>((resolve) => {
        const request = database.transaction('assignments').objectStore('assignments').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ id: string; providerId: string }>);
      });
      database.close();
      return all.find((a) => a.providerId === providerId)?.id ?? null;
    }, 'willow-bank');
    expect(assignment).not.toBeNull();
    expect(record.assignmentId).toBe(assignment);
  });
});
