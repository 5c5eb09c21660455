// Reaching and reading the office pages in Chromium, for the browser tests of the office (reports,
// escalations, the register and imports): through the account navigation to an office page, and
// a table read as the cell texts a person sees.
import type { Page } from 'playwright-core';
import type { ChromiumApp } from './chromium-suite';
import { expectAccessible } from './browser';

/**
 * From any signed-in page, through the account navigation, to the office home and on by `link`
 * to the page headed `heading`; `checkHome` also runs axe on the office home on the way.
 */
export async function openOffice(
  app: ChromiumApp,
  link: string,
  heading: string | RegExp,
  checkHome = false,
): Promise<void> {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Office' }).click();
  await app.waitForHeading('Office');
  if (checkHome) await expectAccessible(page, 'office home');
  await page.getByRole('link', { name: link }).click();
  await app.waitForHeading(heading);
}

/** A table's body rows as cell texts (header cell first), found by its caption. */
export async function tableRows(page: Page, caption: string | RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}
