// Issue 4: a significant action raised on a care-home visit reaches that provider's next
// pre-visit briefing as an open action, due 3 months after the visit (seed 004 §9).
import { expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { addMonths } from '../../src/shared/calendar';

const PROVIDER = 'Willow Bank Care Home';

describeWithChromium('actions reach the next briefing (Chromium)', (env) => {
  it('shows a significant action from a visit as open in the provider’s briefing, due 3 months on', async () => {
    const app = await env.signedIn('officer');
    const page = app.page;
    // Pinned, so its briefing stays on the device once the assigned visit is done.
    await page.getByRole('link', { name: PROVIDER, exact: true }).click();
    await app.waitForHeading(PROVIDER);
    await page.getByRole('button', { name: 'Keep briefing on this device' }).click();
    await page.getByText('Pinned.').waitFor();
    await page.getByRole('link', { name: 'Start a visit' }).click();
    await app.waitForHeading('Start a visit');
    await page.getByRole('radio', { name: 'Care Home Quality Monitoring Framework' }).check();
    await page.getByLabel('Announced', { exact: true }).check();
    await page.getByRole('button', { name: 'Start visit' }).click();
    await app.waitForHeading(PROVIDER);
    const visitDate = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });

    const titles = (await page.getByTestId('section-task').allTextContents()).map((t) => t.trim());
    for (const title of titles) {
      await app.openArea(title);
      await app.fillSection();
      await app.backToVisit(PROVIDER);
    }
    await page.getByRole('link', { name: 'Overall RAG rating' }).click();
    await app.waitForHeading('Overall RAG rating');
    await app.chooseSuggestedRating();
    await page.getByRole('button', { name: 'Save and return' }).click();
    await app.waitForHeading(PROVIDER);

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await app.waitForHeading('Actions');
    await page.getByLabel('Raised about (optional)').selectOption({ label: 'Safeguarding' });
    await page.getByLabel('Action', { exact: true }).fill('Refresh safeguarding training for night staff');
    await page
      .getByLabel('What must change')
      .fill('Three of five night staff had no safeguarding training in the last year.');
    await page.getByRole('radio', { name: 'Significant' }).check();
    const due = addMonths(visitDate, 3);
    expect(await page.getByLabel('Due date').inputValue()).toBe(due);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('raised-action').waitFor();
    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.checkAnswers();
    await app.submitVisit();
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');

    // The next pull brings the recompiled briefing.
    await app.syncNow();
    await page.getByRole('link', { name: 'Providers and briefings' }).click();
    await page.getByRole('link', { name: PROVIDER, exact: true }).click();
    await app.waitForHeading(PROVIDER);
    const actions = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: /Open actions from earlier visits/ }) });
    const item = actions.locator('li').filter({ hasText: 'Refresh safeguarding training for night staff' });
    await expect
      .poll(
        async () => {
          if ((await item.count()) === 0) {
            await page.reload();
            await app.waitForHeading(PROVIDER);
          }
          return item.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const text = (await item.textContent()) ?? '';
    const dueText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${due}T12:00:00`),
    );
    expect(text).toContain(dueText);
    expect(text.toLowerCase()).toContain('significant');
    await expectAccessible(page, 'briefing with the new action');
  });
});
