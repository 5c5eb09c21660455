// The inbox a page at a time (issue 16), in Chromium against the real server: with more records
// than a page holds, the QA manager sees the first page in the inbox's order (awaiting sign-off
// first), shows more on request until every record is listed once, and the page stays
// accessible. The records are sent through the real PUT, dated in a month no other record uses.
import { expect, it } from 'vitest';
import { makeRecord } from '../../src/server/seed/record-maker';
import { Template } from '../../src/shared/templates/schema';
import { qmfCareHomeV2 } from '../../src/shared/templates/qmf-care-home-v2';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const template = Template.parse(qmfCareHomeV2);
const COUNT = 63;

describeWithChromium('inbox pages (Chromium)', (env) => {
  it('lists the first 50, then shows more on request until every record is listed once', async () => {
    const app = await env.signedIn('qa');
    const page = app.page;
    const sent = Array.from({ length: COUNT }, (_, i) =>
      makeRecord(template, {
        providerId: 'willow-bank',
        date: `2025-02-${String(1 + (i % 28)).padStart(2, '0')}`,
        announced: true,
        spokeWith: 'Registered manager',
      }),
    );
    for (const body of sent) {
      const res = await page.request.put(`/api/submissions/${body.id}`, { data: body });
      expect(res.status()).toBe(201);
    }

    await page.goto(`${app.baseUrl}/office/inbox?from=2025-02-01&to=2025-02-28`);
    await app.waitForHeading('Inbox');
    const table = page.getByRole('table', { name: 'The first 50 records' });
    await table.waitFor();
    const dates = await table.locator('tbody tr td:first-child').allTextContents();
    expect(dates).toHaveLength(50);
    expect(dates[0]).toBe('28 Feb 2025');
    await expectAccessible(page, 'inbox with more to show');

    await page.getByRole('button', { name: 'Show more records' }).click();
    await page.getByRole('table', { name: `${COUNT} records` }).waitFor();
    expect(await page.getByRole('button', { name: 'Show more records' }).count()).toBe(0);
    const links = await page
      .getByRole('link', { name: /^Moderate/ })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(links)).toEqual(new Set(sent.map((s) => `/review/${s.id}`)));
  });
});
