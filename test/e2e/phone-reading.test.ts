// Issue 17, defects 4, 7 and 10, on a phone (390 × 844, touch) in Chromium: a long unbroken string
// (a pasted link) in every free-text field of a visit never makes a page of the flow scroll
// sideways; one QMF area and the check-answers page of an incomplete visit are at most half the
// height they were (the scale's hints shown once per area, short error messages grouped by area);
// and a radio's label that wraps stays beside its circle. axe checks each page changed.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PROVIDER = 'Willow Bank Care Home';
const AREA = 'Staffing levels and recruitment';

/** A pasted link of 178 characters with no place a browser may break a line (no spaces or hyphens). */
const LINK = (() => {
  const start = 'https://council.sharepoint.example.org/sites/QualityMonitoring/SharedDocuments/WillowBank/';
  return (start + 'EvidenceOfNightShiftRotasOctober2026AndDependencyToolReviewNotes'.repeat(2)).slice(0, 178);
})();

/**
 * Page heights at 390 × 844 on the code before this change, measured on 7 December 2026 by this
 * test's own measurement (document.documentElement.scrollHeight, Chromium 156 headless, a fresh
 * QMF v3 visit to Willow Bank Care Home): the area with nothing answered yet, and check answers of
 * the same visit with nothing answered (every question an error).
 */
const BEFORE = { area: 9537, checkAnswers: 22408 };

/**
 * The page is no wider than the window: nothing scrolls sideways. On a phone the browser widens
 * the layout viewport to fit content that overflows (zooming out), so the window must also still
 * be the phone's 390 px.
 */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  const problem = `${name}: ${sizes.content}px of content in a ${sizes.window}px window`;
  expect(sizes.content, problem).toBeLessThanOrEqual(sizes.window);
  expect(sizes.window, problem).toBe(PHONE.viewport.width);
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describeWithChromium('reading and answering on a phone (Chromium, 390 × 844)', (env) => {
  it('keeps every page of the flow within the screen with a long link in every free-text field', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    const id = await app.startVisit(PROVIDER, { spokeWith: LINK });
    await expectNoSidewaysScroll(page, 'task list');

    await app.openArea(AREA);
    await page.getByRole('radio', { name: 'Partly met', exact: true }).first().check();
    await app.note(0, LINK);
    await app.answerArea('Met', 'Green');
    await expectNoSidewaysScroll(page, 'area');

    await page.getByRole('link', { name: /^Raise an action about Rotas/ }).click();
    await app.waitForHeading('Actions');
    await page.getByLabel('Action', { exact: true }).fill(LINK);
    await page.getByLabel('What must change').fill(LINK);
    await page.getByRole('radio', { name: 'Routine' }).check();
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('raised-action').waitFor();
    await expectNoSidewaysScroll(page, 'actions');
    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.waitForHeading(PROVIDER);

    await app.completeAllAreas(PROVIDER, [AREA]);
    await app.checkAnswers();
    expect(await page.locator('main').textContent()).toContain(LINK);
    await expectNoSidewaysScroll(page, 'check answers');
    await expectAccessible(page, 'check answers with long text');
    await app.submitVisit();
    await expectNoSidewaysScroll(page, 'my visits');
    await app.waitForAllSent();

    // The council's copy: the QA manager's review on a phone, and the printable record report.
    const qa = await env.signedIn('qa', PHONE);
    await qa.open(`/review/${id}`);
    await qa.page.getByText(LINK, { exact: true }).first().waitFor();
    await qa.waitForHeading(/^Review: /);
    await expectNoSidewaysScroll(qa.page, 'review');
    await expectAccessible(qa.page, 'review with long text');
    await qa.open(`/office/records/${id}`);
    await qa.page.getByText(LINK, { exact: true }).first().waitFor();
    await expectNoSidewaysScroll(qa.page, 'record report');
  });

  it('halves the height of a QMF area and of an incomplete visit’s check answers', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    await app.startVisit(PROVIDER);
    await app.openArea(AREA);
    const area = await pageHeight(page);
    await expectAccessible(page, 'area');

    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.waitForHeading(PROVIDER);
    await app.checkAnswers();
    await page.getByRole('heading', { name: 'Before you can submit' }).waitFor();
    const checkAnswers = await pageHeight(page);
    await expectAccessible(page, 'check answers of an incomplete visit');

    console.log(
      `Page heights at 390 px: area ${BEFORE.area} → ${area} px; ` +
        `check answers (incomplete) ${BEFORE.checkAnswers} → ${checkAnswers} px`,
    );
    expect(area, 'one QMF area at most half its height before').toBeLessThanOrEqual(BEFORE.area / 2);
    expect(checkAnswers, 'check answers at most half its height before').toBeLessThanOrEqual(BEFORE.checkAnswers / 2);
  });

  it('keeps a long radio label beside its circle when it wraps', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    await app.startVisit(PROVIDER);
    await app.openArea(AREA);
    // No QMF option is long enough to wrap at 390 px, so one is given a long label in the page: the
    // layout, not the words, is what is checked.
    const radio = page.getByRole('radio', { name: 'Partly met', exact: true }).first();
    const id = await radio.getAttribute('id');
    const lines = await page.evaluate((inputId) => {
      const input = document.getElementById(inputId!)!;
      const label = document.querySelector<HTMLLabelElement>(`label[for="${inputId}"]`)!;
      label.textContent =
        'Partly met: some evidence, but with gaps or inconsistencies in what the home showed us on the day';
      // A range over the text gives one box per line (the label's own box would be one rectangle).
      const range = document.createRange();
      range.selectNodeContents(label);
      return {
        inputRight: input.getBoundingClientRect().right,
        lefts: Array.from(range.getClientRects()).map((r) => r.left),
        tops: new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size,
      };
    }, id);
    expect(lines.tops, 'the label wraps onto more than one line').toBeGreaterThan(1);
    await expectAccessible(page, 'area with a long radio label');
    for (const left of lines.lefts)
      expect(left, 'each line of the label starts right of the radio').toBeGreaterThanOrEqual(lines.inputRight);
  });
});
