// The office pages (issue 3): the QA manager opens a provider's office page from the provider
// list, adds a complaint (refused plainly while offline, with what was typed kept, then sent),
// assigns a visit to an officer and cancels it, and imports intelligence from a CSV file (a bad
// file lists its bad row; a good one imports). axe on each page. An officer sees none of it.
import { expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { openOffice } from './support/office';

const PROVIDER = 'Willow Bank Care Home';

/** A date n days from today on this machine, as YYYY-MM-DD and as the pages show it. */
function day(n: number): { iso: string; shown: string } {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, shown: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d) };
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describeWithChromium('office pages (Chromium)', (env) => {
  it('adds a complaint, assigns a visit and imports intelligence as the QA manager', async () => {
    const app = await env.signedIn('qa');
    const { page, context } = app;
    await page.getByRole('link', { name: 'Providers and briefings' }).click();
    await app.waitForHeading('Providers and briefings');
    await page.getByRole('link', { name: `Office page for ${PROVIDER}` }).click();
    await app.waitForHeading(PROVIDER);
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    await expectAccessible(page, 'provider office page');

    // A complaint, first with no connection: said plainly, and nothing typed is lost.
    const today = day(0);
    const summaryText = 'Daughter reports call bells unanswered for 20 minutes at night.';
    await page.getByRole('radio', { name: 'Complaint' }).check();
    await page.getByLabel('Date received').fill(today.iso);
    await page.getByRole('radio', { name: 'Open' }).check();
    await page.getByRole('textbox', { name: 'Summary' }).fill(summaryText);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Add intelligence' }).click();
    const problem = page.getByRole('alert', { name: 'There is a problem' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/You are offline\. The entry was not saved/);
    expect(await page.getByRole('textbox', { name: 'Summary' }).inputValue()).toBe(summaryText);
    expect(await page.getByLabel('Date received').inputValue()).toBe(today.iso);
    expect(await page.getByRole('radio', { name: 'Open' }).isChecked()).toBe(true);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Add intelligence' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Complaint added, dated ${today.shown}.` })
      .waitFor();
    const newest = page.getByTestId('intelligence-entry').first();
    expect(await newest.textContent()).toContain(summaryText);
    expect(await newest.textContent()).toContain('recorded by Gareth Lloyd');

    // Assign a visit to an officer, then cancel it.
    const due = day(21);
    await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Olivia Okafor (Contracts North)' });
    expect(await page.getByLabel('Template', { exact: true }).inputValue()).toBe('qmf-care-home');
    await page.getByLabel('Visit due by').fill(due.iso);
    await page.getByRole('radio', { name: 'Unannounced' }).check();
    await page.getByLabel('Notes for the officer (optional)').fill('Follow up the call-bell complaint at night.');
    await page.getByRole('button', { name: 'Assign visit' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Visit assigned to Olivia Okafor, due ${due.shown}.` })
      .waitFor();
    const assigned = page
      .getByTestId('assignment-list')
      .locator('li')
      .filter({ hasText: `Due ${due.shown}` });
    expect(await assigned.textContent()).toMatch(
      /Olivia Okafor.*Open.*unannounced · Follow up the call-bell complaint/,
    );
    await expectAccessible(page, 'provider office page after adding and assigning');
    await assigned
      .getByRole('button', { name: `Cancel the visit assigned to Olivia Okafor, due ${due.shown}` })
      .click();
    await page.getByRole('status').filter({ hasText: 'The visit assigned to Olivia Okafor is cancelled.' }).waitFor();
    expect(await assigned.textContent()).toContain('Cancelled');

    // Import intelligence: a file with a bad row imports nothing and names it; then a good one.
    await openOffice(app, 'Import CSV', 'Import from a CSV file');
    await expectAccessible(page, 'import page');
    const file = page.getByLabel('Intelligence CSV file');
    const header = 'provider_id,kind,date,summary,status,source,sentiment\n';
    await file.setInputFiles(
      csvFile(
        'bad.csv',
        `${header}willow-bank,Complaint,${today.iso},Lost hearing aid,Open,,\nwillow-bank,Gossip,${today.iso},Heard in the pub,,,\n`,
      ),
    );
    await page.getByRole('button', { name: 'Import intelligence' }).click();
    const refused = page.getByRole('alert', { name: 'Nothing was imported: 1 row(s) need correcting' });
    await refused.waitFor();
    expect(await refused.getByRole('link').allTextContents()).toEqual([
      expect.stringMatching(/^Row 3, kind: "Gossip" is not a kind of intelligence/),
    ]);
    await expectAccessible(page, 'import page with errors');
    await file.setInputFiles(
      csvFile(
        'intelligence.csv',
        `${header}willow-bank,Complaint,${today.iso},Lost hearing aid,Open,,\nwillow-bank,Feedback,${today.iso},Social worker praised activities,,Social work,Positive\n`,
      ),
    );
    await page.getByRole('button', { name: 'Import intelligence' }).click();
    const result = page.getByTestId('intel-csv-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /^Imported 2 intelligence entries: 1 complaint, 1 feedback from a professional\./,
    );
    await result.getByRole('link', { name: PROVIDER }).click();
    await app.waitForHeading(PROVIDER);
    expect(await page.getByTestId('intelligence-list').textContent()).toContain('Social worker praised activities');
  });

  it('shows an officer no office links and no office pages', async () => {
    const app = await env.signedIn('officer');
    const page = app.page;
    expect(await page.getByRole('link', { name: 'Office', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Providers and briefings' }).click();
    await app.waitForHeading('Providers and briefings');
    expect(await page.getByRole('link', { name: /^Office page for/ }).count()).toBe(0);
    await page.goto('/office/import');
    await app.waitForHeading('You cannot use this page');
  });
});
