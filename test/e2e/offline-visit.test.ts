// The whole product end to end in Debian Chromium against the real server and a production build:
// sign in online, cold-start offline from the service worker, complete a QMF visit with a reload
// in the middle, submit offline, and see it reach the server exactly once when back online.
import { expect, it } from 'vitest';
import { USERS } from './engines/app-model';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions } from './support/api';

const PROVIDER = 'Willow Bank Care Home';

describeWithChromium('offline visit capture (Chromium)', (env) => {
  it('completes a visit offline and syncs it exactly once when back online', async () => {
    const app = await env.newApp({ profile: true });
    let page = app.page;
    await page.goto('/');
    await expectAccessible(page, 'sign in');
    await app.signIn('officer');
    await app.waitForSynced();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expectAccessible(page, 'my visits');

    // Quit the browser, then start it again with no signal and open the app (a cold start).
    await app.coldStart({ offline: true });
    page = app.page;
    await expect.poll(() => app.testId('connection')).toMatch(/Offline/);

    const id = await app.startVisit(PROVIDER, {
      announced: false,
      spokeWith: 'Registered manager (Ann Hughes); two residents',
    });
    await expectAccessible(page, 'task list');

    await app.openArea('Staffing levels and recruitment');
    await expectAccessible(page, 'area page');
    await app.answerArea('Met', 'Green');
    await page.getByRole('radio', { name: 'Partly met' }).first().check();
    await page.locator('.item').first().getByRole('textbox').fill('Two night shifts in October ran one carer short.');
    // QMF v3: the staffing rota is a critical check, so partly met suggests Amber; the officer agrees.
    await page.getByRole('radio', { name: 'Amber (suggested)' }).check();
    await app.backToVisit(PROVIDER);

    await app.openArea('Staff supervision');
    await app.answerArea('Met', 'Green');
    await app.backToVisit(PROVIDER);

    await app.openArea('Staff training');
    await app.answerArea('Not applicable', 'Green');
    await page.getByRole('radio', { name: 'Not met' }).nth(1).check();
    await page
      .locator('.item')
      .nth(1)
      .getByRole('textbox')
      .fill('Care Certificate not started for three new starters.');
    // One check not met (not a critical one) suggests Amber on QMF v3.
    await page.getByRole('radio', { name: 'Amber (suggested)' }).check();

    // Autosave: the note reaches IndexedDB without pressing anything; then reload mid-area.
    await expect
      .poll(async () => (await app.record(id))?.answers['training-care-certificate']?.note ?? null)
      .toBe('Care Certificate not started for three new starters.');
    await page.reload();
    await app.waitForHeading('Staff training');
    expect(await page.getByRole('radio', { name: 'Not met' }).nth(1).isChecked()).toBe(true);
    expect(await page.locator('.item').nth(1).getByRole('textbox').inputValue()).toBe(
      'Care Certificate not started for three new starters.',
    );
    await app.backToVisit(PROVIDER);
    await app.openArea('Staffing levels and recruitment');
    expect(await page.getByRole('radio', { name: 'Partly met' }).first().isChecked()).toBe(true);
    expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toBe(
      'Two night shifts in October ran one carer short.',
    );
    await app.backToVisit(PROVIDER);

    // The remaining areas, quickly, so the visit can be submitted.
    await app.completeAllAreas(PROVIDER, ['Staffing levels and recruitment', 'Staff supervision', 'Staff training']);
    await expect.poll(async () => page.getByTestId('progress').textContent()).toContain('completed 9 of 9');

    await app.checkAnswers();
    await expectAccessible(page, 'check answers');
    const expected = (await app.record(id))!;
    await app.submitVisit();
    await expect.poll(() => app.waitingCount()).toBe('1 visit waiting to send');
    await expect.poll(async () => page.getByRole('region', { name: 'Sync status' }).textContent()).toContain('Offline');

    // Back online: it sends without being asked.
    await app.context.setOffline(false);
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    await page.getByRole('heading', { name: /Sent \(1\)/ }).waitFor();

    const list = await serverSubmissions(env.server.url, USERS.officer);
    expect(list.map((s) => s.id)).toEqual([id]);
    const stored = list[0]!.body;
    expect(stored.answers).toEqual(expected.answers);
    expect(stored.sectionRatings).toEqual(expected.sectionRatings);
    expect(stored.answers['staffing-rota']).toEqual({
      value: 'partly-met',
      note: 'Two night shifts in October ran one carer short.',
    });
  });
});
