// A home care visit in Debian Chromium against the real server and a production build: with no
// signal, the officer finds the care home QMF is not offered for a home care provider, starts the
// visit on the home care template, completes every area (the missed-calls check, a critical one,
// partly met, so the suggested RAG is amber), submits offline, and the visit reaches the server exactly once, on the
// home care template, when the network is back.
import { expect, it } from 'vitest';
import { homeCareV1 } from '../../src/shared/templates/index';
import { USERS } from './engines/app-model';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { serverSubmissions } from './support/api';

const PROVIDER = 'Brightside Home Care Ltd';
const CARE_HOME = 'Willow Bank Care Home';
const MISSED_NOTE = 'Two missed calls in October were logged but not reported to the council.';

describeWithChromium('home care visit offline (Chromium)', (env) => {
  it('starts a home care visit on the home care template offline and syncs it exactly once', async () => {
    const app = await env.signedIn('officer', { profile: true });
    let page = app.page;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // No signal from here on: a cold start from the service worker.
    await app.coldStart({ offline: true });
    page = app.page;
    await expect.poll(() => app.testId('connection')).toMatch(/Offline/);

    await page.getByRole('button', { name: 'Start a visit' }).click();
    await app.waitForHeading('Start a visit');
    const providerNames = () => page.locator('#provider option').allTextContents();
    // The care home QMF is the usual first choice; it is not offered for a home care provider.
    expect(await page.getByRole('radio', { name: 'Care Home Quality Monitoring Framework' }).isChecked()).toBe(true);
    expect(await providerNames()).toContain(CARE_HOME);
    expect(await providerNames()).not.toContain(PROVIDER);
    // The home care template is offered for home care providers only.
    await page.getByRole('radio', { name: homeCareV1.title }).check();
    await expect.poll(providerNames).toContain(PROVIDER);
    expect(await providerNames()).not.toContain(CARE_HOME);
    await expectAccessible(page, 'start a home care visit');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: PROVIDER });
    await page.getByLabel('Unannounced', { exact: true }).check();
    await page.getByLabel('Who did you speak to?').fill('Registered manager; care coordinator; two care workers');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await app.waitForHeading(PROVIDER);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    expect(((await app.record(id)) as unknown as { templateId: string } | null)?.templateId).toBe(homeCareV1.id);

    // Call times: the missed-calls check (critical) partly met, with its evidence; the suggested RAG is amber.
    const [calls, ...rest] = homeCareV1.sections.map((s) => s.title);
    await app.openArea(calls!);
    await expectAccessible(page, 'home care area');
    const missed = page.locator('.item').nth(2);
    await missed.getByRole('radio', { name: 'Partly met' }).check();
    await missed.getByRole('textbox').fill(MISSED_NOTE);
    await app.answerArea('Met', 'Green');
    await page.getByRole('radio', { name: 'Amber (suggested)' }).check();
    await app.backToVisit(PROVIDER);
    for (const area of rest) {
      await app.openArea(area);
      await app.answerArea('Met', 'Green');
      await app.backToVisit(PROVIDER);
    }
    await app.giveOverallRating(PROVIDER, 'Amber');
    const areas = homeCareV1.sections.length;
    await expect
      .poll(async () => page.getByTestId('progress').textContent())
      .toContain(`completed ${areas} of ${areas}`);

    await app.checkAnswers();
    const expected = (await app.record(id))!;
    await app.submitVisit();
    await expect.poll(() => app.waitingCount()).toBe('1 visit waiting to send');

    // Back online: it sends without being asked, once.
    await app.context.setOffline(false);
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    await app.syncNow();
    await app.waitForSynced();

    const list = await serverSubmissions(env.server.url, USERS.officer);
    expect(list.map((s) => s.id)).toEqual([id]);
    const stored = list[0] as unknown as {
      revision: number;
      body: {
        templateId: string;
        templateVersion: number;
        details: { providerId: string; announced: boolean };
        answers: Record<string, unknown>;
        sectionRatings: Record<string, string>;
        overallRating: string | null;
      };
    };
    expect(stored.revision).toBe(1);
    expect(stored.body).toMatchObject({
      templateId: 'qmf-home-care',
      templateVersion: 1,
      details: { providerId: 'brightside-home-care', announced: false },
      overallRating: 'amber',
    });
    expect(stored.body.sectionRatings).toEqual(expected.sectionRatings);
    expect(stored.body.sectionRatings['calls']).toBe('amber');
    expect(stored.body.answers).toEqual(expected.answers);
    expect(stored.body.answers['calls-missed']).toEqual({ value: 'partly-met', note: MISSED_NOTE });
  });
});
