// Page models for the field app, written with role and label locators only, so the tests read as
// what a person does and fail when a control loses its accessible name.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const OFFICER = { email: 'officer@example.org', password: 'officer-demo-pass' };

export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

export async function signIn(page: Page, who = OFFICER): Promise<void> {
  await waitForHeading(page, 'Sign in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForHeading(page, 'My visits');
}

/** Waits until a sync has finished on this device (reference data pulled, outbox drained). */
export async function waitForSynced(page: Page): Promise<void> {
  await page.getByTestId('last-sync').filter({ hasText: 'Last synced' }).waitFor();
}

export async function waitingCount(page: Page): Promise<string> {
  return (await page.getByTestId('waiting').textContent()) ?? '';
}

export async function startVisit(
  page: Page,
  provider: string,
  options: { announced?: boolean; spokeWith?: string } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Start a visit' }).click();
  await waitForHeading(page, 'Start a visit');
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: provider });
  await page.getByLabel(options.announced === false ? 'Unannounced' : 'Announced', { exact: true }).check();
  await page.getByLabel('Who did you speak to?').fill(options.spokeWith ?? 'Registered manager; two senior carers');
  await page.getByRole('button', { name: 'Start visit' }).click();
  await waitForHeading(page, provider);
  const id = new URL(page.url()).pathname.split('/')[2];
  if (!id) throw new Error(`No visit id in ${page.url()}`);
  return id;
}

export async function openArea(page: Page, area: string): Promise<void> {
  await page.getByRole('link', { name: area, exact: true }).click();
  await waitForHeading(page, area);
}

/** Answers every item of the open area with `answer` (notes where given) and rates the area. */
export async function answerArea(
  page: Page,
  answer: 'Met' | 'Partly met' | 'Not met' | 'Not applicable',
  rating: 'Green' | 'Amber' | 'Red',
  notes: Record<number, string> = {},
): Promise<void> {
  const groups = page
    .locator('fieldset.fieldset')
    .filter({ has: page.getByRole('radio', { name: answer, exact: true }) });
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole('radio', { name: answer, exact: true }).check();
    const note = notes[i];
    if (note !== undefined) {
      await page.locator('.item').nth(i).getByRole('textbox').fill(note);
    }
  }
  // The suggested rating when the template suggests one (a different one would need a reason).
  const suggested = page.getByRole('radio', { name: / \(suggested\)$/ });
  if ((await suggested.count()) > 0) await suggested.first().check();
  else await page.getByRole('radio', { name: rating, exact: true }).check();
}

export async function backToVisit(page: Page, provider: string): Promise<void> {
  await page.getByRole('link', { name: 'Return to the visit' }).click();
  await waitForHeading(page, provider);
}

export async function expectStatus(page: Page, name: RegExp | string): Promise<void> {
  await expect.poll(async () => page.getByTestId('connection').textContent()).toMatch(name);
}

export const QMF_AREAS = [
  'Staffing levels and recruitment',
  'Staff supervision',
  'Staff training',
  'Resident care',
  'Safeguarding',
  'Management and finances',
  'Staff feedback',
  'Medicine management',
  'Feedback from residents and service users',
];

/** Answers every remaining area "Met" / "Green" from the task list, then the overall rating if the template asks for one. */
export async function completeAllAreas(page: Page, provider: string, skip: string[] = []): Promise<void> {
  for (const area of QMF_AREAS.filter((a) => !skip.includes(a))) {
    await openArea(page, area);
    await answerArea(page, 'Met', 'Green');
    await backToVisit(page, provider);
  }
  await giveOverallRating(page, provider, 'Green');
}

/** On templates with an overall judgement (QMF v2 on), gives it from the task list and returns. */
export async function giveOverallRating(page: Page, provider: string, rating: string): Promise<void> {
  const link = page.getByRole('link', { name: 'Overall RAG rating' });
  if ((await link.count()) === 0) return;
  await link.click();
  await waitForHeading(page, 'Overall RAG rating');
  const suggested = page.getByRole('radio', { name: / \(suggested\)$/ });
  if ((await suggested.count()) > 0) await suggested.first().check();
  else await page.getByRole('radio', { name: rating, exact: true }).check();
  await page.getByRole('button', { name: 'Save and return' }).click();
  await waitForHeading(page, provider);
}

/** Starts, completes and submits a visit; returns its id. */
export async function submitCompleteVisit(page: Page, provider: string): Promise<string> {
  const id = await startVisit(page, provider);
  await completeAllAreas(page, provider);
  await page.getByRole('link', { name: 'Check answers and submit' }).click();
  await waitForHeading(page, 'Check your answers');
  await page.getByRole('button', { name: 'Submit visit' }).click();
  await waitForHeading(page, 'My visits');
  return id;
}
