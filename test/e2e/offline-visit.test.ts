// The whole product end to end in Debian Chromium against the real server and a production build:
// sign in online, cold-start offline from the service worker, complete a QMF visit with a reload
// in the middle, submit offline, and see it reach the server exactly once when back online.
import { expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, launchWithProfile, withFailureShot } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { AFTER_DEMO_HISTORY } from './support/api';
import { readRecord } from './support/device';
import {
  OFFICER,
  answerArea,
  completeAllAreas,
  backToVisit,
  expectStatus,
  openArea,
  signIn,
  startVisit,
  waitForHeading,
  waitForSynced,
  waitingCount,
} from './support/pages';

const PROVIDER = 'Willow Bank Care Home';

describeWithChromium('offline visit capture (Chromium)', (env) => {
  it('completes a visit offline and syncs it exactly once when back online', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'qa-visits-profile-'));
    let context = await launchWithProfile(profile, env.server.url);
    let page = await context.newPage();
    await withFailureShot(
      () => page,
      'offline-visit',
      async () => {
        await page.goto('/');
        await expectAccessible(page, 'sign in');
        await signIn(page);
        await waitForSynced(page);
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await expectAccessible(page, 'my visits');

        // Quit the browser, then start it again with no signal and open the app (a cold start).
        await context.close();
        context = await launchWithProfile(profile, env.server.url);
        await context.setOffline(true);
        page = context.pages()[0] ?? (await context.newPage());
        await page.goto('/');
        await waitForHeading(page, 'My visits');
        await expectStatus(page, /Offline/);

        const id = await startVisit(page, PROVIDER, {
          announced: false,
          spokeWith: 'Registered manager (Ann Hughes); two residents',
        });
        await expectAccessible(page, 'task list');

        await openArea(page, 'Staffing levels and recruitment');
        await expectAccessible(page, 'area page');
        await answerArea(page, 'Met', 'Green');
        await page.getByRole('radio', { name: 'Partly met' }).first().check();
        await page
          .locator('.item')
          .first()
          .getByRole('textbox')
          .fill('Two night shifts in October ran one carer short.');
        // QMF v2 suggests Amber from the weakest answer; the officer agrees with it.
        await page.getByRole('radio', { name: 'Amber (suggested)' }).check();
        await backToVisit(page, PROVIDER);

        await openArea(page, 'Staff supervision');
        await answerArea(page, 'Met', 'Green');
        await backToVisit(page, PROVIDER);

        await openArea(page, 'Staff training');
        await answerArea(page, 'Not applicable', 'Green');
        await page.getByRole('radio', { name: 'Not met' }).nth(1).check();
        await page
          .locator('.item')
          .nth(1)
          .getByRole('textbox')
          .fill('Care Certificate not started for three new starters.');
        await page.getByRole('radio', { name: 'Red (suggested)' }).check();

        // Autosave: the note reaches IndexedDB without pressing anything; then reload mid-area.
        await expect
          .poll(async () => (await readRecord(page, id))?.answers['training-care-certificate']?.note ?? null)
          .toBe('Care Certificate not started for three new starters.');
        await page.reload();
        await waitForHeading(page, 'Staff training');
        expect(await page.getByRole('radio', { name: 'Not met' }).nth(1).isChecked()).toBe(true);
        expect(await page.locator('.item').nth(1).getByRole('textbox').inputValue()).toBe(
          'Care Certificate not started for three new starters.',
        );
        await backToVisit(page, PROVIDER);
        await openArea(page, 'Staffing levels and recruitment');
        expect(await page.getByRole('radio', { name: 'Partly met' }).first().isChecked()).toBe(true);
        expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toBe(
          'Two night shifts in October ran one carer short.',
        );
        await backToVisit(page, PROVIDER);

        // The remaining areas, quickly, so the visit can be submitted.
        await completeAllAreas(page, PROVIDER, [
          'Staffing levels and recruitment',
          'Staff supervision',
          'Staff training',
        ]);
        await expect.poll(async () => page.getByTestId('progress').textContent()).toContain('completed 9 of 9');

        await page.getByRole('link', { name: 'Check answers and submit' }).click();
        await waitForHeading(page, 'Check your answers');
        await expectAccessible(page, 'check answers');
        const expected = (await readRecord(page, id))!;
        await page.getByRole('button', { name: 'Submit visit' }).click();
        await waitForHeading(page, 'My visits');
        await expect.poll(() => waitingCount(page)).toBe('1 visit waiting to send');
        await expect
          .poll(async () => page.getByRole('region', { name: 'Sync status' }).textContent())
          .toContain('Offline');

        // Back online: it sends without being asked.
        await context.setOffline(false);
        await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe('0 visits waiting to send');
        await page.getByRole('heading', { name: /Sent \(1\)/ }).waitFor();

        const api = await env.browser.newContext({ baseURL: env.server.url });
        const signInResponse = await api.request.post('/api/session', { data: OFFICER });
        expect(signInResponse.status()).toBe(200);
        const list = (await (await api.request.get(`/api/submissions${AFTER_DEMO_HISTORY}`)).json()) as {
          submissions: Array<{ id: string; body: typeof expected }>;
        };
        expect(list.submissions.map((s) => s.id)).toEqual([id]);
        const stored = list.submissions[0]!.body;
        expect(stored.answers).toEqual(expected.answers);
        expect(stored.sectionRatings).toEqual(expected.sectionRatings);
        expect(stored.answers['staffing-rota']).toEqual({
          value: 'partly-met',
          note: 'Two night shifts in October ran one carer short.',
        });
        await api.close();
      },
    );
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
});
