// Issue 15 (seed 004 §18-19): on the office page the risk matrix suggests a new monitoring level and
// RAG for a provider, with its reasons; the QA manager confirms it; the provider's briefing on the
// allocated officer's device then shows the new level, RAG and next visit due, offline too.
import { expect, it } from 'vitest';
import { addMonths } from '../../src/shared/calendar';
import { DEFAULT_VISIT_FREQUENCY_MONTHS } from '../../src/shared/briefings/visit-due';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

// In the demo: a nursing home at level 3, Amber, whose latest visit was Amber, with a significant
// action overdue and a CQC rating of Requires improvement (three Amber concerns: Red, level 5).
const PROVIDER = 'Hartwell Lodge Nursing Home';
const PROVIDER_ID = 'hartwell-lodge';

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00`),
  );

describeWithChromium('monitoring review reaches the briefing (Chromium)', (env) => {
  it('QA confirms the suggested level and RAG; the officer’s briefing shows them and the next visit due', async () => {
    const officer = await env.signedIn('officer', { profile: true });
    const facts = (label: string) =>
      officer.page
        .locator('.summary-row')
        .filter({ has: officer.page.locator('dt', { hasText: label }) })
        .locator('dd');
    const openBriefing = async () => {
      await officer.page.getByRole('link', { name: PROVIDER, exact: true }).first().click();
      await officer.waitForHeading(PROVIDER);
      await officer.page.getByRole('heading', { name: 'Provider', exact: true }).waitFor();
    };
    // Assigned to this officer, so its briefing is on the device: level 3, Amber, as the register has it.
    await openBriefing();
    expect(await facts('Monitoring level').textContent()).toBe('Level 3: scheduled visits');
    expect(await officer.page.getByTestId('rag').textContent()).toBe('Amber');

    // The QA manager, on the provider's office page.
    const qa = await env.signedIn('qa');
    const page = qa.page;
    await page.getByRole('link', { name: 'Providers and briefings' }).click();
    await qa.waitForHeading('Providers and briefings');
    await page.getByRole('link', { name: `Office page for ${PROVIDER}` }).click();
    await qa.waitForHeading(PROVIDER);
    const suggestion = page.getByTestId('suggestion');
    await suggestion.waitFor();
    expect((await suggestion.textContent())?.replace(/\s+/g, ' ')).toBe('Level 5, RAG Red (now level 3, Amber)');
    const reasons = await page.getByRole('list', { name: 'Why the risk matrix suggests this' }).textContent();
    expect(reasons).toContain('3 separate Amber concerns together make Red.');
    expect(reasons).toContain('1 significant action past its due date.');
    await expectAccessible(page, 'provider office page with the risk matrix suggestion');

    // Confirming without choosing is refused plainly; then confirmed.
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('alert').filter({ hasText: 'Select whether you confirm the suggestion' }).first().waitFor();
    await page.getByRole('radio', { name: 'Confirm the suggestion: level 5, Red' }).check();
    await page
      .getByLabel('Note (optional)')
      .fill('Agreed at the contracts meeting: quarterly visits until the action is closed.');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('status').filter({ hasText: 'Review recorded: level 5, Red, as suggested.' }).waitFor();
    const register = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Register' }) });
    expect(await register.textContent()).toContain('Level 5: scheduled visits');
    expect(await register.textContent()).toContain('Red');
    const history = page.getByRole('list', { name: 'History, newest first' });
    await history.getByText('Monitoring review: level 3 to 5, Amber to Red (suggestion confirmed)').waitFor();
    await history.getByText('RAG rating changed: Amber to Red').waitFor();
    await expectAccessible(page, 'provider office page after the review');

    // At level 5 the next visit is three months after the last one.
    const api = await env.api('qa');
    const provider = (await (await api.get(`/api/providers/${PROVIDER_ID}`)).json()) as {
      lastVisitDate: string;
      nextVisitDue: string;
    };
    const due = addMonths(provider.lastVisitDate, DEFAULT_VISIT_FREQUENCY_MONTHS[5]!);
    expect(provider.nextVisitDue).toBe(due);

    // The officer's device, after its next sync: the new level, RAG and next visit due...
    await officer.page.getByRole('link', { name: 'My visits' }).first().click();
    await officer.waitForHeading('My visits');
    await officer.syncNow();
    await officer.waitForSynced();
    await openBriefing();
    await expect
      .poll(
        async () => {
          const level = await facts('Monitoring level').textContent();
          if (level !== 'Level 5: scheduled visits') {
            await officer.page.reload();
            await officer.waitForHeading(PROVIDER);
          }
          return level;
        },
        { timeout: 30_000 },
      )
      .toBe('Level 5: scheduled visits');
    expect(await officer.page.getByTestId('rag').textContent()).toBe('Red');
    expect(await facts('Next visit due').textContent()).toContain(longDate(due));
    await expectAccessible(officer.page, 'briefing after the review');

    // ...and the same with no network, after a cold start.
    await officer.coldStart({ offline: true });
    await openBriefing();
    expect(await facts('Monitoring level').textContent()).toBe('Level 5: scheduled visits');
    expect(await officer.page.getByTestId('rag').textContent()).toBe('Red');
    expect(await facts('Next visit due').textContent()).toContain(longDate(due));
  });
});
