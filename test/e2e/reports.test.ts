// The office's reports in Chromium against the real server and its demo data (issue 6): the QA
// manager opens the quarterly report for the demo quarter and its figures are the hand-worked
// fixture's; printed to PDF it keeps the title and totals. From the inbox they open one visit as
// a document and print it: provider, every area's rating and every action are on the paper. The
// actions tracker, the register and a provider's history work; axe on every new page; officers
// are kept out.
import { expect, it } from 'vitest';
import { qmfCareHomeV2 } from '../../src/shared/templates/qmf-care-home-v2';
import { DEMO_QUARTER, DEMO_QUARTER_FIGURES as FIXTURE } from '../fixtures/demo-quarter';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { openOffice, tableRows } from './support/office';
import { printedText } from './support/pdf';

describeWithChromium('office reports (Chromium)', (env) => {
  it('shows the demo quarter as worked out by hand, and prints it', async () => {
    const app = await env.signedIn('qa');
    const page = app.page;
    await openOffice(app, 'Quarterly QA report', 'Quarterly QA report', true);
    await page.getByLabel('Quarter', { exact: true }).selectOption({ label: DEMO_QUARTER.label });
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByText(DEMO_QUARTER.label).first().waitFor();

    const activity = await tableRows(page, 'Activity against expected');
    expect(activity).toEqual([
      ['Provider monitoring visits', String(FIXTURE.activity.visit.done), String(FIXTURE.activity.visit.expected)],
      [
        'Observations of practice',
        String(FIXTURE.activity.observation.done),
        String(FIXTURE.activity.observation.expected),
      ],
      ['Case file audits', String(FIXTURE.activity.audit.done), String(FIXTURE.activity.audit.expected)],
    ]);
    expect((await tableRows(page, 'Providers due a visit and not visited')).map((r) => r[0])).toEqual(
      FIXTURE.visitsDue.notVisited,
    );
    expect(
      Object.fromEntries(
        (await tableRows(page, /^Provider monitoring visits: overall judgements$/)).map(([k, v]) => [k, Number(v)]),
      ),
    ).toEqual(FIXTURE.grades.visit);
    expect(
      Object.fromEntries((await tableRows(page, /^Providers by RAG rating on/)).map(([k, v]) => [k, Number(v)])),
    ).toEqual(FIXTURE.ragAtEnd);
    expect((await tableRows(page, 'RAG changes in the quarter')).map((r) => r[0])).toEqual(FIXTURE.ragChanges);
    expect((await tableRows(page, 'Observations and audits written up late')).map((r) => r[1])).toEqual(
      FIXTURE.lateWriteUps.map((r) => r.subject),
    );
    expect((await tableRows(page, 'Audits whose feedback was late or not recorded')).map((r) => r[0])).toEqual(
      FIXTURE.auditFeedback.missed.map((a) => a.subject),
    );
    expect(await page.getByTestId('audit-feedback').textContent()).toContain(
      `within 48 hours: ${FIXTURE.auditFeedback.onTime} of ${FIXTURE.auditFeedback.audits} audits`,
    );
    expect((await tableRows(page, 'Actions overdue at the end of the quarter')).map((r) => r[0])).toEqual(
      FIXTURE.overdueActions,
    );
    expect(
      Object.fromEntries((await tableRows(page, 'Exceptions by heading')).map(([k, ...v]) => [k, v.map(Number)])),
    ).toEqual(
      // The fixture's four figures per heading, then the escalations opened under it.
      Object.fromEntries(
        Object.entries(FIXTURE.themes).map(([k, v]) => [
          k,
          [...v, FIXTURE.escalationsByHeading[k as keyof typeof FIXTURE.escalationsByHeading]],
        ]),
      ),
    );
    expect(
      (await tableRows(page, 'Providers in escalation in the quarter')).map(([provider, trigger, heading]) => ({
        provider,
        trigger,
        heading,
      })),
    ).toEqual(
      FIXTURE.escalations.map((e) => ({ provider: e.providerName, trigger: e.triggerLabel, heading: e.headingLabel })),
    );
    await page
      .getByText(`${FIXTURE.closure.percent}% of this quarter\u2019s significant actions were closed within 3 months.`)
      .waitFor();
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(4);
    await expectAccessible(page, 'quarterly report');

    const printed = await printedText(page);
    expect(printed.text).toContain('Quarterly QA report');
    expect(printed.text).toContain(DEMO_QUARTER.label);
    expect(printed.text).toContain(
      `Provider monitoring visits ${FIXTURE.activity.visit.done} ${FIXTURE.activity.visit.expected}`,
    );
    expect(printed.text).toContain(`${FIXTURE.closure.percent}% of this quarter`);
    expect(printed.text).not.toContain('Sign out'); // the header and buttons are not printed
    expect(printed.text).not.toContain('Show report');

    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(
      `${DEMO_QUARTER.key},activity,Provider monitoring visits,done,${FIXTURE.activity.visit.done}`,
    );
  });

  it('opens a visit from the inbox as a document and prints it', async () => {
    const app = await env.signedIn('qa');
    const page = app.page;
    await openOffice(app, 'Inbox', 'Inbox');
    await page.getByLabel('Kind', { exact: true }).selectOption('visit');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'The Beeches Residential Home' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('table', { name: '2 records' }).waitFor();
    expect(page.url()).toContain('kind=visit');
    await expectAccessible(page, 'inbox');
    await page
      .getByRole('row', { name: /15 July 2026/ })
      .getByRole('link', { name: 'The Beeches Residential Home', exact: true })
      .click();
    await app.waitForHeading('Monitoring visit report: The Beeches Residential Home');

    const expectedRatings: Record<string, string> = { safeguarding: 'Red', medicines: 'Amber', staffing: 'Amber' };
    const areas = qmfCareHomeV2.sections
      .filter((s) => s.rated)
      .map((s) => `${s.title}: ${expectedRatings[s.id] ?? 'Green'}`);
    for (const area of areas) await page.getByRole('heading', { name: area, exact: true }).waitFor();
    const actions = [
      'Refer every unexplained injury to the safeguarding team',
      'Count controlled drugs at every handover',
      'Fill the two night-time vacancies',
    ];
    expect((await tableRows(page, 'Actions agreed')).map((r) => r[0])).toEqual(actions);
    await expectAccessible(page, 'visit report');

    const printed = await printedText(page);
    expect(printed.text).toContain('The Beeches Residential Home');
    expect(printed.text).toContain('Overall RAG rating: Red');
    for (const area of areas) expect(printed.text).toContain(area);
    for (const action of actions) expect(printed.text).toContain(action);
    expect(printed.text).not.toContain('Moderate this record');
  });

  it('tracks actions, filters the register and tells a provider\u2019s history', async () => {
    const app = await env.signedIn('qa');
    const page = app.page;
    await openOffice(app, 'Actions tracker', 'Actions tracker');
    const closure = await tableRows(page, /^Significant actions closed within 3 months, by the quarter/);
    expect(closure.find((r) => r[0] === DEMO_QUARTER.label)).toEqual([
      DEMO_QUARTER.label,
      '8',
      '5',
      '1',
      '2',
      '0',
      '63%',
    ]);
    await expectAccessible(page, 'actions tracker');
    // Overdue first: Primrose Villa's care plans (due 22 July 2026) heads the open list.
    const open = page.getByRole('table', { name: /open actions?, overdue first/ });
    expect(await open.locator('tbody tr').first().textContent()).toContain('Review care plans every month');
    const row = open.getByRole('row', { name: /Review care plans every month/ });
    await row.getByText('Update').click();
    await row.getByLabel('Status').selectOption('done');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('alert').filter({ hasText: 'Say what shows the action is complete' }).waitFor();
    await row.getByLabel('Evidence').fill('Care plan audit for October seen; every plan reviewed.');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.waitFor({ state: 'detached' });

    await openOffice(app, 'Provider register', 'Provider register');
    await page.getByLabel('RAG rating').selectOption('red');
    await page.getByRole('table', { name: /^3 of 19 providers$/ }).waitFor();
    await expectAccessible(page, 'provider register');
    await page.getByRole('link', { name: 'The Beeches Residential Home' }).click();
    await app.waitForHeading('The Beeches Residential Home');
    const history = page.getByRole('list', { name: 'History, newest first' });
    await history.getByText('RAG rating changed: Amber to Red').waitFor();
    await history.getByRole('link', { name: 'Monitoring visit: Red' }).waitFor();
    await expectAccessible(page, 'provider office page with history');
  });

  it('keeps officers out of the office reports', async () => {
    const app = await env.signedIn('officer');
    const page = app.page;
    await page.goto('/office/reports/quarterly');
    await app.waitForHeading('You cannot use this page');
    expect((await page.request.get('/api/reports/quarterly')).status()).toBe(403);
  });
});
