// Issue 4 in a real browser: a team manager records an observation of practice offline on a
// phone, raises an action and submits; it syncs; the QA manager reviews it and returns it for
// amendment with a comment; the manager amends it on the phone and the history shows both
// revisions. axe checks every new page on the way.
import { expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const PHONE = { width: 390, height: 844 };

describeWithChromium('observation of practice, returned and amended (Chromium, phone)', (env) => {
  it('is completed offline with an action, synced, returned for amendment, amended, and its history shows both revisions', async () => {
    const app = await env.signedIn('manager', { viewport: PHONE, isMobile: true, hasTouch: true });
    const { page, context } = app;
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Start an observation of practice' }).click();
    await app.waitForHeading('Start an observation of practice');
    await expectAccessible(page, 'start an observation');
    await page.getByRole('radio', { name: /home visit/i }).check();
    await page.getByLabel('Practitioner observed').fill('Alex Morgan');
    await page.getByLabel('Practitioner’s role').fill('Social worker');
    await page.getByLabel('Team').fill('North Children in Need');
    await page.getByRole('button', { name: 'Start observation' }).click();
    await app.waitForHeading('Alex Morgan');
    const id = new URL(page.url()).pathname.split('/')[2]!;
    expect(await page.getByTestId('deadline').first().textContent()).toMatch(
      /^Observation written up by .+ \(due in 5 days\)\.$/,
    );
    await expectAccessible(page, 'observation task list');

    const titles = (await page.getByTestId('section-task').allTextContents()).map((t) => t.trim());
    const sectionTitles = titles;
    expect(sectionTitles.length).toBeGreaterThan(3);
    for (const [i, title] of sectionTitles.entries()) {
      await page.getByRole('link', { name: title, exact: true }).click();
      await app.waitForHeading(title);
      await app.fillSection();
      if (i === 0) await expectAccessible(page, 'observation section');
      await page.getByRole('link', { name: 'Return to the observation' }).click();
      await app.waitForHeading('Alex Morgan');
    }
    await page.getByRole('link', { name: /Overall judgement/ }).click();
    await app.waitForHeading(/Overall judgement/);
    await app.chooseSuggestedRating();
    await expectAccessible(page, 'overall judgement');
    await page.getByRole('button', { name: 'Save and return' }).click();

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await app.waitForHeading('Actions');
    await page.getByLabel('Action', { exact: true }).fill('Record the child’s views in the assessment');
    await page
      .getByLabel('What must change')
      .fill('The child’s wishes were discussed but not written into the assessment.');
    await page.getByRole('radio', { name: 'Routine' }).check();
    expect(await page.getByLabel('Due date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('raised-action').waitFor();
    await expectAccessible(page, 'actions');
    await page.getByRole('link', { name: 'Return to the observation' }).click();

    await app.checkAnswers();
    expect(await page.getByTestId('summary-action').count()).toBe(1);
    await app.submitVisit('Submit observation');
    expect(await app.waitingCount()).toBe('1 visit waiting to send');

    await context.setOffline(false);
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');

    // The QA manager reviews it on a laptop and returns it with a comment.
    const qa = await env.signedIn('qa');
    const qaPage = qa.page;
    await qaPage.getByRole('link', { name: 'Deadlines' }).click();
    await qa.waitForHeading('Deadlines');
    await expectAccessible(qaPage, 'deadlines');
    await qaPage
      .getByTestId('awaiting-sign-off')
      .getByRole('link', { name: /Alex Morgan/ })
      .click();
    await qa.waitForHeading('Review: Alex Morgan');
    await expectAccessible(qaPage, 'review');
    await qaPage.getByRole('button', { name: 'Return for amendment' }).click();
    await qaPage.getByRole('link', { name: 'Say what needs amending' }).waitFor(); // a return needs a comment
    await qaPage.getByLabel('Comment').fill('Add what the parent said about the plan.');
    await qaPage.getByRole('button', { name: 'Return for amendment' }).click();
    await qa.waitForHeading('Deadlines');

    await app.syncNow();
    const row = page.getByTestId('returned').filter({ hasText: 'Alex Morgan' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Add what the parent said about the plan.');
    await expectAccessible(page, 'my visits with a returned record');
    await row.getByRole('link', { name: 'Alex Morgan' }).click();
    await page.getByRole('button', { name: 'Amend this observation' }).click();
    await app.waitForHeading('Alex Morgan');
    expect(await page.getByTestId('review-comment').textContent()).toContain(
      'Add what the parent said about the plan.',
    );

    const feedback = titles.find((t) => /feedback/i.test(t)) ?? sectionTitles[sectionTitles.length - 1]!;
    await page.getByRole('link', { name: feedback, exact: true }).click();
    await app.waitForHeading(feedback);
    const box = page.locator('main form textarea').first();
    await box.fill('Mum said the plan finally reflected what the family had asked for.');
    await box.blur();
    await page.getByRole('link', { name: 'Return to the observation' }).click();
    await app.checkAnswers();
    await app.submitVisit('Submit observation');
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');

    const stored = await qaPage.request.get(`/api/submissions/${id}`);
    expect((await stored.json()).revision).toBe(2);
    await qa.driver.close();

    await page.goto(`/visits/${id}/history`);
    await app.waitForHeading('History of this observation');
    await expect.poll(() => page.getByTestId('revision').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('difference').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('history').textContent()).toContain('Returned for amendment by');
    await expectAccessible(page, 'history');
  });
});
