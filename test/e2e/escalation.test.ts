// Issue 15, seed 004 §22: the QA manager puts a provider into escalation from its office page
// after a failed CQC inspection and records a step; the officer assigned to visit it syncs and,
// with no network after a cold start, finds the escalation in the pre-visit briefing; the
// quarterly report counts it under "Quality, compliments and complaints" (seed 002 §8) and lists
// it. The register marks providers in escalation (the demo's The Beeches among them). axe on each
// page that changed.
import { expect, it } from 'vitest';
import { calendarDay } from '../../src/shared/calendar';
import { quarterLabel, quarterOf } from '../../src/shared/reports/quarters';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { openOffice, tableRows } from './support/office';

const PROVIDER = 'Hartwell Lodge Nursing Home';
const REASON = 'CQC rated the home inadequate overall, with safe and well-led inadequate.';

describeWithChromium('escalation procedure (Chromium)', (env) => {
  it('opens an escalation in the office, shows it in the officer\u2019s offline briefing and counts it in the report', async () => {
    const officer = await env.signedIn('officer', { profile: true });
    await officer.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await officer.page.getByTestId('todo').filter({ hasText: PROVIDER }).waitFor();

    // The register marks the demo's provider in escalation, and filters to those in escalation.
    const qa = await env.signedIn('qa');
    const page = qa.page;
    await openOffice(qa, 'Provider register', 'Provider register');
    await page
      .getByRole('row', { name: /The Beeches Residential Home/ })
      .getByTestId('escalation-marker')
      .waitFor();
    await page.getByLabel('In escalation').check();
    expect((await tableRows(page, /^1 of \d+ providers$/)).map((r) => r[0])).toEqual([
      expect.stringContaining('The Beeches Residential Home'),
    ]);
    await expectAccessible(page, 'register with escalation markers');
    await page.getByLabel('In escalation').uncheck();

    // Into escalation from the provider's office page, then a step: refused without an owner first.
    await page.getByRole('link', { name: PROVIDER, exact: true }).click();
    await qa.waitForHeading(PROVIDER);
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Escalation/ }) });
    await section.getByText('Not in escalation').waitFor();
    const openForm = page.getByRole('form', { name: 'Put into escalation' });
    await openForm.getByRole('button', { name: 'Put into escalation' }).click();
    await openForm.getByRole('alert').filter({ hasText: 'Select what triggered the escalation' }).waitFor();
    await openForm.getByLabel('Failed CQC inspection').check();
    await openForm.getByLabel('Reason', { exact: true }).fill(REASON);
    expect(await openForm.getByLabel('Date it went into escalation').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await openForm.getByRole('button', { name: 'Put into escalation' }).click();
    await page.getByRole('status').filter({ hasText: 'In escalation since' }).waitFor();
    await section.getByText('In escalation', { exact: true }).waitFor();

    const stepForm = page.getByRole('form', { name: 'Record a step' });
    await stepForm.getByLabel('Step', { exact: true }).selectOption({ label: 'Concerns meeting' });
    await stepForm.getByRole('button', { name: 'Record step' }).click();
    await stepForm.getByRole('alert').filter({ hasText: 'Enter who owns the step' }).waitFor();
    await stepForm.getByLabel('Owner', { exact: true }).fill('Gareth Lloyd, QA manager');
    await stepForm
      .getByLabel('Note on the step (optional)')
      .fill('Provider, CQC inspector and safeguarding lead invited.');
    await stepForm.getByRole('button', { name: 'Record step' }).click();
    await page.getByRole('status').filter({ hasText: 'Step recorded.' }).waitFor();
    await section.getByTestId('escalation-step').filter({ hasText: 'Concerns meeting' }).waitFor();
    await expectAccessible(page, 'provider office page with an open escalation');

    // The officer syncs, then reads the briefing with no network after a cold start.
    const escalation = officer.page.getByTestId('briefing-escalation');
    await officer.syncNow();
    await officer.page.getByRole('link', { name: PROVIDER, exact: true }).first().click();
    await officer.waitForHeading(PROVIDER);
    await expect
      .poll(
        async () => {
          if ((await escalation.count()) === 0) {
            await officer.syncNow();
            await officer.page.reload();
            await officer.waitForHeading(PROVIDER);
          }
          return escalation.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await officer.coldStart({ offline: true });
    await officer.page.getByRole('link', { name: PROVIDER, exact: true }).first().click();
    await officer.waitForHeading(PROVIDER);
    // A cold start opens a new page: the locator is made again on it.
    const offline = officer.page.getByTestId('briefing-escalation');
    await offline.waitFor();
    const text = (await offline.textContent()) ?? '';
    expect(text).toContain('Failed CQC inspection');
    expect(text).toContain(REASON);
    expect(text).toContain('Concerns meeting');
    expect(text).toContain('Gareth Lloyd, QA manager');
    await expectAccessible(officer.page, 'offline briefing with an escalation');

    // This quarter's report counts it under quality (seed 002 §8) and lists it with its step.
    await openOffice(qa, 'Quarterly QA report', 'Quarterly QA report');
    const quarter = quarterLabel(quarterOf(calendarDay(new Date())));
    await page.getByLabel('Quarter', { exact: true }).selectOption({ label: quarter });
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByText(quarter).first().waitFor();
    const themes = Object.fromEntries(
      (await tableRows(page, 'Exceptions by heading')).map((r) => [r[0], Number(r.at(-1))]),
    );
    expect(themes['Quality, compliments and complaints']).toBe(1);
    expect(themes['Safeguarding including health and safety']).toBe(0);
    const listed = await tableRows(page, 'Providers in escalation in the quarter');
    const row = listed.find((r) => r[0] === PROVIDER);
    expect(row?.slice(1, 3)).toEqual(['Failed CQC inspection', 'Quality, compliments and complaints']);
    expect(row?.slice(4)).toEqual(['1', 'Open']);
    await expectAccessible(page, 'quarterly report with escalations');
  });
});
